// Issue 19: the undo of a 30,000-account move. A book of 40,000 accounts in 20 territories (with
// deals and an import, so that the edit notes its hand edits for the import's undo) has 30,000
// of them moved in one edit, a proposal's moves to many territories (BookEditor::moveAccounts)
// and a drag onto one (setTerritory); writing the inverse leaves the book, row for row, and the
// view it was applied to, field for field, as they were; redo brings the move back.
#include "bookdump.h"
#include "testsupport.h"

#include "edits/bookeditor.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/sqlite.h"

#include <gtest/gtest.h>

using namespace tp;

namespace {

constexpr int accountCount = 40'000;
constexpr int territoryCount = 20;
constexpr int moved = 30'000;

// Reps, territories (one rep each), an import, accounts with billing places and potentials, and
// one deal per account, written with plain inserts in one transaction.
void writeBook(Book &book)
{
    sql::Database &db = book.db();
    sql::Transaction tx(db);
    db.exec("INSERT INTO imports (id, started_at, file_name, kind) "
            "VALUES (1, '2026-11-01T09:00:00', 'accounts.csv', 'accounts')");
    auto rep = db.prepare("INSERT INTO reps (id, name, email, capacity) VALUES (?, ?, ?, ?)");
    auto territory = db.prepare("INSERT INTO territories (id, name, owner_id) VALUES (?, ?, ?)");
    for (int t = 1; t <= territoryCount; ++t) {
        rep.bind(1, t)
                .bind(2, QStringLiteral("Rep %1").arg(t))
                .bind(3, QStringLiteral("rep%1@example.com").arg(t))
                .bind(4, 100 + t)
                .run();
        territory.bind(1, t).bind(2,
                                  QStringLiteral("Territory %1").arg(t, 2, 10, QLatin1Char('0')));
        // The last territory has no rep: its accounts keep their owners when moved there.
        (t == territoryCount ? territory.bindNull(3) : territory.bind(3, t)).run();
    }
    const char *states[] = { "CA", "NY", "Texas", "Bayern", "", "Ontario" };
    const char *countries[] = { "USA", "United States", "US", "Germany", "France", "Canada" };
    auto account = db.prepare(
            "INSERT INTO accounts (id, crm_id, name, region, territory_id, owner_id, potential, "
            "billing_state, billing_country, crm_owner_id, lock_state) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto deal = db.prepare("INSERT INTO opportunities (id, crm_id, account_id, owner_id, name, "
                           "amount, stage, status, created_date, close_date) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-06-01', '2026-12-15')");
    for (int i = 1; i <= accountCount; ++i) {
        const int t = i % territoryCount + 1;
        const int owner = t == territoryCount ? 1 : t;
        account.bind(1, i)
                .bind(2, QStringLiteral("001A%1").arg(i))
                .bind(3, QStringLiteral("Account %1").arg(i))
                .bind(4, QStringLiteral("Region %1").arg(i % 7))
                .bind(5, t)
                .bind(6, owner)
                .bind(7, qint64(i % 5) * 1'000'000)
                .bind(8, std::string_view(states[i % 6]))
                .bind(9, std::string_view(countries[i % 6]))
                .bind(10, owner);
        // A few locked and a few unlocked by the user; the rest follow the default rule.
        (i % 50 == 0           ? account.bind(11, 1)
                 : i % 70 == 0 ? account.bind(11, 0)
                               : account.bindNull(11))
                .run();
        const bool open = i % 3 == 0;
        deal.bind(1, i)
                .bind(2, QStringLiteral("006A%1").arg(i))
                .bind(3, i)
                .bind(4, owner)
                .bind(5, QStringLiteral("Deal %1").arg(i))
                .bind(6, qint64(i % 11 + 1) * 500'000)
                .bind(7, open ? 2 : 5)
                .bind(8, open ? 0 : 1)
                .run();
    }
    tx.commit();
}

qint64 count(Book &book, const char *sql)
{
    return test::scalar(book.db(), sql);
}

class BulkMoveUndo : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_path = m_dir.path(QStringLiteral("bulk.tpbook"));
        m_book = Book::create(m_path);
        writeBook(*m_book);
        m_before = test::dumpBook(m_book->db());
        m_original = loadBookView(m_path);
        m_view = loadBookView(m_path);
        ASSERT_TRUE(m_original && m_view);
        ASSERT_EQ(m_view->accounts.size(), accountCount);
    }

    // The move applied to the view (which then equals a fresh load), undone (the book and the
    // view as they were) and redone (as after the move).
    void checkUndo(BookChange change)
    {
        ASSERT_EQ(change.accounts.size(), std::size_t(moved));
        m_view->apply(change);
        const QString after = test::dumpBook(m_book->db());
        ASSERT_FALSE(after == m_before);
        {
            const auto fresh = loadBookView(m_path);
            EXPECT_EQ(m_view->differenceFrom(*fresh), QString()) << "after the move";
        }
        // Every account moved is noted as a hand edit since the import.
        EXPECT_EQ(count(*m_book, "SELECT count(*) FROM hand_edits WHERE table_name = 'accounts'"),
                  moved);

        BookEditor editor(*m_book);
        BookChange undo = change.inverse();
        editor.write(undo);
        m_view->apply(undo);
        // Compared whole, not printed: a dump is megabytes.
        EXPECT_TRUE(test::dumpBook(m_book->db()) == m_before) << "the book after the undo";
        EXPECT_EQ(m_view->differenceFrom(*m_original), QString()) << "the view after the undo";

        editor.write(change);
        m_view->apply(change);
        EXPECT_TRUE(test::dumpBook(m_book->db()) == after) << "the book after the redo";
        {
            const auto fresh = loadBookView(m_path);
            EXPECT_EQ(m_view->differenceFrom(*fresh), QString()) << "the view after the redo";
        }
    }

    test::TempDir m_dir;
    QString m_path;
    std::unique_ptr<Book> m_book;
    QString m_before;
    std::unique_ptr<BookView> m_original, m_view;
};

} // namespace

