#include "scoringpanel.h"

#include "edits/bookeditor.h"
#include "models/formatter.h"
#include "roistate.h"
#include "session/booksession.h"
#include "storage/bookreader.h"
#include "style/theme.h"
#include "worklistdelegate.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace tp::ui {

namespace {

constexpr int notScoredButton = -1;

QString segmentDescription(const WeightProfile &p)
{
    switch (p.kind) {
    case SegmentKind::Book:
        return ScoringPanel::tr("the book's default");
    case SegmentKind::Territory:
        return ScoringPanel::tr("territory %1").arg(p.segment.trimmed());
    case SegmentKind::Industry:
        return ScoringPanel::tr("industry %1").arg(p.segment.trimmed());
    case SegmentKind::SizeBand:
        return ScoringPanel::tr("size band %1").arg(p.segment.trimmed());
    }
    return {};
}

} // namespace

ScoringPanel::ScoringPanel(RoiState *state, QWidget *parent)
    : QWidget(parent),
      m_state(state),
      m_title(new QLabel(this)),
      m_profile(new QLabel(this)),
      m_figures(new QLabel(this)),
      m_grid(new QGridLayout),
      m_potential(new QLineEdit(this)),
      m_note(new QPlainTextEdit(this)),
      m_noteTimer(new QTimer(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Scoring"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_profile->setWordWrap(true);
    m_profile->setForegroundRole(QPalette::PlaceholderText);
    m_figures->setWordWrap(true);
    m_grid->setHorizontalSpacing(4);
    m_grid->setVerticalSpacing(2);

    m_potential->setToolTip(tr("The account's revenue potential; empty: derived from its open "
                               "pipeline"));
    m_potential->setClearButtonEnabled(true);
    connect(m_potential, &QLineEdit::editingFinished, this, &ScoringPanel::commitPotential);
    m_note->setPlaceholderText(tr("Why these scores? Who did you talk to?"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(m_note->fontMetrics().height() * 5);
    m_noteTimer->setSingleShot(true);
    m_noteTimer->setInterval(800);
    connect(m_noteTimer, &QTimer::timeout, this, &ScoringPanel::saveNote);
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (m_note->hasFocus())
            m_noteTimer->start();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Revenue potential:"), m_potential);
    form->addRow(tr("Note:"), m_note);
    auto *hint = new QLabel(tr("Keys: 0–5 score, Delete not scored, ↑↓ factor, Page Up/Down "
                               "account"),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_profile);
    layout->addWidget(m_figures);
    layout->addLayout(m_grid);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch(1);

    connect(state, &RoiState::selectionChanged, this, &ScoringPanel::refresh);
    connect(state, &RoiState::evaluated, this, &ScoringPanel::refresh);
    connect(state->session(), &BookSession::loaded, this, &ScoringPanel::rebuildFactors);
    connect(state->session(), &BookSession::changed, this, [this](const BookChange &change) {
        if (change.aspects().testFlag(ChangeAspect::ScoringModel))
            rebuildFactors();
        // Our own save of a note: the field already shows it (untrimmed, as typed).
        if (change.aspects().testFlag(ChangeAspect::ScoringNotes) && !m_savingNote) {
            m_noteAccount = -1;
            refreshNote();
        }
    });
    rebuildFactors();
}

void ScoringPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        rebuildFactors();
}

std::vector<int> ScoringPanel::selectedAccounts() const
{
    return m_state->selection();
}

void ScoringPanel::rebuildFactors()
{
    for (QLabel *label : m_factorLabels)
        delete label;
    for (QButtonGroup *group : m_groups) {
        for (QAbstractButton *button : group->buttons())
            delete button;
        delete group;
    }
    m_factorLabels.clear();
    m_groups.clear();
    const BookView *view = m_state->session()->view();
    const auto factors = view ? view->scoring.factors : std::vector<EngagementFactor>{};
    const bool dark = theme::isDark();
    for (std::size_t f = 0; f < factors.size(); ++f) {
        auto *label = new QLabel(this);
        const QColor swatch = WorkListDelegate::factorColor(int(f), dark);
        label->setText(QStringLiteral("<span style='color:%1'>■</span> %2")
                               .arg(swatch.name(), factors[f].name.toHtmlEscaped()));
        label->setToolTip(factors[f].description);
        m_grid->addWidget(label, int(f), 0);
        auto *group = new QButtonGroup(this);
        group->setExclusive(true);
        for (int score = notScoredButton; score <= 5; ++score) {
            auto *button = new QToolButton(this);
            button->setText(score == notScoredButton ? QStringLiteral("–")
                                                     : QString::number(score));
            button->setToolTip(score == notScoredButton ? tr("Not scored")
                                                        : tr("Score %1").arg(score));
            button->setCheckable(true);
            button->setFocusPolicy(Qt::NoFocus);
            button->setAutoRaise(true);
            group->addButton(button, score);
            m_grid->addWidget(button, int(f), score + 2);
        }
        connect(group, &QButtonGroup::idClicked, this, [this, f](int score) {
            m_factor = int(f);
            scoreCurrentFactor(score == notScoredButton ? std::nullopt : std::optional<int>(score));
        });
        m_factorLabels.push_back(label);
        m_groups.push_back(group);
    }
    m_grid->setColumnStretch(0, 1);
    m_factor = std::clamp(m_factor, 0, std::max(0, int(factors.size()) - 1));
    refresh();
}

std::optional<int> ScoringPanel::shownScore(int factor) const
{
    const BookView *view = m_state->session()->view();
    const std::vector<int> accounts = selectedAccounts();
    if (!view || accounts.empty() || factor < 0 || factor >= view->scores.factorCount)
        return std::nullopt;
    const int first = view->scores.at(accounts.front(), factor);
    for (const int account : accounts) {
        if (view->scores.at(account, factor) != first)
            return std::nullopt;
    }
    return first;
}

void ScoringPanel::refresh()
{
    const BookView *view = m_state->session()->view();
    const std::vector<int> accounts = selectedAccounts();
    const bool any = view && !accounts.empty();
    for (QButtonGroup *group : m_groups)
        for (QAbstractButton *button : group->buttons())
            button->setEnabled(any);
    m_potential->setEnabled(any && accounts.size() == 1);
    m_note->setEnabled(any && accounts.size() == 1);
    if (!any) {
        m_title->setText(tr("No account selected"));
        m_profile->setText(tr("Pick an account in the chart, the work list or “Needs scoring”."));
        m_figures->clear();
    }
    for (std::size_t f = 0; f < m_groups.size(); ++f) {
        const std::optional<int> shown = shownScore(int(f));
        QButtonGroup *group = m_groups[f];
        group->setExclusive(false);
        for (QAbstractButton *button : group->buttons())
            button->setChecked(shown && group->id(button) == *shown);
        group->setExclusive(true);
        QFont font = m_factorLabels[f]->font();
        font.setBold(int(f) == m_factor && any);
        m_factorLabels[f]->setFont(font);
    }
    if (!any) {
        refreshNote();
        return;
    }
    const int current = m_state->current() >= 0 ? m_state->current() : accounts.front();
    const auto &a = view->accounts;
    const QString currency = view->settings.currency;
    const Formatter format;
    if (accounts.size() > 1) {
        m_title->setText(tr("%n accounts selected", nullptr, int(accounts.size())));
        m_profile->setText(tr("A score applies to all of them."));
        m_figures->clear();
    } else {
        m_title->setText(a.name.at(std::size_t(current)));
        const roi::ProfileResolver profiles(view->scoring, *view);
        const int profile = profiles.profileFor(current);
        m_profile->setText(
                profile >= 0 ? tr("Weights: %1 (%2)")
                                       .arg(view->scoring.profiles[std::size_t(profile)].name,
                                            segmentDescription(
                                                    view->scoring.profiles[std::size_t(profile)]))
                             : tr("Weights: equal (no profile applies)"));
        const int rank = m_state->rankOf(current);
        if (rank >= 0) {
            const roi::ScoredAccount &s = m_state->result().workList[std::size_t(rank)];
            m_figures->setText(tr("Rank %1 · likelihood %2 (%3) · EV %4 · %5")
                                       .arg(format.number(rank + 1), format.share(s.likelihood),
                                            RoiState::factorCoverageText(s),
                                            format.money(s.ev, currency),
                                            roi::quadrantName(s.quadrant)));
            m_figures->setForegroundRole(s.thinlyScored() ? QPalette::PlaceholderText
                                                          : QPalette::WindowText);
            m_figures->setToolTip(s.thinlyScored()
                                          ? tr("Fewer than half of the factors are scored: the "
                                               "likelihood rests on little evidence")
                                          : QString());
        } else {
            m_figures->setText(tr("Not scored yet: score at least one factor with a weight."));
        }
        bool derived = false;
        const Minor potential = a.revenuePotential(current, &derived);
        if (!m_potential->hasFocus())
            m_potential->setText(derived ? QString() : format.money(potential, currency));
        m_potential->setPlaceholderText(tr("Derived: %1").arg(format.money(potential, currency)));
    }
    refreshNote();
}

void ScoringPanel::refreshNote()
{
    const std::vector<int> accounts = selectedAccounts();
    const BookView *view = m_state->session()->view();
    const int account = view && accounts.size() == 1 ? accounts.front() : -1;
    if (account == m_noteAccount)
        return;
    if (m_noteTimer->isActive()) {
        m_noteTimer->stop();
        saveNote(); // the note typed for the account being left
    }
    m_noteAccount = account;
    const QSignalBlocker blocker(m_note);
    const auto reader = m_state->session()->reader();
    m_note->setPlainText(account >= 0 && reader
                                 ? reader->scoringNote(view->accounts.id[std::size_t(account)])
                                 : QString());
}

void ScoringPanel::saveNote()
{
    m_noteTimer->stop();
    const BookView *view = m_state->session()->view();
    if (!view || m_noteAccount < 0 || m_noteAccount >= view->accounts.size())
        return;
    const Id id = view->accounts.id[std::size_t(m_noteAccount)];
    m_savingNote = true;
    m_state->session()->edit(&BookEditor::setScoringNote, id, m_note->toPlainText());
    m_savingNote = false;
}

void ScoringPanel::commitPotential()
{
    const BookView *view = m_state->session()->view();
    const std::vector<int> accounts = selectedAccounts();
    if (!view || accounts.size() != 1)
        return;
    bool ok = false;
    const std::optional<Minor> value = Formatter().parseMoney(m_potential->text(), &ok);
    if (!ok) {
        m_state->session()->reportError(
                tr("“%1” is not an amount; the revenue potential was not changed.")
                        .arg(m_potential->text()));
        return;
    }
    m_state->session()->edit(&BookEditor::setPotential,
                             only(view->accounts.id[std::size_t(accounts.front())]), value);
}

void ScoringPanel::setCurrentFactor(int factor)
{
    if (m_groups.empty())
        return;
    m_factor = std::clamp(factor, 0, int(m_groups.size()) - 1);
    refresh();
}

void ScoringPanel::scoreCurrentFactor(std::optional<int> score)
{
    const BookView *view = m_state->session()->view();
    const std::vector<int> accounts = selectedAccounts();
    if (!view || accounts.empty() || m_factor >= int(view->scoring.factors.size()))
        return;
    const EngagementFactor &factor = view->scoring.factors[std::size_t(m_factor)];
    std::vector<ScoreEdit> edits;
    edits.reserve(accounts.size());
    for (const int account : accounts)
        edits.push_back({ view->accounts.id[std::size_t(account)], factor.id, score });
    const QString text = accounts.size() == 1
            ? (score ? tr("Score %1 of “%2”: %3")
                               .arg(factor.name,
                                    view->accounts.name.at(std::size_t(accounts.front())))
                               .arg(*score)
                     : tr("Clear %1 of “%2”")
                               .arg(factor.name,
                                    view->accounts.name.at(std::size_t(accounts.front()))))
            : (score ? tr("Score %1 of %n account(s): %2", nullptr, int(accounts.size()))
                               .arg(factor.name)
                               .arg(*score)
                     : tr("Clear %1 of %n account(s)", nullptr, int(accounts.size()))
                               .arg(factor.name));
    const int next = std::min(m_factor + 1, int(m_groups.size()) - 1);
    if (m_state->session()->edit(&BookEditor::setScores, std::move(edits), text))
        setCurrentFactor(next);
}

void ScoringPanel::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (key >= Qt::Key_0 && key <= Qt::Key_5 && !ctrl) {
        scoreCurrentFactor(key - Qt::Key_0);
    } else if (key == Qt::Key_Delete || key == Qt::Key_Backspace || key == Qt::Key_Minus) {
        scoreCurrentFactor(std::nullopt);
    } else if (key == Qt::Key_PageUp || (ctrl && key == Qt::Key_Up)) {
        emit stepAccount(-1);
    } else if (key == Qt::Key_PageDown || (ctrl && key == Qt::Key_Down)) {
        emit stepAccount(+1);
    } else if (key == Qt::Key_Up) {
        setCurrentFactor(m_factor - 1);
    } else if (key == Qt::Key_Down) {
        setCurrentFactor(m_factor + 1);
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace tp::ui
