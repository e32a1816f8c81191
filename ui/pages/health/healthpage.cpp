#include "healthpage.h"

#include "charts/coveragechart.h"
#include "charts/stalledchart.h"
#include "cleanupprompts.h"
#include "coveragestrip.h"
#include "edits/bookeditor.h"
#include "healthdealsmodel.h"
#include "healthstate.h"
#include "keymetricspanel.h"
#include "models/formatter.h"
#include "report/csvexport.h"
#include "rulesdialog.h"
#include "session/booksession.h"
#include "style/icons.h"
#include "widgets/exportpath.h"
#include "widgets/tablekeys.h"

#include <QAction>
#include <QComboBox>
#include <QDataStream>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QLineEdit>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tp::ui {

namespace {

constexpr quint32 stateVersion = 1;

// The level box's choices: which health levels the table shows (bits of health::Level).
constexpr unsigned allLevels = 0b111;
constexpr unsigned flagged = 0b110;

unsigned levelBit(health::Level level)
{
    return 1u << unsigned(level);
}

} // namespace

HealthPage::HealthPage(BookSession *session, HealthState *state, QWidget *parent)
    : Page(parent),
      m_session(session),
      m_state(state),
      m_model(new HealthDealsModel(m_state, this)),
      m_table(new QTableView(this)),
      m_stalled(new StalledChart(this)),
      m_coverage(new CoverageChart(this)),
      m_strip(new CoverageStrip(this)),
      m_metrics(new KeyMetricsPanel(this)),
      m_tabs(new QTabWidget(this)),
      m_vertical(new QSplitter(Qt::Vertical, this)),
      m_charts(new QSplitter(Qt::Horizontal, this)),
      m_grouping(new QComboBox(this)),
      m_level(new QComboBox(this)),
      m_search(new QLineEdit(this)),
      m_filterLabel(new QLabel(this)),
      m_clearFilter(new QToolButton(this)),
      m_count(new QLabel(this))
{
    auto *bar = new QWidget(this);
    buildToolbar(bar);

    m_table->setModel(m_model);
    // No column sorted at first: the model's own order (worst and largest first) stands.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAccessibleName(tr("Open deals and their health"));
    letTabLeave(m_table);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    const int charWidth = m_table->fontMetrics().averageCharWidth();
    const int widths[] = { 10, 26, 20, 14, 11, 14, 13, 9, 11, 8, 40 };
    for (int c = 0; c < HealthDealsModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c] * charWidth + 24);
    header->setStretchLastSection(true);

    m_tabs->addTab(m_table, tr("Open Deals"));
    // The metrics scroll when the window is small rather than set its smallest size.
    auto *metrics = new QScrollArea(this);
    metrics->setWidget(m_metrics);
    metrics->setWidgetResizable(true);
    metrics->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(metrics, tr("Key Metrics"));
    m_charts->addWidget(m_stalled);
    m_charts->addWidget(m_coverage);
    m_charts->setCollapsible(0, false);
    m_stalled->setMinimumSize(260, 220);
    m_coverage->setMinimumSize(260, 220);
    m_vertical->addWidget(m_charts);
    m_vertical->addWidget(m_tabs);
    m_vertical->setStretchFactor(0, 2);
    m_vertical->setStretchFactor(1, 3);
    m_vertical->setSizes({ 800, 1200 });
    m_vertical->setCollapsible(1, false);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(bar);
    layout->addWidget(m_strip);
    layout->addWidget(m_vertical, 1);
    setContent(
            content, session, [](const BookView &view) { return view.opportunities.size() > 0; },
            tr("This book has no opportunities yet: their health, coverage and key metrics "
               "show here once they are in."));

    buildActions();
    connect(m_state, &HealthState::evaluated, this, [this] { onEvaluated(); });
    connect(m_stalled, &StalledChart::segmentClicked, this,
            [this](int category, health::Level level) { filterBySegment(category, int(level)); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_count->setText(countText());
        updateFilterLabel();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const bool any = m_table->selectionModel()->hasSelection();
        for (QAction *action : std::as_const(m_cleanupActions))
            action->setEnabled(any);
    });
    onEvaluated();
}

void HealthPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    m_state->requestStageHistory();
}

QIcon HealthPage::icon() const
{
    return pageIcon(QStringLiteral("health"));
}

void HealthPage::buildToolbar(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto *groupingLabel = new QLabel(tr("C&hart:"), bar);
    groupingLabel->setBuddy(m_grouping);
    m_grouping->addItem(tr("By stage"));
    m_grouping->addItem(tr("By days since progress"));
    m_grouping->setToolTip(tr("Open pipeline by stage, or by days since the deal entered its "
                              "stage"));
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
        HealthDealsModel::Filter f = m_model->filter();
        f.stage.reset();
        f.age.reset();
        m_model->setFilter(f);
        onEvaluated();
    });
    auto *levelLabel = new QLabel(tr("Sho&w:"), bar);
    levelLabel->setBuddy(m_level);
    m_level->addItem(tr("All open deals"), allLevels);
    m_level->addItem(tr("Stalled and at risk"), flagged);
    m_level->addItem(tr("Stalled"), levelBit(health::Level::Stalled));
    m_level->addItem(tr("At risk"), levelBit(health::Level::AtRisk));
    m_level->addItem(tr("Healthy"), levelBit(health::Level::Healthy));
    connect(m_level, &QComboBox::activated, this, &HealthPage::applyLevelBox);
    m_search->setPlaceholderText(tr("Search deals and accounts"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(280);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        HealthDealsModel::Filter f = m_model->filter();
        f.text = text;
        m_model->setFilter(f);
    });
    m_clearFilter->setText(tr("Clear"));
    m_clearFilter->setIcon(themeIcon(QStringLiteral("edit-clear")));
    m_clearFilter->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_clearFilter->setAutoRaise(true);
    connect(m_clearFilter, &QToolButton::clicked, this, [this] {
        HealthDealsModel::Filter f;
        f.text = m_model->filter().text;
        m_model->setFilter(f);
        m_level->setCurrentIndex(0);
    });
    auto *rules = new QToolButton(bar);
    rules->setText(tr("&Rules…"));
    rules->setToolTip(tr("The thresholds that make a deal at risk or stalled"));
    connect(rules, &QToolButton::clicked, this, &HealthPage::editRules);
    auto *exportButton = new QToolButton(bar);
    exportButton->setText(tr("&Export…"));
    exportButton->setToolTip(tr("Write the stalled and at-risk deals with their reasons as CSV"));
    connect(exportButton, &QToolButton::clicked, this, &HealthPage::exportStalled);
    row->addWidget(groupingLabel);
    row->addWidget(m_grouping);
    row->addSpacing(12);
    row->addWidget(levelLabel);
    row->addWidget(m_level);
    row->addWidget(m_search, 1);
    row->addWidget(m_filterLabel);
    row->addWidget(m_clearFilter);
    row->addStretch();
    row->addWidget(m_count);
    row->addWidget(rules);
    row->addWidget(exportButton);
}

