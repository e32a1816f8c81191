#include "factorspanel.h"

#include "edits/bookeditor.h"
#include "session/booksession.h"
#include "style/menubutton.h"
#include "style/theme.h"
#include "worklistdelegate.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tp::ui {

namespace {

QString appliesTo(const WeightProfile &p)
{
    switch (p.kind) {
    case SegmentKind::Book:
        return FactorsPanel::tr("Applies to accounts no other profile matches.");
    case SegmentKind::Territory:
        return FactorsPanel::tr("Applies to territory “%1” unless an industry or size band "
                                "profile matches.")
                .arg(p.segment.trimmed());
    case SegmentKind::Industry:
        return FactorsPanel::tr("Applies to industry “%1” unless a size band profile matches.")
                .arg(p.segment.trimmed());
    case SegmentKind::SizeBand:
        return FactorsPanel::tr("Applies to size band “%1”.").arg(p.segment.trimmed());
    }
    return {};
}

QString kindLabel(SegmentKind kind)
{
    switch (kind) {
    case SegmentKind::Book:
        return FactorsPanel::tr("Book");
    case SegmentKind::Territory:
        return FactorsPanel::tr("&Territory");
    case SegmentKind::Industry:
        return FactorsPanel::tr("&Industry");
    case SegmentKind::SizeBand:
        return FactorsPanel::tr("&Size Band");
    }
    return {};
}

// The factor's colour, as its bars in the work list and its swatch in the scoring panel.
QIcon swatch(int factor, qreal dpr)
{
    QPixmap pixmap(QSize(10, 10) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.fillRect(QRectF(1, 1, 8, 8), WorkListDelegate::factorColor(factor, theme::isDark()));
    return QIcon(pixmap);
}

QToolButton *button(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

} // namespace

FactorsPanel::FactorsPanel(BookSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_profile(new QComboBox(this)),
      m_addProfile(new MenuButton(tr("Add Profile"), this)),
      m_removeProfile(button(tr("Remove Profile"), tr("Remove this weight profile"), this)),
      m_appliesTo(new QLabel(this)),
      m_table(new QTableWidget(this)),
      m_description(new QLineEdit(this)),
      m_addFactor(button(tr("Add Factor…"), tr("Add an engagement factor (Insert)"), this)),
      m_removeFactor(button(tr("Remove"), tr("Remove the factor and its scores (Delete)"), this)),
      m_moveUp(button(tr("Move Up"), tr("Move the factor up (Ctrl+Up)"), this)),
      m_moveDown(button(tr("Move Down"), tr("Move the factor down (Ctrl+Down)"), this))
{
    m_profile->setToolTip(tr("The weight profile to edit"));
    m_profile->setAccessibleName(tr("Weight profile"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profile->setMinimumContentsLength(16);
    auto *profileMenu = new QMenu(m_addProfile);
    m_addProfile->setMenu(profileMenu);
    m_addProfile->setToolTip(
            tr("Weights of their own for a territory, an industry or a size band"));
    connect(profileMenu, &QMenu::aboutToShow, this, &FactorsPanel::fillProfileMenu);
    m_appliesTo->setWordWrap(true);
    m_appliesTo->setForegroundRole(QPalette::PlaceholderText);

    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({ tr("Factor"), tr("Weight") });
    m_table->setAccessibleName(tr("Engagement factors"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(WeightColumn, QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setTabKeyNavigation(false);
    m_table->installEventFilter(this);
    m_description->setPlaceholderText(tr("What a 5 means"));
    m_description->setAccessibleName(tr("Description of the factor"));
    m_description->setClearButtonEnabled(true);

    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(m_addProfile);
    profileRow->addWidget(m_removeProfile);
    auto *buttons = new QHBoxLayout;
    for (QToolButton *b : { m_addFactor, m_removeFactor, m_moveUp, m_moveDown })
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *form = new QFormLayout;
    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    form->addRow(descriptionLabel, m_description);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(profileRow);
    layout->addWidget(m_appliesTo);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_profile, &QComboBox::currentIndexChanged, this, &FactorsPanel::refreshWeights);
    connect(m_removeProfile, &QToolButton::clicked, this, [this] {
        m_session->edit(&BookEditor::removeProfile, m_profile->currentData().toLongLong());
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, &FactorsPanel::refreshFactor);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() != NameColumn)
            return;
        if (!m_session->edit(&BookEditor::renameFactor, item->data(Qt::UserRole).toLongLong(),
                             item->text()))
            rebuild(); // refused: the name it had
    });
    connect(m_description, &QLineEdit::editingFinished, this, [this] {
        if (const Id factor = currentFactor())
            m_session->edit(&BookEditor::describeFactor, factor, m_description->text());
    });
    connect(m_addFactor, &QToolButton::clicked, this, &FactorsPanel::addFactor);
    connect(m_removeFactor, &QToolButton::clicked, this, &FactorsPanel::removeCurrentFactor);
    connect(m_moveUp, &QToolButton::clicked, this, [this] { moveCurrentFactor(-1); });
    connect(m_moveDown, &QToolButton::clicked, this, [this] { moveCurrentFactor(1); });
    connect(session, &BookSession::loaded, this, &FactorsPanel::rebuild);
    connect(session, &BookSession::changed, this, [this](const BookChange &change) {
        if (change.aspects().testFlag(ChangeAspect::ScoringModel))
            rebuild();
        else if (change.aspects() & (ChangeAspect::Weights | ChangeAspect::Scores))
            refreshWeights();
    });
    rebuild();
}

QDoubleSpinBox *FactorsPanel::weightBox(int factor) const
{
    return m_boxes.at(std::size_t(factor));
}

Id FactorsPanel::currentFactor() const
{
    const QTableWidgetItem *item = m_table->item(m_table->currentRow(), NameColumn);
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void FactorsPanel::rebuild()
{
    refreshProfiles();
    const BookView *view = m_session->view();
    const auto factors = view ? view->scoring.factors : std::vector<EngagementFactor>{};
    const Id current = currentFactor();
    m_filling = true;
    // The same factors in the same order (a rename, a new description): texts only, so that an
    // edit that just committed keeps its item.
    bool same = m_table->rowCount() == int(factors.size());
    for (int row = 0; same && row < m_table->rowCount(); ++row)
        same = m_table->item(row, NameColumn)->data(Qt::UserRole).toLongLong()
                == factors[std::size_t(row)].id;
    if (!same) {
        m_table->clearContents();
        m_table->setRowCount(int(factors.size()));
        m_boxes.clear();
        for (std::size_t f = 0; f < factors.size(); ++f) {
            auto *item = new QTableWidgetItem;
            item->setData(Qt::UserRole, qlonglong(factors[f].id));
            m_table->setItem(int(f), NameColumn, item);
            auto *box = new QDoubleSpinBox(m_table);
            box->setRange(0, 100);
            box->setDecimals(1);
            box->setSingleStep(0.5);
            box->setAccelerated(true);
            box->setFrame(false);
            box->setAccessibleName(factors[f].name);
            const Id factorId = factors[f].id;
            connect(box, &QDoubleSpinBox::valueChanged, this, [this, factorId](double weight) {
                const Id profile = m_profile->currentData().toLongLong();
                if (profile > 0)
                    m_session->edit(&BookEditor::setWeight, profile, factorId, weight);
            });
            m_table->setCellWidget(int(f), WeightColumn, box);
            m_boxes.push_back(box);
        }
    }
    for (std::size_t f = 0; f < factors.size(); ++f) {
        QTableWidgetItem *item = m_table->item(int(f), NameColumn);
        item->setText(factors[f].name);
        item->setToolTip(factors[f].description);
        item->setIcon(swatch(int(f), devicePixelRatioF()));
        m_boxes[f]->setAccessibleName(factors[f].name);
        if (factors[f].id == current && m_table->currentRow() != int(f))
            m_table->setCurrentCell(int(f), NameColumn);
    }
    if (m_table->currentRow() < 0 && !factors.empty())
        m_table->setCurrentCell(0, NameColumn);
    m_filling = false;
    refreshWeights();
    refreshFactor();
}

void FactorsPanel::refreshProfiles()
{
    const BookView *view = m_session->view();
    const Id selected = m_profile->currentData().toLongLong();
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    if (view) {
        for (const WeightProfile &p : view->scoring.profiles)
            m_profile->addItem(p.name, qlonglong(p.id));
    }
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(qlonglong(selected))));
}

void FactorsPanel::refreshWeights()
{
    const BookView *view = m_session->view();
    const int index = m_profile->currentIndex();
    if (!view || index < 0 || std::size_t(index) >= view->scoring.profiles.size()) {
        m_appliesTo->clear();
        m_removeProfile->setEnabled(false);
        return;
    }
    const WeightProfile &p = view->scoring.profiles[std::size_t(index)];
    m_appliesTo->setText(appliesTo(p));
    m_removeProfile->setEnabled(p.kind != SegmentKind::Book);
    for (std::size_t f = 0; f < m_boxes.size() && f < p.weights.size(); ++f) {
        const QSignalBlocker blocker(m_boxes[f]);
        m_boxes[f]->setValue(p.weights[f]);
    }
}

void FactorsPanel::refreshFactor()
{
    const BookView *view = m_session->view();
    const int row = m_table->currentRow();
    const int count = m_table->rowCount();
    const bool has =
            view && row >= 0 && row < count && std::size_t(row) < view->scoring.factors.size();
    if (!m_description->hasFocus() || !has)
        m_description->setText(has ? view->scoring.factors[std::size_t(row)].description
                                   : QString());
    m_description->setEnabled(has);
    m_removeFactor->setEnabled(has && count > 1);
    m_moveUp->setEnabled(has && row > 0);
    m_moveDown->setEnabled(has && row + 1 < count);
}

void FactorsPanel::addFactor()
{
    bool ok = false;
    const QString name =
            QInputDialog::getText(this, tr("Add Engagement Factor"), tr("Name of the factor:"),
                                  QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (m_session->edit(&BookEditor::addFactor, name, QString())) {
        m_table->setCurrentCell(m_table->rowCount() - 1, NameColumn);
        m_description->setFocus();
    }
}

void FactorsPanel::removeCurrentFactor()
{
    if (const Id factor = currentFactor())
        m_session->edit(&BookEditor::removeFactor, factor);
}

void FactorsPanel::moveCurrentFactor(int step)
{
    const Id factor = currentFactor();
    const int row = m_table->currentRow();
    if (!factor || row + step < 0 || row + step >= m_table->rowCount())
        return;
    m_session->edit(&BookEditor::moveFactor, factor, row + step);
}

void FactorsPanel::fillProfileMenu()
{
    QMenu *menu = m_addProfile->menu();
    menu->clear();
    const BookView *view = m_session->view();
    if (!view)
        return;
    for (const SegmentKind kind :
         { SegmentKind::Territory, SegmentKind::Industry, SegmentKind::SizeBand }) {
        QStringList segments;
        if (kind == SegmentKind::Territory) {
            for (const TerritoryRow &t : view->territories)
                segments.append(t.name);
        } else {
            segments = kind == SegmentKind::Industry ? view->accounts.industries
                                                     : view->accounts.sizeBands;
        }
        // The book's segments that have no profile yet, each once.
        QStringList offered, seen;
        for (const WeightProfile &p : view->scoring.profiles)
            if (p.kind == kind)
                seen.append(p.segment.trimmed().toCaseFolded());
        for (const QString &s : std::as_const(segments)) {
            const QString key = s.trimmed().toCaseFolded();
            if (key.isEmpty() || seen.contains(key))
                continue;
            seen.append(key);
            offered.append(s.trimmed());
        }
        offered.sort(Qt::CaseInsensitive);
        QMenu *sub = menu->addMenu(kindLabel(kind));
        for (const QString &segment : std::as_const(offered)) {
            QAction *action = sub->addAction(
                    QString(segment).replace(QLatin1Char('&'), QStringLiteral("&&")));
            connect(action, &QAction::triggered, this,
                    [this, kind, segment] { addProfile(int(kind), segment); });
        }
        if (!offered.isEmpty())
            sub->addSeparator();
        QAction *other = sub->addAction(tr("Other…"));
        connect(other, &QAction::triggered, this, [this, kind] {
            bool ok = false;
            const QString segment =
                    QInputDialog::getText(this, tr("Add Weight Profile"), tr("Applies to:"),
                                          QLineEdit::Normal, QString(), &ok);
            if (ok)
                addProfile(int(kind), segment);
        });
    }
}

void FactorsPanel::addProfile(int kind, const QString &segment)
{
    if (!m_session->edit(&BookEditor::addProfile, SegmentKind(kind), segment))
        return;
    // The new profile, to set its weights.
    const BookView *view = m_session->view();
    for (const WeightProfile &p : view->scoring.profiles) {
        if (int(p.kind) == kind
            && p.segment.trimmed().toCaseFolded() == segment.trimmed().toCaseFolded())
            m_profile->setCurrentIndex(m_profile->findData(qlonglong(p.id)));
    }
}

void FactorsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        rebuild();
}

bool FactorsPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Keys typed in a name being edited go to its editor, not here.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool ctrl = key->modifiers() & Qt::ControlModifier;
        if (key->key() == Qt::Key_Delete) {
            removeCurrentFactor();
            return true;
        }
        if (key->key() == Qt::Key_Insert) {
            addFactor();
            return true;
        }
        if (ctrl && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrentFactor(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tp::ui
