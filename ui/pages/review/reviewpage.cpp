#include "reviewpage.h"

#include "changespanel.h"
#include "commitmentspanel.h"
#include "domain/errors.h"
#include "domain/forecast.h"
#include "edits/bookeditor.h"
#include "forecastpanel.h"
#include "gatewayspanel.h"
#include "models/formatter.h"
#include "pages/funnel/funnelstate.h"
#include "pages/health/healthstate.h"
#include "report/reviewpack.h"
#include "riskspanel.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "style/icons.h"
#include "views/bookview.h"
#include "widgets/exportpath.h"

#include <QAction>
#include <QComboBox>
#include <QDataStream>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIODevice>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <ranges>

namespace tp::ui {

namespace {

constexpr quint32 stateVersion = 2; // 2: the Forecast tab came second

// The wait cursor while the pack is painted (a second or two on a large book).
struct WaitCursor
{
    WaitCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QGuiApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor &) = delete;
    WaitCursor &operator=(const WaitCursor &) = delete;
};
// The Gateways tab lists at most this many deals (those that missed a gateway first, larger
// first); its figures count every deal of the scope.
constexpr std::size_t mostGatewayDeals = 500;

} // namespace

ReviewPage::ReviewPage(BookSession *session, ScopeState *scope, HealthState *health,
                       FunnelState *funnel, QWidget *parent)
    : Page(parent),
      m_session(session),
      m_scope(scope),
      m_health(health),
      m_funnel(funnel),
      m_who(new QLabel(this)),
      m_reviewBox(new QComboBox(this)),
      m_start(new QPushButton(tr("&Start Review"), this)),
      m_delete(new QPushButton(tr("&Delete Review…"), this)),
      m_record(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_changes(new ChangesPanel(session, this)),
      m_forecast(new ForecastPanel(session, health, this)),
      m_commitments(new CommitmentsPanel(session, this)),
      m_gateways(new GatewaysPanel(session, this)),
      m_risks(new RisksPanel(health, funnel, this)),
      m_refresh(new QTimer(this)),
      m_prefetch(new QTimer(this)),
      m_exportPack(new QAction(tr("Export Review &Pack…"), this))
{
    m_exportPack->setToolTip(tr("A PDF of the review to hand over: key figures, forecast, risks, "
                                "commitments and notes"));
    connect(m_exportPack, &QAction::triggered, this, [this] {
        const std::optional<Id> rep = repId();
        const QString name = rep ? m_session->repName(rep) : tr("team");
        const QString path = exportpath::ask(
                this, tr("Export Review Pack"),
                tr("review-%1-%2.pdf")
                        .arg(name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')),
                             m_scope->asOf().toString(Qt::ISODate)),
                tr("PDF files (*.pdf)"), QStringLiteral("pdf"));
        if (!path.isEmpty())
            exportPack(path);
    });
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    QFont big = m_who->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_who->setFont(big);
    bar->addWidget(m_who);
    auto *reviewLabel = new QLabel(tr("Re&view:"), this);
    reviewLabel->setBuddy(m_reviewBox);
    m_reviewBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_reviewBox->setToolTip(tr("The reviews held so far, the latest first"));
    bar->addSpacing(12);
    bar->addWidget(reviewLabel);
    bar->addWidget(m_reviewBox);
    bar->addWidget(m_start);
    bar->addWidget(m_delete);
    bar->addStretch(1);
    bar->addWidget(m_record);
    m_start->setToolTip(tr("Start a review dated the as-of date; its commitments carry the open "
                           "ones of the last review"));
    m_record->setToolTip(tr("Commitments kept (done) of those settled as done or not done, over "
                            "every review"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_tabs->addTab(m_changes, tr("Changes"));
    m_tabs->addTab(m_forecast, tr("Forecast"));
    connect(m_changes, &ChangesPanel::comparedChanged, this,
            [this] { m_forecast->setComparison(m_changes->compared()); });
    m_tabs->addTab(m_commitments, tr("Commitments && Notes"));
    m_tabs->addTab(m_gateways, tr("Gateways"));
    m_tabs->addTab(m_risks, tr("Risks"));

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_hint);
    layout->addWidget(m_tabs, 1);
    setContent(
            content, session, [](const BookView &view) { return !view.reps.empty(); },
            tr("This book has no reps yet: one-on-one reviews show here once their deals are "
               "in."));

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, [this] { refresh(); });
    m_prefetch->setSingleShot(true);
    connect(m_prefetch, &QTimer::timeout, this, [this] { prefetchChanges(); });
    connect(m_start, &QPushButton::clicked, this, [this] { startReview(); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (!m_review)
            return;
        const auto answer = QMessageBox::question(
                this, tr("Delete Review"),
                tr("Delete the review of %1 with its notes and the commitments made in it? "
                   "Edit ▸ Undo brings it back.")
                        .arg(Formatter().date(m_review->heldOn)),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            deleteReview();
    });
    connect(m_reviewBox, &QComboBox::activated, this,
            [this](int index) { showReview(m_reviewBox->itemData(index).toLongLong()); });
    connect(m_session, &BookSession::changed, this, [this](const BookChange &change) {
        if (change.aspects()
            & (ChangeAspect::Reviews | ChangeAspect::Gateways | ChangeAspect::Opportunities
               | ChangeAspect::Reps))
            scheduleRefresh();
    });
    connect(m_session, &BookSession::loaded, this, [this] {
        m_chosen.reset();
        scheduleRefresh();
        if (!m_current)
            m_prefetch->start(0); // at once: the page is likely opened soon after a load
    });
    connect(m_scope, &ScopeState::changed, this, [this] {
        m_chosen.reset();
        scheduleRefresh();
        if (!m_current)
            m_prefetch->start(250); // once the user has settled on a scope
    });
    connect(m_health, &HealthState::evaluated, this, [this] {
        if (m_current)
            fillGateways(); // the missed-gateway commit rests on the health levels
    });
    connect(m_funnel, &FunnelState::evaluated, this, [this] {
        if (m_current)
            m_risks->update();
    });
}

QIcon ReviewPage::icon() const
{
    return pageIcon(QStringLiteral("review"));
}

void ReviewPage::focusSearch()
{
    m_reviewBox->setFocus(Qt::ShortcutFocusReason);
}

void ReviewPage::setCurrent(bool current)
{
    m_current = current;
    if (current)
        m_prefetch->stop(); // the refresh shows what it would read
    m_funnel->setShownBy(this, current); // and the health figures it rests on
    if (current && m_stale)
        scheduleRefresh();
}

std::optional<Id> ReviewPage::repId() const
{
    const BookView *view = m_session->view();
    const int rep = m_scope->repIndex();
    if (!view || rep < 0 || rep >= int(view->reps.size()))
        return std::nullopt;
    return view->reps[std::size_t(rep)].id;
}

void ReviewPage::scheduleRefresh()
{
    m_stale = true;
    if (m_current)
        m_refresh->start();
}

void ReviewPage::refresh()
{
    m_refresh->stop();
    m_stale = false;
    const auto reader = m_session->reader();
    const BookView *view = m_session->view();
    if (!reader || !view)
        return;
    const std::optional<Id> rep = repId();
    m_who->setText(rep ? tr("Review of %1").arg(m_session->repName(rep)) : tr("Team review"));
    m_history = reader->reviews(rep);
    // The review picked, else the latest.
    m_review.reset();
    for (const Review &r : m_history)
        if (m_chosen && r.id == *m_chosen)
            m_review = r;
    if (!m_review && !m_history.empty())
        m_review = m_history.back();

    const Formatter format;
    m_reviewBox->clear();
    for (std::size_t i = m_history.size(); i-- > 0;) // the latest first
        m_reviewBox->addItem(format.date(m_history[i].heldOn), m_history[i].id);
    if (m_review)
        m_reviewBox->setCurrentIndex(m_reviewBox->findData(m_review->id));
    m_reviewBox->setEnabled(!m_history.empty());
    const bool writable = !m_session->isReadOnly();
    m_start->setEnabled(writable);
    m_delete->setEnabled(writable && m_review);
    m_hint->setVisible(!m_review);
    m_hint->setText(rep ? tr("No review of %1 yet. Start Review opens one dated %2: notes, "
                             "commitments and gateway criteria go in it.")
                                    .arg(m_session->repName(rep), format.date(m_scope->asOf()))
                        : tr("No team review yet. Choose a rep in the scope bar for a "
                             "one-on-one, or Start Review for the whole team."));

    const BookReader::ReviewItems items =
            m_review ? reader->reviewItems(*m_review) : BookReader::ReviewItems{};
    const CommitmentRecord record = items.record;
    m_record->setText(
            record.made > 0 ? tr("Commitments kept: %1 of %2 (%3)")
                                      .arg(record.kept)
                                      .arg(record.made)
                                      .arg(format.share(double(record.kept) / double(record.made)))
                            : tr("No commitment settled yet"));

    // Deals a commitment may be tied to: the scope's open ones, larger first.
    const auto &o = view->opportunities;
    std::vector<int> rows = m_health->report().openRows;
    std::sort(rows.begin(), rows.end(),
              [&](int a, int b) { return o.amount[std::size_t(a)] > o.amount[std::size_t(b)]; });
    if (rows.size() > mostGatewayDeals)
        rows.resize(mostGatewayDeals);
    std::vector<std::pair<Id, QString>> deals;
    deals.reserve(rows.size());
    for (int r : rows)
        deals.emplace_back(o.id[std::size_t(r)], o.name.at(std::size_t(r)));
    m_commitments->show(m_review, items, m_history, deals);
    fillGateways();
    m_forecast->setScope(m_scope->repIndex(), m_scope->territoryIndex(), m_scope->period());
    m_risks->setScopeName(rep ? m_session->repName(rep) : QString());
    requestChanges(m_review, m_history, false);
}

void ReviewPage::requestChanges(const std::optional<Review> &review,
                                const std::vector<Review> &history, bool ahead)
{
    const BookView *view = m_session->view();
    // Since the last review before the one shown (METRICS "One-on-one reviews").
    std::optional<QDate> lastReview;
    for (const Review &r : history)
        if (!review || r.heldOn < review->heldOn)
            lastReview = r.heldOn;
    changes::Scope scope;
    scope.rep = repId().value_or(0);
    if (m_scope->territoryIndex() >= 0)
        scope.territory = view->territories[std::size_t(m_scope->territoryIndex())].id;
    const QDate today = review ? review->heldOn : m_scope->asOf();
    if (ahead)
        m_changes->prefetch(scope, m_scope->period(), lastReview, today);
    else
        m_changes->show(scope, m_scope->period(), lastReview, today);
}

void ReviewPage::prefetchChanges()
{
    const auto reader = m_session->reader();
    if (m_current || !reader || !m_session->view())
        return;
    // The review refresh() would show: the latest (none is picked after a load or a scope
    // change).
    const std::vector<Review> history = reader->reviews(repId());
    requestChanges(history.empty() ? std::nullopt : std::optional<Review>(history.back()), history,
                   true);
}

void ReviewPage::fillGateways()
{
    const auto reader = m_session->reader();
    const BookView *view = m_session->view();
    if (!reader || !view)
        return;
    const std::vector<StageCriterion> criteria = reader->stageCriteria();
    std::map<Id, std::vector<Id>> ticked;
    for (const CriterionTick &t : reader->criterionTicks())
        ticked[t.opportunity].push_back(t.criterion);
    const health::HealthReport &report = m_health->report();
    const auto &o = view->opportunities;
    const qint64 periodEnd = report.period.end.toJulianDay();
    std::vector<GatewaysPanel::Deal> deals;
    Minor missedCommit = 0;
    int missedCommitDeals = 0;
    for (const int row : report.openRows) {
        const auto r = std::size_t(row);
        const auto it = ticked.find(o.id[r]);
        const std::vector<Id> ticks = it == ticked.end() ? std::vector<Id>{} : it->second;
        GatewaysPanel::Deal deal{ o.id[r], row,
                                  gateways::standing(Stage(o.stage[r]), criteria, ticks), ticks };
        const bool stalled = report.assessments[r].level == health::Level::Stalled;
        if (!deal.standing.missed.empty() && !stalled
            && view->forecast(row) == ForecastCategory::Commit && o.closeDate[r]
            && o.closeDate[r] <= periodEnd) {
            missedCommit += o.amount[r];
            ++missedCommitDeals;
        }
        deals.push_back(std::move(deal));
    }
    // The list shows those that missed a gateway first, then the largest.
    std::stable_sort(deals.begin(), deals.end(), [&](const auto &a, const auto &b) {
        const bool am = !a.standing.missed.empty(), bm = !b.standing.missed.empty();
        return am != bm ? am : o.amount[std::size_t(a.row)] > o.amount[std::size_t(b.row)];
    });
    if (deals.size() > mostGatewayDeals)
        deals.resize(mostGatewayDeals);
    m_gateways->show(std::move(deals), criteria, m_scope->asOf());
    m_forecast->setMissedGatewayCommit(missedCommit, missedCommitDeals);
}

bool ReviewPage::startReview()
{
    const std::optional<Id> rep = repId();
    const QDate on = m_scope->asOf();
    for (const Review &r : m_history) {
        if (r.heldOn == on) { // one review a day: show the one held then
            showReview(r.id);
            return true;
        }
    }
    if (!m_session->edit(&BookEditor::startReview, rep, on))
        return false;
    m_chosen.reset(); // the new one is the latest
    refresh();
    return true;
}

bool ReviewPage::deleteReview()
{
    if (!m_review)
        return false;
    const Id id = m_review->id;
    m_chosen.reset();
    const bool done = m_session->edit(&BookEditor::removeReview, id);
    refresh();
    return done;
}

void ReviewPage::showReview(Id review)
{
    m_chosen = review;
    refresh();
}

bool ReviewPage::exportPack(const QString &path)
{
    const BookView *view = m_session->view();
    if (!view)
        return false;
    const std::optional<Id> rep = repId();
    QSaveFile file(path);
    int pages = 0;
    try {
        const WaitCursor wait;
        if (!file.open(QIODevice::WriteOnly))
            throw InputError(file.errorString());
        pages = ReviewPack::write(
                m_session->path(), *view,
                { rep ? m_session->repName(rep) : QString(), m_scope->asOf(), {} }, file);
        if (!file.commit())
            throw InputError(file.errorString());
    } catch (const std::exception &e) {
        const auto *input = dynamic_cast<const InputError *>(&e);
        m_session->reportError(
                tr("Cannot write %1: %2")
                        .arg(path, input ? input->message() : QString::fromLocal8Bit(e.what())));
        return false;
    }
    emit statusMessage(tr("Exported the review pack to %1 (%n page(s)).", nullptr, pages)
                               .arg(QFileInfo(path).fileName()));
    return true;
}

QByteArray ReviewPage::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << stateVersion << qint32(m_tabs->currentIndex());
    return data;
}

void ReviewPage::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    quint32 version = 0;
    qint32 tab = 0;
    in >> version >> tab;
    if (in.status() != QDataStream::Ok || version != stateVersion)
        return;
    m_tabs->setCurrentIndex(tab);
}

} // namespace tp::ui