void HealthPage::buildActions()
{
    const auto add = [this](const QString &text, const QString &tip, auto slot) {
        auto *action = new QAction(text, this);
        action->setStatusTip(tip);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, slot);
        addPageAction(action);
        m_table->addAction(action);
        m_cleanupActions.append(action);
        return action;
    };
    QAction *lost =
            add(tr("Mark &Lost…"), tr("Close the selected deals as lost, with a reason"), [this] {
                const std::vector<Id> deals = selectedDeals();
                if (const auto reason = CleanupPrompts::lostReason(this, dealNames(deals)))
                    markLost(deals, *reason);
            });
    lost->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    lost->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    add(tr("&Push Close Date…"), tr("Move the expected close date of the selected deals"), [this] {
        const std::vector<Id> deals = selectedDeals();
        const QDate initial = m_state->report().asOf.addDays(30);
        if (const auto date = CleanupPrompts::closeDate(this, dealNames(deals), initial))
            pushCloseDates(deals, *date);
    });
    add(tr("Set &Next Step…"), tr("Write the next step of the selected deals"), [this] {
        const std::vector<Id> deals = selectedDeals();
        if (const auto step = CleanupPrompts::nextStep(this, dealNames(deals), QString()))
            setNextSteps(deals, *step);
    });
    add(tr("Set Next &Activity…"), tr("Date the next activity of the selected deals"), [this] {
        const std::vector<Id> deals = selectedDeals();
        const QDate initial = m_state->report().asOf.addDays(7);
        if (const auto date = CleanupPrompts::nextActivity(this, dealNames(deals), initial))
            setNextActivities(deals, *date);
    });
    // The page's own commands, in the Edit menu while it is shown.
    auto *rules = new QAction(tr("Stalled-Deal &Rules…"), this);
    rules->setStatusTip(tr("The thresholds that make a deal at risk or stalled"));
    connect(rules, &QAction::triggered, this, &HealthPage::editRules);
    addPageAction(rules);
    auto *exportAction = new QAction(tr("E&xport Stalled Deals…"), this);
    exportAction->setStatusTip(tr("Write the stalled and at-risk deals with their reasons as CSV"));
    connect(exportAction, &QAction::triggered, this, &HealthPage::exportStalled);
    addPageAction(exportAction);
}

void HealthPage::setCurrent(bool current)
{
    m_state->setShownBy(this, current);
}

void HealthPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QString HealthPage::countText() const
{
    const Formatter format;
    return tr("%1 of %Ln open deals", nullptr, m_model->totalCount())
            .arg(format.number(m_model->rowCount()));
}

void HealthPage::onEvaluated()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    const health::HealthReport &report = m_state->report();
    const QString currency = view->settings.currency;
    const auto grouping = m_grouping->currentIndex() == 1 ? StalledChartData::Grouping::ByAge
                                                          : StalledChartData::Grouping::ByStage;
    m_stalled->setData(StalledChartData::from(report, grouping, currency));
    m_stalled->setChartTitle(grouping == StalledChartData::Grouping::ByStage
                                     ? tr("Open pipeline by stage")
                                     : tr("Open pipeline by days since progress"));
    m_coverage->setData(CoverageChartData::from(report.coverage, currency));
    m_coverage->setChartTitle(tr("Coverage for %1: raw to honest").arg(report.period.label()));
    m_strip->setCoverage(report.coverage, currency, report.period.label());
    m_metrics->setReport(report, *view);
    m_metrics->setConversion(m_state->conversion(), *view);
    m_count->setText(countText());
    // The level box follows a filter set elsewhere (a chart click, a new scope).
    const int index = m_level->findData(m_model->filter().levels);
    if (index >= 0)
        m_level->setCurrentIndex(index);
    updateFilterLabel();
}

void HealthPage::applyLevelBox()
{
    HealthDealsModel::Filter f = m_model->filter();
    f.levels = m_level->currentData().toUInt();
    m_model->setFilter(f);
}

void HealthPage::filterBySegment(int category, int level)
{
    HealthDealsModel::Filter f = m_model->filter();
    f.levels = levelBit(health::Level(level));
    f.stage.reset();
    f.age.reset();
    if (m_grouping->currentIndex() == 1)
        f.age = health::AgeBucket(category);
    else if (category >= 0 && category < int(openStages.size()))
        f.stage = openStages[std::size_t(category)];
    m_model->setFilter(f);
    m_level->setCurrentIndex(std::max(0, m_level->findData(f.levels)));
    m_tabs->setCurrentWidget(m_table);
}

