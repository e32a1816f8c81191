#include "snapshotreader.h"

#include "book.h"
#include "domain/dates.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <thread>
#include <unordered_map>

namespace tp::snapshots {

namespace {

// One row of a state, with the facts the stalled rules read.
struct Row
{
    changes::DealState deal;
    std::int32_t lastActivity = 0; // Julian day; 0 when unknown
    std::int32_t stageEntered = 0; // Julian day; 0 when unknown
    std::int32_t pushes = 0;
};

struct Ordered
{
    Id id = 0;
    QDate date;
    bool full = false;
};

std::vector<Ordered> orderedSnapshots(sql::Database &db)
{
    std::vector<Ordered> all;
    auto st = db.prepare("SELECT id, taken_on, full_state FROM snapshots ORDER BY taken_on, id");
    while (st.step())
        all.push_back({ st.int64(0), st.date(1), st.integer(2) != 0 });
    return all;
}

std::size_t positionOf(const std::vector<Ordered> &all, Id snapshot)
{
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const Ordered &o) { return o.id == snapshot; });
    if (it == all.end())
        throw sql::Error(QStringLiteral("no snapshot %1").arg(snapshot));
    return std::size_t(it - all.begin());
}

// The position of the last full state at or before `position`, else the first snapshot.
std::size_t baseOf(const std::vector<Ordered> &all, std::size_t position)
{
    for (std::size_t i = position + 1; i-- > 0;) {
        if (all[i].full)
            return i;
    }
    return 0;
}

ForecastCategory categoryOf(Status status, Stage stage, bool known, int stored)
{
    if (status == Status::Won)
        return ForecastCategory::Closed;
    if (status != Status::Open)
        return ForecastCategory::Omitted;
    return known ? ForecastCategory(stored) : forecastCategoryOf(stage);
}

const char *const rowColumns =
        "SELECT opportunity_id, stage, status, amount, close_date, owner_id, territory_id, "
        "last_activity_date, stage_entered_date, pushes, forecast_category FROM snapshot_rows ";

Row readRow(const sql::Statement &st)
{
    Row r;
    changes::DealState &d = r.deal;
    d.id = st.int64(0);
    d.stage = Stage(st.integer(1));
    d.status = Status(st.integer(2));
    d.amount = st.int64(3);
    d.closeDay = parseIsoDay(st.utf8(4));
    d.owner = st.int64(5); // NULL reads 0
    d.territory = st.int64(6);
    d.category = categoryOf(d.status, d.stage, !st.isNull(10), st.integer(10));
    if (d.status == Status::Open) { // the stalled rules' facts: only open deals are judged
        r.lastActivity = std::int32_t(parseIsoDay(st.utf8(7)));
        r.stageEntered = std::int32_t(parseIsoDay(st.utf8(8)));
        r.pushes = st.integer(9);
    }
    return r;
}

// A snapshot's rows, sorted by opportunity (the table's key order).
void readRows(sql::Statement &st, Id snapshot, std::vector<Row> &out)
{
    out.clear();
    st.bind(1, snapshot);
    while (st.step())
        out.push_back(readRow(st));
    st.reset();
}

// `rows` over `state` (both sorted by deal): a deal's row in `rows` replaces its row in
// `state`. In place, merged from the back: no second copy of a million rows.
void overlay(std::vector<Row> &state, const std::vector<Row> &rows)
{
    std::size_t added = 0;
    for (std::size_t i = 0, j = 0; j < rows.size(); ++j) {
        while (i < state.size() && state[i].deal.id < rows[j].deal.id)
            ++i;
        if (i == state.size() || state[i].deal.id != rows[j].deal.id)
            ++added;
    }
    std::size_t i = state.size(), j = rows.size(), k = state.size() + added;
    state.resize(k);
    while (j > 0) {
        if (i > 0 && state[i - 1].deal.id > rows[j - 1].deal.id) {
            state[--k] = state[--i];
        } else {
            if (i > 0 && state[i - 1].deal.id == rows[j - 1].deal.id)
                --i; // replaced
            state[--k] = rows[--j];
        }
    }
}

