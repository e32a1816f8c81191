#include "commitmentspanel.h"

#include "edits/bookeditor.h"
#include "models/formatter.h"
#include "session/booksession.h"
#include "views/bookview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tp::ui {

namespace {

constexpr int idRole = Qt::UserRole + 1;
// The pause after the last key before the notes are written (one undo step per pause).
constexpr int notesPauseMs = 700;

QTreeWidget *makeList(const QStringList &headers, const QString &accessibleName, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setUniformRowHeights(true);
    list->setAccessibleName(accessibleName);
    list->header()->setStretchLastSection(false);
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < headers.size(); ++c)
        list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    return list;
}

} // namespace

CommitmentsPanel::CommitmentsPanel(BookSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_carried(makeList(
              { tr("Commitment"), tr("Deal or account"), tr("Due"), tr("Made"), tr("Status") },
              tr("Commitments carried from earlier reviews"), this)),
      m_made(makeList({ tr("Commitment"), tr("Deal or account"), tr("Due") },
                      tr("Commitments made in this review"), this)),
      m_text(new QLineEdit(this)),
      m_deal(new QComboBox(this)),
      m_hasDue(new QCheckBox(tr("D&ue:"), this)),
      m_due(new QDateEdit(this)),
      m_add(new QPushButton(tr("&Add"), this)),
      m_remove(new QPushButton(tr("&Remove"), this)),
      m_notes(new QPlainTextEdit(this)),
      m_notesTimer(new QTimer(this)),
      m_carriedEmpty(new QLabel(this))
{
    m_text->setPlaceholderText(tr("New commitment, e.g. “Send the ROI case to the CFO”"));
    m_text->setAccessibleName(tr("New commitment"));
    m_deal->setAccessibleName(tr("Deal of the new commitment"));
    m_deal->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_deal->setMinimumContentsLength(10);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(Formatter::dateFormat(QLocale()));
    m_due->setEnabled(false);
    m_due->setAccessibleName(tr("Due date of the new commitment"));
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    m_add->setDefault(false);
    m_add->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, [this] { addCommitment(); });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { addCommitment(); });
    connect(m_text, &QLineEdit::textChanged, this, [this] { updateEnabled(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(m_made, &QTreeWidget::itemSelectionChanged, this, [this] { updateEnabled(); });
    auto *del = new QShortcut(QKeySequence::Delete, m_made, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { removeSelected(); });

    m_notes->setPlaceholderText(tr("Notes of this review: what the rep said, what to look at "
                                   "next time"));
    m_notes->setAccessibleName(tr("Review notes"));
    m_notes->setTabChangesFocus(true);
    m_notesTimer->setSingleShot(true);
    m_notesTimer->setInterval(notesPauseMs);
    connect(m_notesTimer, &QTimer::timeout, this, [this] { saveNotes(); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (m_review && m_notes->toPlainText() != m_review->notes)
            m_notesTimer->start();
    });
    m_carriedEmpty->setWordWrap(true);
    m_carriedEmpty->setForegroundRole(QPalette::PlaceholderText);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *carriedLabel = new QLabel(tr("<b>Carried from earlier reviews</b>"), left);
    carriedLabel->setBuddy(m_carried);
    leftLayout->addWidget(carriedLabel);
    leftLayout->addWidget(m_carriedEmpty);
    leftLayout->addWidget(m_carried, 2);
    auto *madeLabel = new QLabel(tr("<b>Made in this review</b>"), left);
    madeLabel->setBuddy(m_made);
    leftLayout->addWidget(madeLabel);
    leftLayout->addWidget(m_made, 2);
    auto *newRow = new QHBoxLayout;
    newRow->addWidget(m_text, 3);
    newRow->addWidget(m_deal, 1);
    newRow->addWidget(m_hasDue);
    newRow->addWidget(m_due);
    newRow->addWidget(m_add);
    newRow->addWidget(m_remove);
    leftLayout->addLayout(newRow);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *notesLabel = new QLabel(tr("<b>&Notes</b>"), right);
    notesLabel->setBuddy(m_notes);
    rightLayout->addWidget(notesLabel);
    rightLayout->addWidget(m_notes, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);
    updateEnabled();
}

void CommitmentsPanel::show(const std::optional<Review> &review,
                            const BookReader::ReviewItems &items,
                            const std::vector<Review> &history,
                            const std::vector<std::pair<Id, QString>> &deals)
{
    const bool sameReview = review && m_review && review->id == m_review->id;
    if (m_notesTimer->isActive() && !sameReview)
        saveNotes();
    m_review = review;
    m_deals = deals;
    const QVariant chosen = m_deal->currentData();
    m_deal->clear();
    m_deal->addItem(tr("No deal"), QVariant());
    for (const auto &[id, name] : m_deals)
        m_deal->addItem(name, id);
    m_deal->setCurrentIndex(std::max(0, m_deal->findData(chosen)));
    fillCarried(items.carried, history);
    fillMade(items.made);
    // The notes as the book has them, unless the user is typing into them.
    const QString notes = review ? review->notes : QString();
    if (!(sameReview && m_notesTimer->isActive()) && m_notes->toPlainText() != notes)
        m_notes->setPlainText(notes);
    if (!m_due->date().isValid() || !m_hasDue->isChecked())
        m_due->setDate(review ? review->heldOn.addDays(7) : QDate::currentDate());
    updateEnabled();
}

QString CommitmentsPanel::dealOrAccountName(const Commitment &c) const
{
    const BookView *view = m_session->view();
    if (!view)
        return {};
    if (c.opportunity) {
        const int row = view->opportunities.indexOf(*c.opportunity);
        return row >= 0 ? view->opportunities.name.at(std::size_t(row)) : QString();
    }
    if (c.account) {
        const int row = view->accounts.indexOf(*c.account);
        return row >= 0 ? view->accounts.name.at(std::size_t(row)) : QString();
    }
    return {};
}

void CommitmentsPanel::fillCarried(const std::vector<Commitment> &carried,
                                   const std::vector<Review> &history)
{
    m_carried->clear();
    const Formatter format;
    for (const Commitment &c : carried) {
        auto *item = new QTreeWidgetItem(m_carried);
        item->setText(0, c.text);
        item->setToolTip(0, c.text);
        item->setText(1, dealOrAccountName(c));
        item->setText(2, c.due.isValid() ? format.date(c.due) : QString());
        item->setData(0, idRole, c.id);
        const auto made = std::find_if(history.begin(), history.end(),
                                       [&](const Review &r) { return r.id == c.review; });
        if (made != history.end())
            item->setText(3, format.date(made->heldOn));
        // Its status as of this review: settled here, or still open (settled later, or not yet).
        const bool settledHere = m_review && c.settledIn == m_review->id;
        const CommitmentStatus status = settledHere ? c.status : CommitmentStatus::Open;
        auto *box = new QComboBox(m_carried);
        for (int s = 0; s < commitmentStatusCount; ++s)
            box->addItem(commitmentStatusName(CommitmentStatus(s)), s);
        box->setCurrentIndex(int(status));
        box->setAccessibleName(tr("Status of “%1”").arg(c.text));
        const Id id = c.id;
        connect(box, &QComboBox::activated, this,
                [this, id](int index) { setStatus(id, CommitmentStatus(index)); });
        m_carried->setItemWidget(item, 4, box);
        if (c.due.isValid() && m_review && c.due < m_review->heldOn
            && status == CommitmentStatus::Open)
            item->setForeground(2, palette().color(QPalette::Link));
    }
    m_carriedEmpty->setText(m_review ? tr("No commitment of an earlier review is open.")
                                     : QString());
    m_carriedEmpty->setVisible(m_review && carried.empty());
}

void CommitmentsPanel::fillMade(const std::vector<Commitment> &made)
{
    m_made->clear();
    const Formatter format;
    for (const Commitment &c : made) {
        auto *item = new QTreeWidgetItem(m_made);
        item->setText(0, c.text);
        item->setToolTip(0, c.text);
        item->setText(1, dealOrAccountName(c));
        item->setText(2, c.due.isValid() ? format.date(c.due) : QString());
        item->setData(0, idRole, c.id);
    }
}

void CommitmentsPanel::updateEnabled()
{
    const bool open = m_review.has_value() && !m_session->isReadOnly();
    m_text->setEnabled(open);
    m_deal->setEnabled(open);
    m_hasDue->setEnabled(open);
    m_add->setEnabled(open && !m_text->text().trimmed().isEmpty());
    m_remove->setEnabled(open && !m_made->selectedItems().isEmpty());
    m_notes->setReadOnly(!open);
}

bool CommitmentsPanel::addCommitment()
{
    if (!m_review || m_text->text().trimmed().isEmpty())
        return false;
    const QVariant deal = m_deal->currentData();
    const std::optional<Id> opportunity =
            deal.isValid() ? std::optional<Id>(deal.toLongLong()) : std::nullopt;
    const QDate due = m_hasDue->isChecked() ? m_due->date() : QDate();
    if (!m_session->edit(&BookEditor::addCommitment, m_review->id, m_text->text(), opportunity,
                         std::optional<Id>(), due))
        return false;
    m_text->clear();
    m_text->setFocus();
    return true;
}

void CommitmentsPanel::removeSelected()
{
    const QList<QTreeWidgetItem *> selected = m_made->selectedItems();
    if (selected.isEmpty())
        return;
    m_session->edit(&BookEditor::removeCommitment, selected.first()->data(0, idRole).toLongLong());
}

void CommitmentsPanel::setStatus(Id commitment, CommitmentStatus status)
{
    if (m_review)
        m_session->edit(&BookEditor::settleCommitment, commitment, status, m_review->id);
}

void CommitmentsPanel::saveNotes()
{
    m_notesTimer->stop();
    if (!m_review || m_notes->toPlainText() == m_review->notes)
        return;
    m_session->edit(&BookEditor::setReviewNotes, m_review->id, m_notes->toPlainText());
}

} // namespace tp::ui