// A proposal's moves: the first 30,000 accounts each to the next territory, the last one's to
// the first.
TEST_F(BulkMoveUndo, AProposalMovingThirtyThousandAccountsIsUndoneExactly)
{
    std::vector<std::pair<Id, Id>> moves;
    for (Id account = 1; account <= moved; ++account)
        moves.emplace_back(account, (account + 1) % territoryCount + 1);
    BookEditor editor(*m_book);
    BookChange change = editor.moveAccounts(moves, false, QStringLiteral("Rebalance"));
    // The accounts are where the moves put them, owned by their territory's rep (the last
    // territory has none: its accounts keep their owner).
    EXPECT_EQ(count(*m_book,
                    "SELECT count(*) FROM accounts WHERE id <= 30000 AND "
                    "territory_id = (id + 1) % 20 + 1"),
              moved);
    EXPECT_EQ(count(*m_book,
                    "SELECT count(*) FROM accounts WHERE id <= 30000 AND "
                    "territory_id < 20 AND owner_id != territory_id"),
              0);
    checkUndo(std::move(change));
}

// A drag onto one territory: 30,000 accounts from all the others into Territory 01.
TEST_F(BulkMoveUndo, ThirtyThousandAccountsDraggedOntoATerritoryAreUndoneExactly)
{
    std::vector<Id> accounts;
    for (Id account = 1; account <= accountCount && accounts.size() < std::size_t(moved); ++account)
        if (account % territoryCount + 1 != 1)
            accounts.push_back(account);
    BookEditor editor(*m_book);
    BookChange change = editor.setTerritory(accounts, Id(1));
    // Its own 2,000 and the 30,000, all owned by its rep.
    EXPECT_EQ(count(*m_book,
                    "SELECT count(*) FROM accounts WHERE territory_id = 1 AND "
                    "owner_id = 1"),
              moved + accountCount / territoryCount);
    checkUndo(std::move(change));
}