// The opportunities' created days, by id (ascending).
std::vector<std::pair<Id, std::int32_t>> createdDays(sql::Database &db)
{
    std::vector<std::pair<Id, std::int32_t>> days;
    auto st = db.prepare("SELECT id, created_date FROM opportunities ORDER BY id");
    while (st.step())
        days.emplace_back(st.int64(0), std::int32_t(parseIsoDay(st.utf8(1))));
    return days;
}

changes::State materialize(const std::vector<Row> &rows, const QDate &date,
                           const health::RuleContext &context,
                           const std::vector<std::pair<Id, std::int32_t>> &created)
{
    changes::State state;
    state.date = date;
    state.deals.reserve(rows.size());
    const qint64 day = date.toJulianDay();
    std::size_t c = 0;
    for (const Row &r : rows) {
        changes::DealState d = r.deal;
        if (d.status == Status::Open) {
            while (c < created.size() && created[c].first < d.id)
                ++c;
            const qint64 createdDay =
                    c < created.size() && created[c].first == d.id ? created[c].second : 0;
            // The facts as dealhealth's factsOf() reads them from a view, as of the day.
            health::DealFacts f;
            f.stage = d.stage;
            const qint64 lastTouch = r.lastActivity != 0 ? r.lastActivity : createdDay;
            if (lastTouch != 0)
                f.idle = int(day - lastTouch);
            if (createdDay != 0)
                f.age = int(day - createdDay);
            if (r.stageEntered != 0)
                f.inStage = int(day - r.stageEntered);
            if (d.closeDay != 0 && d.closeDay < day)
                f.closePassed = int(day - d.closeDay);
            f.pushes = r.pushes;
            d.stalled = health::assess(f, context).level == health::Level::Stalled;
        }
        state.deals.push_back(d);
    }
    return state;
}

const char *const infoColumns =
        "SELECT s.id, s.taken_on, s.source, s.listed_rows, s.label, i.file_name "
        "FROM snapshots s LEFT JOIN imports i ON i.id = s.import_id ";

SnapshotInfo readInfo(const sql::Statement &st)
{
    QString file = st.text(5);
    // The import keeps the path it read; the list shows the file's name.
    file = file.mid(
            std::max(file.lastIndexOf(QLatin1Char('/')), file.lastIndexOf(QLatin1Char('\\'))) + 1);
    return { st.int64(0), st.date(1), st.text(2), st.int64(3), st.text(4), file };
}

} // namespace

SnapshotReader::SnapshotReader(sql::Database &db) : m_db(db) { }

std::vector<SnapshotInfo> SnapshotReader::list()
{
    std::vector<SnapshotInfo> out;
    auto st = m_db.prepare(std::string(infoColumns) + "ORDER BY s.taken_on, s.id");
    while (st.step())
        out.push_back(readInfo(st));
    return out;
}

std::optional<SnapshotInfo> SnapshotReader::latestAtOrBefore(const QDate &date)
{
    auto st = m_db.prepare(std::string(infoColumns)
                           + "WHERE s.taken_on <= ? ORDER BY s.taken_on DESC, s.id DESC LIMIT 1");
    st.bind(1, date);
    if (!st.step())
        return std::nullopt;
    return readInfo(st);
}

