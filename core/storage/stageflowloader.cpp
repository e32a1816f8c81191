#include "stageflowloader.h"

#include "book.h"
#include "domain/dates.h"
#include "sqlite.h"

#include <algorithm>

namespace tp {

health::StageFlow loadStageFlow(const QString &bookPath, const std::vector<Id> &ids,
                                const std::function<bool()> &cancelled)
{
    const auto n = ids.size();
    const auto rowOf = [&ids](Id id) {
        const auto it = std::lower_bound(ids.begin(), ids.end(), id);
        return it != ids.end() && *it == id ? int(it - ids.begin()) : -1;
    };
    std::vector<int> rows; // per history row
    std::vector<std::pair<int, qint64>> entries; // (stage, entered day), same order
    {
        sql::Database db = Book::readConnection(bookPath);
        auto st = db.prepare("SELECT opportunity_id, stage, entered_date FROM stage_history");
        Id lastId = 0;
        int lastRow = -1;
        while (st.step()) {
            const Id id = st.int64(0);
            if (id != lastId) {
                lastId = id;
                lastRow = rowOf(id);
            }
            if (lastRow >= 0) {
                rows.push_back(lastRow);
                entries.emplace_back(st.integer(1), parseIsoDay(st.utf8(2)));
            }
            if (rows.size() % 65536 == 0 && cancelled && cancelled())
                return {};
        }
    }
    // Grouped by row with a counting sort (one deal's rows lie apart when imports added them),
    // keeping their order within a row.
    std::vector<std::size_t> start(n + 1, 0);
    for (const int r : rows)
        ++start[std::size_t(r) + 1];
    for (std::size_t r = 0; r < n; ++r)
        start[r + 1] += start[r];
    std::vector<std::pair<int, qint64>> grouped(entries.size());
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t k = 0; k < entries.size(); ++k)
            grouped[next[std::size_t(rows[k])]++] = entries[k];
    }
    health::StageFlow flow;
    flow.highest.resize(n, 0);
    flow.days.resize(n);
    for (std::size_t r = 0; r < n; ++r)
        health::StageFlow::describe(std::span(grouped).subspan(start[r], start[r + 1] - start[r]),
                                    flow.highest[r], flow.days[r]);
    return flow;
}

void reloadStageFlows(Book &book, const std::vector<std::pair<Id, int>> &deals,
                      health::StageFlow &flow)
{
    auto st = book.db().prepare("SELECT stage, entered_date FROM stage_history "
                                "WHERE opportunity_id = ? ORDER BY id");
    std::vector<std::pair<int, qint64>> entries;
    for (const auto &[opportunity, row] : deals) {
        if (row < 0 || std::size_t(row) >= flow.highest.size())
            continue;
        entries.clear();
        st.bind(1, opportunity);
        while (st.step())
            entries.emplace_back(st.integer(0), parseIsoDay(st.utf8(1)));
        st.reset();
        health::StageFlow::describe(entries, flow.highest[std::size_t(row)],
                                    flow.days[std::size_t(row)]);
    }
}

} // namespace tp
