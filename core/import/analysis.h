#pragma once

#include "csv/reader.h"
#include "domain/scoring.h"
#include "domain/stage.h"
#include "fields.h"
#include "headerguess.h"
#include "storage/sqlite.h"
#include "values/amounts.h"
#include "values/booleans.h"
#include "values/dates.h"
#include "values/identifiers.h"
#include "values/probabilities.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace tp {
class Book;
}

namespace tp::crm {

// What an import does with a new row that looks like a deal the book already has from another
// source (DuplicateFinder): stop and ask, leave it out, or import it anyway.
enum class DuplicatePolicy { Ask, Skip, Import };

// What the user (wizard or command line) decided about a file.
struct ImportOptions
{
    std::optional<Kind> kind; // else the preset's
    QString preset = QStringLiteral("auto"); // a preset id, or auto-detect
    std::vector<std::pair<Field, int>> columns; // an explicit mapping; empty: the preset's
    QHash<QString, Stage> stageMap; // CRM stage value (any case) → stage; wins over aliases
    std::optional<values::DateOrder> dateOrder;
    std::optional<values::DecimalSeparator> decimal;
    QDate asOf; // the snapshot's date; invalid: today
    bool complete = false;
    // A complete import may remove more than half of its source's open deals (a file cut short
    // removes them all): only when the user said so.
    bool allowMassRemoval = false;
    DuplicatePolicy duplicates = DuplicatePolicy::Ask;
    bool dryRun = false;
    bool skipInvalid = false;
    csv::Options csv;
};

// A row the import refuses: where, which field, what it found and why.
struct Rejection
{
    qint64 line = 0;
    int column = 0; // 1-based; 0 when the whole row is at fault
    QString field;
    QString value;
    QString reason;
};

// A CRM stage value of the file with its row count and the stage it maps to, if any.
struct StageValue
{
    QString value;
    qint64 rows = 0;
    std::optional<Stage> stage;
};

// A column of a scores file named as one of the book's engagement factors.
struct FactorColumn
{
    Id factor = 0;
    QString name; // the factor's, as the book spells it
    int column = -1;
};

// What the first pass over a file found: dialect, header, preset and mapping, the decided
// value formats, the stage values, and what blocks the import.
struct Analysis
{
    QString file;
    csv::Dialect dialect;
    qint64 headerLine = 0;
    QStringList header;
    QString presetId;
    Kind kind = Kind::Opportunities;
    std::vector<std::pair<Field, int>> columns; // mapped fields only
    std::vector<FactorColumn> factors; // a scores file's factor columns, in the book's order
    // Deals of a file with no name column are named after other columns (headerguess.h).
    DealNaming dealNaming;
    QString dealNamingNote; // how they are named, with an example (also among the warnings)
    QStringList unmappedColumns;
    QString fingerprint; // of the header: remembered mappings are found by it
    qint64 rows = 0; // data rows (footers and blank lines excluded)
    QStringList footer; // report footer lines dropped (Salesforce)
    std::vector<StageValue> stages;
    std::map<Field, values::AmountFormat> amounts;
    std::map<Field, values::ProbabilityFormat> probabilities;
    std::map<Field, values::DateFormat> dates;
    std::map<Field, values::IdentifierReport> identifiers;
    QStringList warnings; // reported, not blocking
    QStringList problems; // blocking until the user settles them
    // Which of `problems` lists the stage values with no mapping (-1: none). Its text says
    // what they are, not how to map them: that depends on where the user is.
    int unmappedStagesProblem = -1;
    // Which of `problems` says the file is UTF-8 but for a few bad bytes (-1: none): only the
    // user can choose its encoding (ImportOptions::csv.encoding).
    int encodingProblem = -1;

    int columnOf(Field field) const;
    bool canImport() const { return problems.isEmpty(); }
    // The problems, with `stageHint` after the one about stage values with no mapping and
    // `encodingHint` after the one about the encoding: how the caller (the command line, the
    // wizard) lets the user settle them.
    QStringList problemsWithHints(const QString &stageHint, const QString &encodingHint = {}) const;
};

using ImportProgress = std::function<bool(qint64 done, qint64 total)>; // false: cancel

// Resolves a CRM stage value: the user's map, else the book's aliases (a leading ordinal such
// as "1-" ignored).
class StageResolver
{
public:
    StageResolver(const QHash<QString, Stage> &aliases, const QHash<QString, Stage> &userMap);
    std::optional<Stage> resolve(QStringView value) const;

private:
    QHash<QString, Stage> m_aliases, m_user;
};

QHash<QString, Stage> loadStageAliases(sql::Database &db);

// What reading a file takes from the book: its stage aliases (with the user's own map over
// them) and its engagement factors, whose names head the columns of a scores file.
struct BookTerms
{
    StageResolver stages;
    std::vector<EngagementFactor> factors;

    static BookTerms load(Book &book, const QHash<QString, Stage> &userStageMap);
    static BookTerms none() { return { StageResolver({}, {}), {} }; }
};

// A Salesforce report footer line ("Grand Totals (N records)" and the two after it): a record
// with a single non-empty cell that says so. Cheap for ordinary rows (no text is built).
bool isFooterRecord(const csv::Record &record);
// A record whose cells are all empty or blank.
bool isBlankRecord(const csv::Record &record);

// The fingerprint of a header row: remembered mappings are found by it. Cells are compared as
// presets compare them (normalizeHeader()), so a re-export with other spacing or case matches.
QString headerFingerprint(const QStringList &header);

// The first pass. Throws InputError (csv::ParseError) for a file that cannot be read.
// Without a kind in `options` or a preset that recognises the header, a header that names two
// or more of the book's engagement factors is a scores file.
Analysis analyzeFile(const QString &path, const ImportOptions &options, const BookTerms &book,
                     const ImportProgress &progress = {});

} // namespace tp::crm