std::vector<changes::State> SnapshotReader::states(const std::vector<Id> &snapshots,
                                                   const RuleContextAt &rules)
{
    const std::vector<Ordered> all = orderedSnapshots(m_db);
    std::vector<std::size_t> wanted;
    wanted.reserve(snapshots.size());
    for (Id id : snapshots)
        wanted.push_back(positionOf(all, id));
    std::vector<std::size_t> ascending = wanted;
    std::sort(ascending.begin(), ascending.end());
    ascending.erase(std::unique(ascending.begin(), ascending.end()), ascending.end());

    auto st =
            m_db.prepare(std::string(rowColumns) + "WHERE snapshot_id = ? ORDER BY opportunity_id");
    // The deals' created days (the age rule's), from the opportunities table, on a thread of
    // their own while the snapshots are read: a scan of the widest table, a fifth of the time
    // on a million deals. On the caller's connection when it has writes of its own in flight.
    std::vector<std::pair<Id, std::int32_t>> created;
    std::exception_ptr failed;
    std::thread createdReader;
    const bool apart = !m_db.path().isEmpty() && !m_db.inTransaction();
    if (apart) {
        createdReader = std::thread([&created, &failed, path = m_db.path()] {
            try {
                sql::Database db = Book::readConnection(path);
                created = createdDays(db);
            } catch (...) {
                failed = std::current_exception();
            }
        });
    } else {
        created = createdDays(m_db);
    }
    struct Joined // whatever happens meanwhile, the thread ends before its results go
    {
        std::thread &thread;
        ~Joined()
        {
            if (thread.joinable())
                thread.join();
        }
    } joined{ createdReader };
    const auto createdRead = [&] {
        if (createdReader.joinable())
            createdReader.join();
        if (failed)
            std::rethrow_exception(failed);
    };
    std::vector<Row> state, rows, later;
    std::unordered_map<std::size_t, changes::State> done; // by position
    std::optional<std::size_t> last; // the last snapshot read into `state`
    for (std::size_t target : ascending) {
        const std::size_t base = baseOf(all, target);
        std::size_t from = base;
        if (last && *last >= base)
            from = *last + 1;
        else
            state.clear();
        // The partial snapshots on top of the state, gathered and laid over it once: each
        // deal's row from the latest of them.
        later.clear();
        for (std::size_t i = from; i <= target; ++i) {
            if (all[i].full) {
                readRows(st, all[i].id, state);
                later.clear();
            } else {
                readRows(st, all[i].id, rows);
                later.insert(later.end(), rows.begin(), rows.end());
            }
        }
        if (!later.empty()) {
            std::stable_sort(later.begin(), later.end(),
                             [](const Row &x, const Row &y) { return x.deal.id < y.deal.id; });
            // Of the rows of one deal, the last (latest snapshot) wins.
            std::size_t kept = 0;
            for (std::size_t i = 0; i < later.size(); ++i) {
                if (kept > 0 && later[kept - 1].deal.id == later[i].deal.id)
                    later[kept - 1] = later[i];
                else
                    later[kept++] = later[i];
            }
            later.resize(kept);
            overlay(state, later);
        }
        last = target;
        const QDate date = all[target].date;
        createdRead();
        done.emplace(target, materialize(state, date, rules(date), created));
    }
    std::vector<changes::State> out;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        changes::State &materialized = done.at(wanted[i]);
        const bool again =
                std::find(wanted.begin() + std::ptrdiff_t(i) + 1, wanted.end(), wanted[i])
                != wanted.end();
        // A state asked for twice is copied.
        out.push_back(again ? materialized : std::move(materialized));
    }
    return out;
}

changes::State SnapshotReader::state(Id snapshot, const RuleContextAt &rules)
{
    return std::move(states({ snapshot }, rules).front());
}

std::vector<PathPoint> SnapshotReader::path(Id opportunity, Id from, Id to)
{
    const std::vector<Ordered> all = orderedSnapshots(m_db);
    const std::size_t first = positionOf(all, from);
    const std::size_t last = positionOf(all, to);
    auto st =
            m_db.prepare(std::string(rowColumns) + "WHERE snapshot_id = ? AND opportunity_id = ?");
    std::vector<PathPoint> out;
    Row held; // the deal's row in the state so far, when `holds`
    bool holds = false;
    for (std::size_t i = baseOf(all, first); i <= last; ++i) {
        st.bind(1, all[i].id).bind(2, opportunity);
        if (st.step()) {
            held = readRow(st);
            holds = true;
        } else if (all[i].full) {
            holds = false; // a full state without it: not in the book's state there
        }
        st.reset();
        if (i < first || !holds)
            continue;
        const changes::DealState &d = held.deal;
        out.push_back({ all[i].id, all[i].date, d.stage, d.status, d.amount, dayToDate(d.closeDay),
                        d.owner });
    }
    return out;
}

} // namespace tp::snapshots
