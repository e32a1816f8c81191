#include "proposedialog.h"

#include "edits/bookeditor.h"
#include "jobs/backgroundjob.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/bookreader.h"
#include "territorystate.h"
#include "views/bookview.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tp::ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAccessibleName(name);
    return view;
}

} // namespace

ProposeDialog::ProposeDialog(TerritoryState *state, QWidget *parent)
    : QDialog(parent),
      m_state(state),
      m_scope(state->scope()),
      m_session(state->session()),
      m_tolerance(new QDoubleSpinBox(this)),
      m_maxMoves(new QSpinBox(this)),
      m_maxShare(new QDoubleSpinBox(this)),
      m_unlockOpen(new QCheckBox(tr("Accounts with open &deals may move"), this)),
      m_propose(new QPushButton(tr("&Propose"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)),
      m_summary(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_territoryModel(new ProposalTerritoryModel(this)),
      m_moveModel(new ProposalMoveModel(this)),
      m_job(new BackgroundJob<rebalance::Proposal>(this))
{
    setWindowTitle(
            tr("Propose Rebalancing — %1").arg(territories::metricName(state->report().metric)));
    m_tolerance->setRange(1, 50);
    m_tolerance->setDecimals(0);
    m_tolerance->setSuffix(tr(" %"));
    m_tolerance->setPrefix(tr("± "));
    m_tolerance->setValue(10);
    m_tolerance->setToolTip(tr("Every territory within this much of the average"));
    m_maxMoves->setRange(0, 1'000'000);
    m_maxMoves->setSpecialValueText(tr("No limit"));
    m_maxMoves->setSuffix(tr(" accounts"));
    m_maxMoves->setGroupSeparatorShown(true);
    m_maxShare->setRange(0, 100);
    m_maxShare->setDecimals(0);
    m_maxShare->setSuffix(tr(" % of the total"));
    m_maxShare->setSpecialValueText(tr("No limit"));
    m_unlockOpen->setToolTip(tr("An account with an open deal is locked unless you unlocked it; "
                                "the accounts you locked stay locked either way"));
    m_propose->setDefault(true);
    m_cancel->hide();
    m_progress->hide();
    m_progress->setRange(0, JobControl::scale);
    m_progress->setTextVisible(false);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Choose the tolerance and the most you are willing to move, then "
                          "Propose. Nothing changes in the book until you apply the moves."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Tolerance:"), m_tolerance);
    form->addRow(tr("Move at &most:"), m_maxMoves);
    form->addRow(tr("Or at most &value:"), m_maxShare);
    form->addRow(QString(), m_unlockOpen);
    auto *run = new QHBoxLayout;
    run->addWidget(m_propose);
    run->addWidget(m_progress, 1);
    run->addWidget(m_cancel);
    run->addStretch();

    m_territoryTable = makeTable(m_territoryModel, tr("Territories before and after"), this);
    m_moveTable = makeTable(m_moveModel, tr("Moves"), this);
    m_moveTable->setSortingEnabled(false);
    m_tabs->addTab(m_territoryTable, tr("&Territories"));
    m_tabs->addTab(m_moveTable, tr("Mo&ves"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = buttons->addButton(tr("&Apply Moves"), QDialogButtonBox::AcceptRole);
    m_apply->setEnabled(false);
    m_keep = buttons->addButton(tr("&Keep as Scenario…"), QDialogButtonBox::ActionRole);
    m_keep->setEnabled(false);
    m_keep->setToolTip(tr("Keep these moves by name, to compare with other scenarios and "
                          "apply later"));
    connect(m_keep, &QPushButton::clicked, this, &ProposeDialog::askKeepScenario);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (applyMoves())
            accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(run);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);

    connect(m_propose, &QPushButton::clicked, this, &ProposeDialog::propose);
    connect(m_cancel, &QPushButton::clicked, m_job, &BackgroundJobBase::cancel);
    connect(m_job, &BackgroundJobBase::progress, this,
            [this](qint64 done, qint64) { m_progress->setValue(int(done)); });
    connect(m_job, &BackgroundJobBase::finished, this, &ProposeDialog::deliver);
    resize(900, 560);
}

ProposeDialog::~ProposeDialog() = default;

territories::ProposalRequest ProposeDialog::request() const
{
    territories::ProposalRequest r;
    r.tolerance = m_tolerance->value() / 100.0;
    if (m_maxMoves->value() > 0)
        r.maxMoves = m_maxMoves->value();
    if (m_maxShare->value() > 0)
        r.maxMovedShare = m_maxShare->value() / 100.0;
    r.unlockOpen = m_unlockOpen->isChecked();
    return r;
}

void ProposeDialog::setRequest(const territories::ProposalRequest &request)
{
    m_tolerance->setValue(request.tolerance * 100.0);
    m_maxMoves->setValue(request.maxMoves.value_or(0));
    m_maxShare->setValue(request.maxMovedShare.value_or(0) * 100.0);
    m_unlockOpen->setChecked(request.unlockOpen);
}

void ProposeDialog::showRunning(bool running)
{
    m_propose->setEnabled(!running);
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    const bool moves = !running && m_figures && !m_figures->proposal.plan.moves.empty();
    m_apply->setEnabled(moves);
    m_keep->setEnabled(moves);
    if (running) {
        m_progress->setValue(0);
        m_summary->setText(tr("Looking for the fewest moves…"));
    }
}

void ProposeDialog::propose()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    m_running = request();
    const territories::Layout &layout = m_state->layout();
    const territories::Report &report = m_state->report();
    std::vector<rebalance::Account> accounts = territories::proposalAccounts(
            *view, layout, report, m_running.unlockOpen,
            territories::accountRegions(*view, m_state->regionGrouping()));
    std::vector<rebalance::Territory> territories =
            territories::proposalTerritories(*view, layout, report);
    m_locks = territories::countLocks(*view, accounts);
    rebalance::Options options;
    options.tolerance = m_running.tolerance;
    options.maxMoves = m_running.maxMoves;
    options.maxMovedShare = m_running.maxMovedShare;
    m_figures.reset();
    m_territoryModel->setFigures(nullptr);
    m_moveModel->setFigures(nullptr);
    showRunning(true);
    m_job->start([accounts = std::move(accounts), territories = std::move(territories),
                  options](JobControl &control) {
        return rebalance::propose(
                accounts, territories, options,
                [&control](qint64 done, qint64 total) { return control.progress(done, total); });
    });
}

bool ProposeDialog::waitForProposal(int timeoutMs)
{
    return m_job->waitForFinished(timeoutMs);
}

void ProposeDialog::deliver()
{
    const BookView *view = m_session->view();
    if (!m_job->result() || !view) {
        showRunning(false);
        m_summary->setText(tr("Stopped before a proposal was found."));
        return;
    }
    // The proposal was made on the territories and accounts as they were when it started; a
    // book loaded again meanwhile (another program wrote it) has others: nothing of it applies.
    const rebalance::Proposal &plan = *m_job->result();
    if (plan.before.size() != m_state->layout().entries.size()
        || m_state->layout().accountEntry.size() != std::size_t(view->accounts.size())
        || std::any_of(plan.moves.begin(), plan.moves.end(), [&](const rebalance::Move &m) {
               return m.account >= view->accounts.size();
           })) {
        showRunning(false);
        m_summary->setText(tr("The book changed while the proposal was made: propose again."));
        return;
    }
    auto figures = std::make_unique<ProposalFigures>();
    figures->currency = view->settings.currency;
    figures->layout = m_state->layout();
    figures->before = m_state->report();
    figures->proposal.request = m_running;
    figures->proposal.plan = std::move(*m_job->result());
    figures->proposal.locks = m_locks;
    territories::describeMoves(*view, figures->layout, figures->before, m_scope->period().label(),
                               m_state->mixWeights(), figures->proposal);
    for (const territories::Layout::Entry &e : figures->layout.entries)
        figures->repNames.append(e.rep >= 0 ? view->reps[std::size_t(e.rep)].name : QString());
    for (const rebalance::Move &m : figures->proposal.plan.moves) {
        figures->accountNames.append(view->accounts.name.at(std::size_t(m.account)));
        figures->moneyValues.push_back(territories::moneyValue(*view, figures->before, m.account));
    }
    checkFunnel(*figures);
    m_figures = std::move(figures);
    m_territoryModel->setFigures(m_figures.get());
    m_moveModel->setFigures(m_figures.get());
    for (QTableView *table : { m_territoryTable, m_moveTable })
        table->resizeColumnsToContents();
    showRunning(false);
    m_summary->setText(summaryText());
}

void ProposeDialog::checkFunnel(ProposalFigures &figures)
{
    const BookView *view = m_session->view();
    const auto reader = m_session->reader();
    if (!m_funnel && reader) {
        const QString period = m_scope->period().label();
        const territories::FunnelChecker::ReadRep read = [&](int rep, const QDate &from) {
            return reader->repActivity(*view, rep, period, from, m_scope->asOf());
        };
        m_funnel = std::make_unique<territories::FunnelChecker>(
                *view, figures.layout, m_scope->asOf(), m_scope->period(), read);
    }
    if (!m_funnel)
        return;
    figures.funnelBefore = m_funnel->checks(figures.layout.accountEntry);
    figures.funnelAfter = m_funnel->checks(figures.proposal.accountEntryAfter);
}

QString ProposeDialog::summaryText() const
{
    const territories::TerritoryProposal &p = m_figures->proposal;
    const QLocale locale;
    const Formatter format(locale);
    const auto ratio = [&](const std::optional<double> &r) {
        return r ? format.ratio(*r) : tr("—");
    };
    const int moved = int(p.plan.moves.size());
    QString text;
    if (moved == 0) {
        text = p.plan.withinTolerance
                ? tr("Every territory is already within ±%1% of the average: nothing to move.")
                          .arg(locale.toString(p.request.tolerance * 100, 'f', 0))
                : tr("No move brings the territories nearer the average: %1 accounts are locked "
                     "(%2 of them by you, the others by an open deal), and the capacities and "
                     "budget hold the rest.")
                          .arg(locale.toString(p.locks.locked), locale.toString(p.locks.byUser));
    } else {
        text = tr("Move %n account(s) (%1 of the total): balance %2 → %3, largest deviation "
                  "%4 → %5.",
                  nullptr, moved)
                       .arg(locale.toString(p.movedShare * 100, 'f', 1) + QLatin1Char('%'),
                            ratio(m_figures->before.balance), ratio(p.after.balance),
                            ratio(m_figures->before.maxDeviation), ratio(p.after.maxDeviation));
        text += QLatin1Char(' ');
        text += p.plan.withinTolerance
                ? tr("Every territory ends within ±%1% of the average.")
                          .arg(locale.toString(p.request.tolerance * 100, 'f', 0))
                : tr("Not every territory can reach ±%1%: this is the nearest the locks, "
                     "capacities and budget allow.")
                          .arg(locale.toString(p.request.tolerance * 100, 'f', 0));
    }
    if (p.plan.cancelled)
        text += QLatin1Char(' ') + tr("Stopped: the best found so far.");
    // The funnel check, in words, for the books that ask more than their rep does.
    QStringList beyond;
    for (std::size_t t = 0; t < m_figures->funnelAfter.size(); ++t) {
        const territories::FunnelCheck &c = m_figures->funnelAfter[t];
        if (c.beyondPace())
            beyond.append(tr("%1 needs %2 activities a week at %3's rates, and %3 logs %4")
                                  .arg(m_figures->layout.entries[t].name,
                                       locale.toString(*c.activitiesPerWeek),
                                       m_figures->repNames.value(int(t)),
                                       locale.toString(qint64(std::llround(c.pace)))));
    }
    if (!beyond.isEmpty())
        text += QLatin1Char('\n') + tr("Funnel check: %1.").arg(beyond.join(QStringLiteral("; ")));
    return text;
}

std::vector<std::pair<Id, Id>> ProposeDialog::movesById() const
{
    const BookView *view = m_session->view();
    std::vector<std::pair<Id, Id>> moves;
    if (!m_figures || !view)
        return moves;
    moves.reserve(m_figures->proposal.plan.moves.size());
    for (const rebalance::Move &m : m_figures->proposal.plan.moves)
        moves.emplace_back(view->accounts.id[std::size_t(m.account)],
                           territories::destinationId(*view, m_figures->layout, m.to));
    return moves;
}

bool ProposeDialog::applyMoves()
{
    const std::vector<std::pair<Id, Id>> moves = movesById();
    if (moves.empty())
        return false;
    const int count = int(moves.size());
    return m_session->edit(&BookEditor::moveAccounts, std::span<const std::pair<Id, Id>>(moves),
                           m_figures->layout.byRep,
                           tr("Rebalance: move %n account(s)", nullptr, count));
}

bool ProposeDialog::keepScenario(const QString &name)
{
    if (!m_figures)
        return false;
    Scenario s;
    s.name = name;
    s.createdOn = m_scope->asOf();
    s.metric = territories::metricKey(m_figures->before.metric);
    const territories::ProposalRequest &r = m_figures->proposal.request;
    s.tolerance = r.tolerance;
    s.maxMoves = r.maxMoves;
    s.maxShare = r.maxMovedShare;
    s.unlockOpen = r.unlockOpen;
    s.toReps = m_figures->layout.byRep;
    for (const auto &[account, to] : movesById())
        s.moves.push_back({ account, to });
    return m_session->edit(&BookEditor::keepScenario, s);
}

void ProposeDialog::askKeepScenario()
{
    const auto reader = m_session->reader();
    const int count = reader ? int(reader->scenarios().size()) : 0;
    const QLocale locale;
    const territories::ProposalRequest &r = m_figures->proposal.request;
    const QString suggested =
            tr("%1 ±%2% — %n move(s)", nullptr, int(m_figures->proposal.plan.moves.size()))
                    .arg(territories::metricName(m_figures->before.metric),
                         locale.toString(r.tolerance * 100, 'f', 0));
    bool ok = false;
    const QString name =
            QInputDialog::getText(this, tr("Keep as Scenario"),
                                  tr("Name of the scenario (%n kept already):", nullptr, count),
                                  QLineEdit::Normal, suggested, &ok);
    if (ok && keepScenario(name))
        m_keep->setEnabled(false);
}

} // namespace tp::ui