void HealthPage::updateFilterLabel()
{
    const HealthDealsModel::Filter &f = m_model->filter();
    QString text;
    if (f.stage)
        text = tr("Stage: %1").arg(stageName(*f.stage));
    else if (f.age)
        text = tr("In stage: %1").arg(health::ageBucketName(*f.age));
    m_filterLabel->setText(text);
    m_filterLabel->setVisible(!text.isEmpty());
    m_clearFilter->setVisible(!text.isEmpty() || f.levels != allLevels);
}

std::vector<Id> HealthPage::selectedDeals() const
{
    std::vector<Id> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.push_back(m_model->idAt(index.row()));
    std::sort(ids.begin(), ids.end());
    return ids;
}

QStringList HealthPage::dealNames(const std::vector<Id> &deals) const
{
    QStringList names;
    const BookView *view = m_session->view();
    if (!view)
        return names;
    for (const Id id : deals)
        if (const int row = view->opportunities.indexOf(id); row >= 0)
            names.append(view->opportunities.name.at(std::size_t(row)));
    return names;
}

void HealthPage::editSelection(const QString &text, const std::vector<Id> &deals,
                               const std::function<BookChange(BookEditor &)> &edit)
{
    if (deals.empty())
        return;
    // One change for the whole selection: one transaction, one undo step that names the deal
    // when there is one ("Mark “Acme renewal” lost").
    if (m_session->edit(edit))
        emit statusMessage(tr("%1: %n deal(s).", nullptr, int(deals.size())).arg(text));
}

void HealthPage::markLost(const std::vector<Id> &deals, const QString &reason)
{
    editSelection(tr("Mark lost"), deals, [&](BookEditor &editor) {
        return editor.markLost(deals, reason, QDate::currentDate());
    });
}

void HealthPage::pushCloseDates(const std::vector<Id> &deals, const QDate &date)
{
    editSelection(tr("Push close date"), deals, [&](BookEditor &editor) {
        return editor.setCloseDate(deals, date, QDate::currentDate());
    });
}

void HealthPage::setNextSteps(const std::vector<Id> &deals, const QString &step)
{
    editSelection(tr("Set next step"), deals,
                  [&](BookEditor &editor) { return editor.setNextStep(deals, step); });
}

void HealthPage::setNextActivities(const std::vector<Id> &deals, const QDate &date)
{
    editSelection(tr("Set next activity"), deals,
                  [&](BookEditor &editor) { return editor.setNextActivity(deals, date); });
}

void HealthPage::editRules()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    RulesDialog dialog(view->settings.stall, view->settings.stageLimitDays, this);
    if (dialog.exec() == QDialog::Accepted)
        m_session->edit(&BookEditor::setPipelineRules, dialog.rules(), dialog.stageLimitDays());
}

void HealthPage::exportStalled()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    const QString path = exportpath::ask(this, tr("Export Stalled Deals"), tr("stalled-deals.csv"),
                                         tr("CSV files (*.csv)"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !CsvExport::stalled(*view, m_state->report(), file)
        || !file.commit()) {
        m_session->reportError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    emit statusMessage(
            tr("Exported the stalled and at-risk deals to %1.").arg(QFileInfo(path).fileName()));
}

QByteArray HealthPage::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << stateVersion << m_vertical->saveState() << m_charts->saveState()
        << m_table->horizontalHeader()->saveState() << qint32(m_grouping->currentIndex())
        << qint32(m_tabs->currentIndex());
    return data;
}

void HealthPage::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    quint32 version = 0;
    QByteArray vertical, charts, header;
    qint32 grouping = 0, tab = 0;
    in >> version >> vertical >> charts >> header >> grouping >> tab;
    if (in.status() != QDataStream::Ok || version != stateVersion)
        return;
    m_vertical->restoreState(vertical);
    m_charts->restoreState(charts);
    m_table->horizontalHeader()->restoreState(header);
    m_grouping->setCurrentIndex(std::clamp(int(grouping), 0, 1));
    m_tabs->setCurrentIndex(tab);
}

} // namespace tp::ui
