#include "bookviewloader.h"

#include "columnreaders.h"
#include "scoring.h"
#include "settings.h"
#include "sqlite.h"

#include <QHash>

#include <chrono>
#include <limits>
#include <optional>
#include <thread>

namespace tp {

namespace {

qint64 scalar(sql::Database &db, const char *query)
{
    auto st = db.prepare(query);
    return st.step() ? st.int64(0) : 0;
}

// Runs `work` on its own thread; an exception cancels the load and is kept for the caller.
class Reader
{
public:
    template<typename Work>
    Reader(loader::SharedProgress &shared, Work work)
        : m_thread([this, &shared, work = std::move(work)] {
              try {
                  work();
              } catch (...) {
                  m_error = std::current_exception();
                  shared.cancelled = true;
              }
              m_done = true;
          })
    { }
    ~Reader() { join(); }

    bool done() const { return m_done; }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    void rethrow() const
    {
        if (m_error)
            std::rethrow_exception(m_error);
    }

private:
    std::atomic<bool> m_done{ false };
    std::exception_ptr m_error;
    std::thread m_thread;
};

} // namespace

std::unique_ptr<BookView> loadBookView(const QString &bookPath, const LoadProgress &progress,
                                       OpportunityText text)
{
    auto book = Book::openForReading(bookPath);
    sql::Database &db = book->db();
    auto view = std::make_unique<BookView>();
    view->settings = SettingsRepository(*book).load();

    QHash<Id, int> repIndex;
    {
        auto st = db.prepare("SELECT id, name, capacity, coalesce(email, ''), "
                             "coalesce(crm_user_id, '') FROM reps ORDER BY name COLLATE NOCASE");
        while (st.step()) {
            RepRow r{ st.int64(0), st.text(1), std::nullopt, st.text(3), st.text(4) };
            if (!st.isNull(2))
                r.capacity = st.integer(2);
            repIndex.insert(r.id, int(view->reps.size()));
            view->reps.push_back(r);
        }
    }
    QHash<Id, int> territoryIndex;
    {
        // In the order BookView::sortTerritories() keeps.
        auto st = db.prepare("SELECT id, name, owner_id, locked FROM territories "
                             "ORDER BY name COLLATE NOCASE, id");
        while (st.step()) {
            territoryIndex.insert(st.int64(0), int(view->territories.size()));
            view->territories.push_back({ st.int64(0), st.text(1),
                                          st.isNull(2) ? -1 : repIndex.value(st.int64(2), -1),
                                          st.integer(3) != 0 });
        }
    }

    const qint64 accountTotal = scalar(db, "SELECT count(*) FROM accounts");
    const qint64 opportunityTotal = scalar(db, "SELECT count(*) FROM opportunities");
    const qint64 total = accountTotal + opportunityTotal;
    const Id minId = scalar(db, "SELECT coalesce(min(id), 0) FROM opportunities");
    const Id maxId = scalar(db, "SELECT coalesce(max(id), 0) FROM opportunities");

    loader::SharedProgress shared;
    // Without the deals' texts the opportunity readers leave a core idle part of the time: they
    // start first and keep account ids as they are, the accounts and scores are read here
    // meanwhile, and the ids become rows once both are in (summary: 0.74 s became 0.70 s).
    // With the texts both readers keep both cores busy and faulting in fresh memory; reading
    // the accounts alongside then measured slower (0.74 s against 0.76-0.82 s).
    const Id maxAccountId = scalar(db, "SELECT coalesce(max(id), 0) FROM accounts");
    const bool accountsAlongside =
            text == OpportunityText::Skip && maxAccountId <= std::numeric_limits<int>::max();
    std::optional<loader::AccountRows> accountRows;
    const auto readAccountsAndScores = [&] {
        loader::readAccounts(db, territoryIndex, repIndex, accountTotal, view->accounts, shared);
        accountRows.emplace(view->accounts);
        ScoringRepository scoring(*book);
        view->scoring = scoring.model();
        view->scores = scoring.scores(*view, view->scoring);
    };
    if (!accountsAlongside)
        readAccountsAndScores();
    const loader::AccountRows *rowsNow = accountsAlongside ? nullptr : &*accountRows;

    // Two readers by id range, one per core of the machine this runs on (the scan is CPU
    // bound), each on its own connection. The GUI's connection does not write while a book
    // loads, so both see the same data.
    const bool parallel = opportunityTotal >= 50'000;
    const Id split = parallel ? minId + (maxId - minId + 1) / 2 : maxId + 1;
    const qint64 headExpected = parallel ? opportunityTotal / 2 + 1 : opportunityTotal;
    OpportunityColumns &head = view->opportunities;
    OpportunityColumns tail;
    const bool withText = text == OpportunityText::Load;
    Reader headReader(shared, [&] {
        loader::readOpportunities(bookPath, minId, split, headExpected, opportunityTotal, repIndex,
                                  rowsNow, withText, head, shared);
    });
    std::optional<Reader> tailReader;
    if (parallel) {
        // By value: the thread outlives this block.
        const qint64 tailExpected = opportunityTotal - headExpected + 1;
        tailReader.emplace(shared, [&, tailExpected] {
            loader::readOpportunities(bookPath, split, maxId + 1, tailExpected, tailExpected,
                                      repIndex, rowsNow, withText, tail, shared);
        });
    }
    if (accountsAlongside) {
        try {
            readAccountsAndScores();
        } catch (...) {
            shared.cancelled = true;
            throw;
        }
    }
    // Report progress from the calling thread while the readers work.
    while (!headReader.done() || (tailReader && !tailReader->done())) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (progress && !shared.cancelled && !progress(shared.done.load(), total))
            shared.cancelled = true;
    }
    headReader.join();
    headReader.rethrow();
    if (tailReader) {
        tailReader->join();
        tailReader->rethrow();
    }
    if (shared.cancelled)
        return nullptr;
    if (parallel)
        loader::appendChunk(head, std::move(tail));
    if (accountsAlongside)
        loader::resolveAccounts(head, *accountRows);
    loader::readPushes(db, head);
    view->quotas = loader::readQuotas(db, repIndex);
    view->setRates(loader::readRates(db));
    view->recomputeAccountTotals();
    if (progress && !progress(total, total))
        return nullptr;
    return view;
}

} // namespace tp
