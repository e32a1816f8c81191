#include "reviewpack.h"

#include "analytics/categorymoves.h"
#include "analytics/dealhealth.h"
#include "analytics/pipelinehealth.h"
#include "domain/dates.h"
#include "domain/errors.h"
#include "packpainter.h"
#include "reviewchanges.h"
#include "storage/bookviewloader.h"
#include "storage/opportunities.h"
#include "storage/reps.h"
#include "storage/reviews.h"
#include "storage/settings.h"
#include "views/bookview.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <map>

namespace tp {

// QT_LOGGING_RULES="tp.report.timing.debug=true" prints where the time of a pack goes.
Q_LOGGING_CATEGORY(reportTiming, "tp.report.timing", QtWarningMsg)

namespace {

// The most rows the pack's tables show: the pack stays two to four pages a rep.
constexpr std::size_t mostRisks = 10;

struct Context
{
    Book &book;
    const BookView &view;
    QString currency;
    QDate asOf;
    Period period;
    health::RuleContext rules;
    QLocale locale;
};

QString money(const Context &c, Minor amount)
{
    return c.locale.toString(double(amount) / 100.0, 'f', 2) + QLatin1Char(' ') + c.currency;
}

// An amount in few characters for a chart's label: "1.2M", "326.9K", "950.00" (the caption
// says the currency).
QString compact(const Context &c, Minor amount)
{
    const double value = double(amount) / 100.0;
    const double size = std::abs(value);
    if (size >= 1e9)
        return c.locale.toString(value / 1e9, 'f', 2) + QLatin1Char('B');
    if (size >= 1e6)
        return c.locale.toString(value / 1e6, 'f', 2) + QLatin1Char('M');
    if (size >= 1e4)
        return c.locale.toString(value / 1e3, 'f', 1) + QLatin1Char('K');
    return c.locale.toString(value, 'f', 2);
}

QString share(const Context &c, const std::optional<double> &value)
{
    return value ? c.locale.toString(*value * 100.0, 'f', 0) + QLatin1Char('%')
                 : ReviewPack::tr("n/a");
}

QString times(const Context &c, const std::optional<double> &value)
{
    return value ? c.locale.toString(*value, 'f', 1) + QChar(0x00D7) : ReviewPack::tr("n/a");
}

QString day(const Context &c, const QDate &date)
{
    return date.isValid() ? c.locale.toString(date, localDateFormat(c.locale)) : QString();
}

// A deal's name: from the view when it holds the names, else from the book (the command line
// reads the view without them, a quarter of its load, and names the few deals shown).
QString dealName(const Context &c, Id id)
{
    const auto &o = c.view.opportunities;
    if (o.name.size() == std::size_t(o.size())) {
        const int row = o.indexOf(id);
        return row >= 0 ? o.name.at(std::size_t(row)) : QString();
    }
    const std::optional<Opportunity> stored = OpportunityRepository(c.book).byId(id);
    return stored ? stored->name : QString();
}

QString tiedTo(const Context &c, const Commitment &commitment)
{
    if (commitment.opportunity)
        return dealName(c, *commitment.opportunity);
    if (commitment.account) {
        const int row = c.view.accounts.indexOf(*commitment.account);
        return row >= 0 ? c.view.accounts.name.at(std::size_t(row)) : QString();
    }
    return {};
}

void keyFigures(PackPainter &pdf, const Context &c, const health::HealthReport &r)
{
    pdf.heading(ReviewPack::tr("Key figures"));
    const health::CoverageFigures &cov = r.coverage;
    pdf.figures({
            { ReviewPack::tr("Open pipeline (%n deal(s))", nullptr, int(r.open)),
              money(c, r.openAmount) },
            { ReviewPack::tr("Quota %1").arg(c.period.label()),
              cov.hasTarget ? money(c, cov.target) : ReviewPack::tr("none") },
            { ReviewPack::tr("Won in the period"), money(c, cov.won) },
            { ReviewPack::tr("Attainment"), share(c, r.metrics.attainment) },
            { ReviewPack::tr("Coverage, raw"), times(c, cov.raw) },
            { ReviewPack::tr("Coverage, honest"), times(c, cov.honestRatio) },
            { ReviewPack::tr("Stalled (%n deal(s))", nullptr, int(r.stalled.count)),
              money(c, r.stalled.amount) },
            { ReviewPack::tr("At risk (%n deal(s))", nullptr, int(r.atRisk.count)),
              money(c, r.atRisk.amount) },
            { ReviewPack::tr("Win rate"), share(c, r.metrics.winRate) },
            { ReviewPack::tr("Average deal size"),
              r.metrics.averageDealSize ? money(c, *r.metrics.averageDealSize)
                                        : ReviewPack::tr("n/a") },
            { ReviewPack::tr("Sales cycle"),
              r.metrics.averageCycleDays
                      ? ReviewPack::tr("%1 days").arg(std::lround(*r.metrics.averageCycleDays))
                      : ReviewPack::tr("n/a") },
            { ReviewPack::tr("Deals closed in the window"),
              QString::number(r.metrics.won + r.metrics.lost) },
    });
}

// The forecast, and the deals of the flow that changed category (docs/METRICS.md, "Decisions
// of this repository", forecast category moves), the largest moves first.
void forecast(PackPainter &pdf, const Context &c, const health::HealthReport &r,
              const std::optional<changes::CategoryMoves> &moves)
{
    pdf.heading(ReviewPack::tr("Forecast for %1").arg(c.period.label()));
    const health::ForecastFigures &f = r.forecast;
    pdf.bars({ { ReviewPack::tr("Closed"), double(f.closed), money(c, f.closed), true },
               { ReviewPack::tr("Commit"), double(f.commit), money(c, f.commit), true },
               { ReviewPack::tr("Honest commit"), double(f.commitHonest), money(c, f.commitHonest),
                 false },
               { ReviewPack::tr("Best case"), double(f.bestCase), money(c, f.bestCase), false },
               { ReviewPack::tr("Pipeline"), double(f.pipeline), money(c, f.pipeline), false } });
    pdf.paragraph(ReviewPack::tr("Each sum includes the one above it; honest commit leaves out "
                                 "the stalled Commit deals."),
                  true);
    if (!moves || moves->moved() == 0)
        return;
    const auto side = [](int s, bool from) {
        if (s == changes::outside)
            return from ? ReviewPack::tr("(came in)") : ReviewPack::tr("(moved out)");
        return forecastCategoryName(ForecastCategory(s));
    };
    std::vector<std::pair<int, int>> cells;
    for (int from = 0; from < changes::categorySides; ++from)
        for (int to = 0; to < changes::categorySides; ++to)
            if (from != to && moves->at(from, to).deals > 0)
                cells.emplace_back(from, to);
    std::stable_sort(cells.begin(), cells.end(), [&](const auto &x, const auto &y) {
        return moves->at(x.first, x.second).amount > moves->at(y.first, y.second).amount;
    });
    std::vector<QStringList> rows;
    for (const auto &[from, to] : cells) {
        const changes::CategoryCell &cell = moves->at(from, to);
        rows.push_back({ side(from, true) + QStringLiteral(" → ") + side(to, false),
                         QString::number(cell.deals), money(c, cell.amount) });
    }
    pdf.table(
            { ReviewPack::tr("Category moves"), ReviewPack::tr("Deals"), ReviewPack::tr("Amount") },
            rows, { 0.56, 0.14, 0.30 }, { false, true, true });
    pdf.paragraph(ReviewPack::tr("The deals of the flow that changed forecast category between the "
                                 "two snapshots: won deals became Closed, lost and removed ones "
                                 "Omitted."),
                  true);
}

void risks(PackPainter &pdf, const Context &c, const health::HealthReport &r)
{
    std::vector<int> rows;
    for (int row : r.openRows)
        if (r.assessments[std::size_t(row)].level != health::Level::Healthy)
            rows.push_back(row);
    health::sortWorstFirst(rows, c.view, r);
    pdf.heading(ReviewPack::tr("Top risks"));
    if (rows.empty()) {
        pdf.paragraph(ReviewPack::tr("No stalled or at-risk deal."));
        return;
    }
    const std::size_t shown = std::min(rows.size(), mostRisks);
    const auto &o = c.view.opportunities;
    std::vector<QStringList> table;
    for (std::size_t i = 0; i < shown; ++i) {
        const auto row = std::size_t(rows[i]);
        const health::Assessment &a = r.assessments[row];
        const QStringList reasons = health::Reasons::describe(
                health::factsOf(c.view, rows[i], c.asOf.toJulianDay()), a, r.context);
        table.push_back({ dealName(c, o.id[row]), stageName(Stage(o.stage[row])),
                          money(c, o.amount[row]),
                          a.level == health::Level::Stalled ? ReviewPack::tr("Stalled")
                                                            : ReviewPack::tr("At risk"),
                          reasons.join(QStringLiteral("; ")) });
    }
    pdf.table({ ReviewPack::tr("Deal"), ReviewPack::tr("Stage"), ReviewPack::tr("Amount"),
                ReviewPack::tr("Health"), ReviewPack::tr("Reasons") },
              table, { 0.25, 0.1, 0.16, 0.09, 0.4 }, { false, false, true, false, false });
    if (rows.size() > shown)
        pdf.paragraph(ReviewPack::tr("And %n more: see the Review page or export --what stalled.",
                                     nullptr, int(rows.size() - shown)),
                      true);
}

void commitments(PackPainter &pdf, const Context &c, ReviewRepository &reviews,
                 const std::optional<Review> &review)
{
    pdf.heading(ReviewPack::tr("Commitments of earlier reviews"));
    if (!review) {
        pdf.paragraph(ReviewPack::tr("No review recorded yet: start one on the Review page."));
        return;
    }
    const std::vector<Review> history = reviews.reviews(review->rep);
    const auto madeOn = [&](Id id) {
        const auto it = std::find_if(history.begin(), history.end(),
                                     [&](const Review &r) { return r.id == id; });
        return it == history.end() ? QString() : day(c, it->heldOn);
    };
    const auto rows = [&](const std::vector<Commitment> &all, bool withStatus) {
        std::vector<QStringList> table;
        for (const Commitment &m : all) {
            const CommitmentStatus status =
                    m.settledIn == review->id ? m.status : CommitmentStatus::Open;
            QStringList row{ m.text, tiedTo(c, m), day(c, m.due) };
            if (withStatus)
                row << madeOn(m.review) << commitmentStatusName(status);
            table.push_back(row);
        }
        return table;
    };
    const std::vector<Commitment> carried = reviews.carriedInto(*review);
    if (carried.empty())
        pdf.paragraph(ReviewPack::tr("None was open."));
    else
        pdf.table({ ReviewPack::tr("Commitment"), ReviewPack::tr("Deal or account"),
                    ReviewPack::tr("Due"), ReviewPack::tr("Made"), ReviewPack::tr("Status") },
                  rows(carried, true), { 0.42, 0.24, 0.11, 0.11, 0.12 },
                  { false, false, false, false, false });
    const CommitmentRecord record = reviews.record(review->rep);
    if (record.made > 0)
        pdf.paragraph(ReviewPack::tr("Commitments kept over every review: %1 of %2.")
                              .arg(record.kept)
                              .arg(record.made),
                      true);

    pdf.heading(ReviewPack::tr("This review: %1").arg(day(c, review->heldOn)));
    pdf.paragraph(review->notes.trimmed().isEmpty() ? ReviewPack::tr("No notes.")
                                                    : review->notes.trimmed());
    const std::vector<Commitment> made = reviews.madeIn(review->id);
    if (made.empty())
        pdf.paragraph(ReviewPack::tr("No commitment made."));
    else
        pdf.table({ ReviewPack::tr("Commitment"), ReviewPack::tr("Deal or account"),
                    ReviewPack::tr("Due") },
                  rows(made, false), { 0.55, 0.3, 0.15 }, { false, false, false });
}

// The pipeline flow and the changed deals between the snapshot "since" starts from and the
// latest at or before the as-of date (METRICS "Pipeline flow").
// The states the sections compare, read once for all the sections that compare the same two
// snapshots (a team pack's reps mostly do).
using StateCache = std::map<std::pair<Id, Id>, std::pair<changes::State, changes::State>>;

// Returns how the flow's deals moved between forecast categories (none without a snapshot).
std::optional<changes::CategoryMoves> flow(PackPainter &pdf, const Context &c, Book &book,
                                           StateCache &cache, std::optional<Id> rep,
                                           const QDate &since)
{
    snapshots::SnapshotReader reader(book.db());
    const std::vector<snapshots::SnapshotInfo> all = reader.list();
    const auto to = ReviewChanges::latestAtOrBefore(all, c.asOf);
    pdf.heading(ReviewPack::tr("Pipeline flow since %1").arg(day(c, since)));
    if (!to) {
        pdf.paragraph(ReviewPack::tr("No snapshot at or before the as-of date: import the CRM "
                                     "export of each week to see what changed."));
        return std::nullopt;
    }
    const auto from = ReviewChanges::latestAtOrBefore(all, since);
    const snapshots::RuleContextAt rules = [&c](const QDate &d) {
        return health::ruleContext(c.view, d);
    };
    const std::pair<Id, Id> key{ from.value_or(0), *to };
    auto cached = cache.find(key);
    if (cached == cache.end()) {
        std::pair<changes::State, changes::State> read;
        if (from && *from != *to) {
            auto states = reader.states({ *from, *to }, rules);
            read = { std::move(states[0]), std::move(states[1]) };
        } else {
            read.second = reader.state(*to, rules);
            if (from)
                read.first = read.second;
        }
        cached = cache.emplace(key, std::move(read)).first;
    }
    const changes::State &a = cached->second.first, &b = cached->second.second;
    changes::Scope scope;
    scope.rep = rep.value_or(0);
    const changes::Comparison cmp = changes::compare(a, b, scope, c.period);
    using changes::Bucket;
    const auto step = [&](const QString &label, Bucket bucket, bool up) {
        const Minor amount = cmp.amount(bucket);
        return PackPainter::Step{ label, up ? double(amount) : -double(amount),
                                  (up ? QStringLiteral("+") : QStringLiteral("−"))
                                          + compact(c, amount),
                                  false };
    };
    pdf.waterfall({ { ReviewPack::tr("Start"), double(cmp.start), compact(c, cmp.start), true },
                    step(ReviewPack::tr("New"), Bucket::New, true),
                    step(ReviewPack::tr("Moved in"), Bucket::MovedIn, true),
                    step(ReviewPack::tr("Amount up"), Bucket::AmountUp, true),
                    step(ReviewPack::tr("Amount down"), Bucket::AmountDown, false),
                    step(ReviewPack::tr("Won"), Bucket::Won, false),
                    step(ReviewPack::tr("Lost"), Bucket::Lost, false),
                    step(ReviewPack::tr("Removed"), Bucket::Removed, false),
                    step(ReviewPack::tr("Moved out"), Bucket::MovedOut, false),
                    { ReviewPack::tr("End"), double(cmp.end), compact(c, cmp.end), true } },
                  120);
    pdf.paragraph(ReviewPack::tr("From the snapshot of %1 to that of %2, the deals closing by the "
                                 "end of %3, in %4. Totals black, increases grey, decreases "
                                 "hatched.")
                          .arg(from ? day(c, a.date) : ReviewPack::tr("(none)"), day(c, b.date),
                               c.period.label(), c.currency),
                  true);
    std::vector<const changes::DealDifference *> moved;
    for (const changes::DealDifference &d : cmp.deals)
        if (d.changes != 0)
            moved.push_back(&d);
    std::stable_sort(moved.begin(), moved.end(),
                     [](const auto *x, const auto *y) { return x->amount > y->amount; });
    std::optional<changes::CategoryMoves> moves = changes::categoryMoves(a, b, cmp);
    const std::size_t shown = std::min<std::size_t>(moved.size(), 12);
    if (shown == 0)
        return moves;
    std::vector<QStringList> rows;
    for (std::size_t i = 0; i < shown; ++i) {
        const changes::DealDifference &d = *moved[i];
        QStringList what;
        const auto has = [&](changes::Change ch) { return changes::has(d.changes, ch); };
        if (has(changes::Change::New))
            what << ReviewPack::tr("new");
        if (has(changes::Change::Won))
            what << ReviewPack::tr("won");
        if (has(changes::Change::Lost))
            what << ReviewPack::tr("lost");
        if (has(changes::Change::Removed))
            what << ReviewPack::tr("removed");
        if (has(changes::Change::Advanced))
            what << ReviewPack::tr("advanced");
        if (has(changes::Change::Regressed))
            what << ReviewPack::tr("regressed");
        if (has(changes::Change::Pushed))
            what << ReviewPack::tr("pushed");
        if (has(changes::Change::PulledIn))
            what << ReviewPack::tr("pulled in");
        if (has(changes::Change::AmountUp))
            what << ReviewPack::tr("amount up");
        if (has(changes::Change::AmountDown))
            what << ReviewPack::tr("amount down");
        if (has(changes::Change::OwnerChanged))
            what << ReviewPack::tr("owner changed");
        if (has(changes::Change::NewlyStalled))
            what << ReviewPack::tr("newly stalled");
        QString before, after;
        if (d.a >= 0) {
            const changes::DealState &x = a.deals[std::size_t(d.a)];
            before = QStringLiteral("%1, %2").arg(stageName(x.stage), money(c, x.amount));
        }
        if (d.b >= 0) {
            const changes::DealState &y = b.deals[std::size_t(d.b)];
            after = QStringLiteral("%1, %2").arg(stageName(y.stage), money(c, y.amount));
        }
        rows.push_back({ dealName(c, d.id), what.join(QStringLiteral(", ")), before, after });
    }
    pdf.table({ ReviewPack::tr("Changed deal"), ReviewPack::tr("Changes"), ReviewPack::tr("Before"),
                ReviewPack::tr("After") },
              rows, { 0.28, 0.26, 0.23, 0.23 }, { false, false, false, false });
    if (moved.size() > shown)
        pdf.paragraph(ReviewPack::tr("And %n more changed deal(s) on the Review page.", nullptr,
                                     int(moved.size() - shown)),
                      true);
    return moves;
}

// One rep's section (none: the team's), starting on a new page after the first.
void section(PackPainter &pdf, const Context &c, Book &book, StateCache &cache,
             ReviewRepository &reviews, std::optional<Id> rep, const QString &name,
             const QDate &since)
{
    QElapsedTimer clock;
    clock.start();
    const int repIndex = rep ? c.view.repIndex(*rep) : -1;
    const health::HealthReport report =
            health::evaluate(c.view, { repIndex, -1 }, c.asOf, c.period, &c.rules);
    qCDebug(reportTiming, "%s: figures %lld ms", qUtf8Printable(name), clock.restart());
    // This review: the rep's latest held on or before the as-of date.
    const std::optional<Review> review = reviews.lastBefore(rep, c.asOf.addDays(1));
    const std::optional<Review> earlier =
            review && !since.isValid() ? reviews.lastBefore(rep, review->heldOn) : std::nullopt;
    const QDate from = since.isValid() ? since : earlier ? earlier->heldOn : c.asOf.addDays(-7);
    pdf.title(rep ? ReviewPack::tr("One-on-one review: %1").arg(name)
                  : ReviewPack::tr("Team review"),
              ReviewPack::tr("Period %1 · as of %2 · since %3")
                      .arg(c.period.label(), day(c, c.asOf), day(c, from)));
    keyFigures(pdf, c, report);
    const auto moves = flow(pdf, c, book, cache, rep, from);
    qCDebug(reportTiming, "%s: flow %lld ms", qUtf8Printable(name), clock.restart());
    forecast(pdf, c, report, moves);
    risks(pdf, c, report);
    commitments(pdf, c, reviews, review);
    qCDebug(reportTiming, "%s: the rest %lld ms", qUtf8Printable(name), clock.elapsed());
}

} // namespace

QPageSize ReviewPack::pageSizeOfLocale()
{
    return QPageSize(QLocale().measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter
                                                                                : QPageSize::A4);
}

int ReviewPack::write(Book &book, const ReviewPackRequest &request, QIODevice &out)
{
    if (!request.rep.isEmpty() && !RepRepository(book).byName(request.rep))
        throw InputError(tr("--rep: no rep named \"%1\" in this book.").arg(request.rep));
    QElapsedTimer clock;
    clock.start();
    const auto view = loadBookView(book.path(), {}, OpportunityText::Skip);
    qCDebug(reportTiming, "view: %lld ms", clock.elapsed());
    return write(book, *view, request, out);
}

int ReviewPack::write(const QString &bookPath, const BookView &view,
                      const ReviewPackRequest &request, QIODevice &out)
{
    auto book = Book::openForReading(bookPath);
    return write(*book, view, request, out);
}

int ReviewPack::write(Book &book, const BookView &view, const ReviewPackRequest &request,
                      QIODevice &out)
{
    const BookSettings settings = SettingsRepository(book).load();
    const QDate asOf = request.asOf.isValid() ? request.asOf : QDate::currentDate();
    std::vector<std::pair<std::optional<Id>, QString>> sections;
    RepRepository reps(book);
    if (!request.rep.isEmpty()) {
        const auto rep = reps.byName(request.rep);
        if (!rep)
            throw InputError(tr("--rep: no rep named \"%1\" in this book.").arg(request.rep));
        sections.emplace_back(rep->id, rep->name);
    }
    if (request.rep.isEmpty()) { // the team, then each rep
        sections.emplace_back(std::nullopt, tr("Team"));
        for (const RepRow &rep : view.reps)
            sections.emplace_back(rep.id, rep.name);
    }
    QElapsedTimer clock;
    clock.start();
    const Context c{ book,
                     view,
                     settings.currency,
                     asOf,
                     Period::containing(asOf, settings.fiscalStartMonth),
                     health::ruleContext(view, asOf),
                     QLocale() };
    qCDebug(reportTiming, "rules: %lld ms", clock.elapsed());
    const QString title = request.rep.isEmpty()
            ? tr("Team review pack, %1").arg(day(c, asOf))
            : tr("Review pack: %1, %2").arg(sections.front().second, day(c, asOf));
    PackPainter pdf(&out, pageSizeOfLocale(), title);
    if (!pdf.isOpen())
        throw InputError(tr("The review pack cannot be painted (no PDF device)."));
    ReviewRepository reviews(book);
    StateCache cache;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        if (i > 0)
            pdf.newPage();
        section(pdf, c, book, cache, reviews, sections[i].first, sections[i].second, request.since);
    }
    pdf.finish();
    return pdf.pageCount();
}

} // namespace tp
