#pragma once

#include "analysis.h"
#include "opportunityupsert.h"
#include "storage/sqlite.h"

namespace tp {
class Book;
}

namespace tp::crm {

struct ImportReport
{
    Analysis analysis;
    Id importId = 0;        // the import's row, 0 when nothing was written
    bool committed = false; // false: a dry run, a blocked file, or rejected rows without --skip-invalid
    UpsertCounts counts;
    qint64 rejectedRows = 0;
    std::vector<Rejection> rejections; // the first maxRejections, in file order
    static constexpr std::size_t maxRejections = 1000;
};

// The connection's settings for importing, for the guard's lifetime: a page cache big enough
// for the indexes an import walks (64 MiB, within its memory budget; SQLite's default 2 MiB
// re-reads pages for every row), and no foreign-key checks, which cost three lookups and a
// statement journal per row for ids the importer itself took from the book, and temporary
// files rather than memory for the sorts that build indexes after a large import. SQLite
// ignores these pragmas inside a transaction: a caller that wraps several imports in one makes
// the guard before it (importFile() makes its own, which then does nothing).
class ImportConnection
{
public:
    explicit ImportConnection(sql::Database &db);
    ~ImportConnection();
    ImportConnection(const ImportConnection &) = delete;
    ImportConnection &operator=(const ImportConnection &) = delete;

private:
    sql::Database &m_db;
    bool m_active;
    int m_cacheSize = 0, m_tempStore = 0; // the connection's own, given back at the end
    sql::ForeignKeysOff m_unenforced;     // after m_active, which reads the pragma first
};

// Imports a CSV file into the book as one transaction: the first pass analyses the file (see
// analyzeFile()); if nothing blocks, the second pass parses every row and writes it. A rejected
// row fails the whole import unless `skipInvalid`; a dry run, a cancel (progress returns false)
// or any error roll everything back. Throws InputError for a file that cannot be read or
// parsed as CSV (naming file, line and column).
ImportReport importFile(Book &book, const QString &path, const ImportOptions &options,
                        const ImportProgress &progress = {});

} // namespace tp::crm
