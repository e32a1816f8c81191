#include "analysis.h"

#include "domain/errors.h"
#include "presets.h"
#include "rowpipeline.h"
#include "storage/scoring.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <unordered_map>

namespace tp::crm {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::crm", text);
}

// Texts counted with %n call QCoreApplication::translate() themselves, so that lupdate finds
// them: translations/territory-planner_en.ts gives their singular and plural forms.

QString toQString(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

QStringList toStrings(const csv::Record &record)
{
    QStringList out;
    out.reserve(qsizetype(record.fields.size()));
    for (std::string_view f : record.fields)
        out.append(toQString(f));
    return out;
}

QString strippedOrdinal(QStringView value)
{
    static const QRegularExpression ordinal(QStringLiteral("^\\s*\\d+\\s*[-.)]\\s*"));
    QString v = value.toString();
    v.remove(ordinal);
    return v;
}

// A record that outlives the reader's next(): its fields' bytes in one buffer, reused.
struct CopiedRecord
{
    qint64 line = 0;
    std::string bytes;
    std::vector<std::size_t> ends; // of each field in `bytes`

    void assign(const csv::Record &r)
    {
        line = r.line;
        bytes.clear();
        ends.clear();
        for (const std::string_view f : r.fields) {
            bytes.append(f);
            ends.push_back(bytes.size());
        }
    }
    const csv::Record &view(csv::Record &out) const
    {
        out.line = line;
        out.fields.clear();
        std::size_t begin = 0;
        for (const std::size_t end : ends) {
            out.fields.emplace_back(bytes.data() + begin, end - begin);
            begin = end;
        }
        return out;
    }
};

// Hashes UTF-8 text, so that a std::string_view finds a std::string key without a copy.
struct TextHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const
    {
        return std::hash<std::string_view>{}(text);
    }
};

// The value detectors of the mapped columns, by field.
struct Detectors
{
    std::map<Field, values::AmountColumn> amounts;
    std::map<Field, values::ProbabilityColumn> probabilities;
    std::map<Field, values::DateColumn> dates;
    std::map<Field, values::IdentifierColumn> identifiers;
    std::unordered_map<std::string, qint64, TextHash, std::equal_to<>>
            stageCounts; // by UTF-8 value
    int stageColumn = -1;

    // Each mapped column with the one detector it feeds (map nodes do not move).
    struct Observer
    {
        int column;
        values::AmountColumn *amount = nullptr;
        values::ProbabilityColumn *probability = nullptr;
        values::DateColumn *date = nullptr;
        values::IdentifierColumn *identifier = nullptr;
    };
    std::vector<Observer> observers;

    explicit Detectors(const std::vector<std::pair<Field, int>> &columns)
    {
        for (const auto &[field, column] : columns) {
            if (field == Field::Stage)
                stageColumn = column;
            Observer o{ column };
            switch (fieldInfo(field).type) {
            case ValueType::Amount:
                o.amount = &amounts[field];
                break;
            case ValueType::Probability:
                o.probability = &probabilities[field];
                break;
            case ValueType::Date:
                o.date = &dates[field];
                break;
            case ValueType::Identifier:
                o.identifier = &identifiers[field];
                break;
            default:
                continue;
            }
            observers.push_back(o);
        }
    }

    void observe(const csv::Record &record)
    {
        const auto width = record.fields.size();
        for (const Observer &o : observers) {
            if (std::size_t(o.column) >= width)
                continue;
            const std::string_view v = record.fields[std::size_t(o.column)];
            if (o.amount)
                o.amount->observe(v);
            else if (o.probability)
                o.probability->observe(v);
            else if (o.date)
                o.date->observe(v);
            else
                o.identifier->observe(v);
        }
        if (stageColumn >= 0 && std::size_t(stageColumn) < width) {
            const std::string_view v = values::trimmed(record.fields[std::size_t(stageColumn)]);
            if (v.empty())
                return;
            if (const auto it = stageCounts.find(v); it != stageCounts.end())
                ++it->second;
            else
                stageCounts.emplace(std::string(v), 1);
        }
    }
};

} // namespace

bool isBlankRecord(const csv::Record &record)
{
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](std::string_view f) { return values::trimmed(f).empty(); });
}

QString headerFingerprint(const QStringList &header)
{
    QStringList normalized;
    for (const QString &h : header)
        normalized.append(normalizeHeader(h));
    return QString::fromLatin1(QCryptographicHash::hash(normalized.join(QChar(0x1f)).toUtf8(),
                                                        QCryptographicHash::Sha1)
                                       .toHex());
}

bool isFooterRecord(const csv::Record &record)
{
    int nonEmpty = 0;
    for (std::string_view f : record.fields) {
        if (!values::trimmed(f).empty() && ++nonEmpty > 1)
            return false;
    }
    return nonEmpty == 1 && isSalesforceFooter(toStrings(record));
}

int Analysis::columnOf(Field field) const
{
    for (const auto &[f, column] : columns) {
        if (f == field)
            return column;
    }
    return -1;
}

QStringList Analysis::problemsWithHints(const QString &stageHint, const QString &encodingHint) const
{
    QStringList out = problems;
    for (const auto &[index, hint] : { std::pair{ unmappedStagesProblem, stageHint },
                                       std::pair{ encodingProblem, encodingHint } }) {
        if (index >= 0 && index < out.size() && !hint.isEmpty())
            out[index] += QLatin1Char(' ') + hint;
    }
    return out;
}

StageResolver::StageResolver(const QHash<QString, Stage> &aliases,
                             const QHash<QString, Stage> &userMap)
{
    for (auto it = aliases.begin(); it != aliases.end(); ++it)
        m_aliases.insert(it.key().trimmed().toCaseFolded(), it.value());
    for (auto it = userMap.begin(); it != userMap.end(); ++it)
        m_user.insert(it.key().trimmed().toCaseFolded(), it.value());
}

std::optional<Stage> StageResolver::resolve(QStringView value) const
{
    const QString key = value.trimmed().toString().toCaseFolded();
    if (const auto it = m_user.constFind(key); it != m_user.constEnd())
        return *it;
    // The six names always match (METRICS "Stages"): a file the app exported imports back.
    for (const Stage stage : allStages) {
        if (key == stageKey(stage).toCaseFolded())
            return stage;
    }
    if (const auto it = m_aliases.constFind(key); it != m_aliases.constEnd())
        return *it;
    const QString bare = strippedOrdinal(key);
    if (bare != key) {
        if (const auto it = m_user.constFind(bare); it != m_user.constEnd())
            return *it;
        if (const auto it = m_aliases.constFind(bare); it != m_aliases.constEnd())
            return *it;
    }
    return std::nullopt;
}

QHash<QString, Stage> loadStageAliases(sql::Database &db)
{
    QHash<QString, Stage> aliases;
    auto st = db.prepare("SELECT alias, stage FROM stage_aliases");
    while (st.step())
        aliases.insert(st.text(0), Stage(st.integer(1)));
    return aliases;
}

BookTerms BookTerms::load(Book &book, const QHash<QString, Stage> &userStageMap)
{
    return { StageResolver(loadStageAliases(book.db()), userStageMap),
             ScoringRepository(book).factors() };
}

namespace {

// How many of the book's factors the header names.
int factorsNamed(const QStringList &header, const std::vector<EngagementFactor> &factors)
{
    QStringList normalized;
    for (const QString &h : header)
        normalized.append(normalizeHeader(h));
    return int(std::count_if(factors.begin(), factors.end(), [&](const EngagementFactor &f) {
        return normalized.contains(normalizeHeader(f.name));
    }));
}

// A scores file's factor columns: those named as a factor of the book and not mapped to a field.
// Blocks a file that names no factor, or one factor twice; warns of the factors it leaves out.
void findFactorColumns(Analysis &a, const std::vector<EngagementFactor> &factors)
{
    QStringList missing, twice;
    for (const EngagementFactor &f : factors) {
        const QString name = normalizeHeader(f.name);
        int found = 0;
        for (int c = 0; c < a.header.size(); ++c) {
            if (normalizeHeader(a.header[c]) != name
                || std::any_of(a.columns.begin(), a.columns.end(),
                               [c](const auto &p) { return p.second == c; }))
                continue;
            if (found++ == 0)
                a.factors.push_back({ f.id, f.name, c });
        }
        if (found == 0)
            missing.append(f.name);
        else if (found > 1)
            twice.append(f.name);
    }
    QStringList names;
    for (const EngagementFactor &f : factors)
        names.append(f.name);
    if (a.factors.empty())
        a.problems.append(translate("No column is named as an engagement factor. Name one column "
                                    "after each factor to import: %1.")
                                  .arg(names.join(QStringLiteral(", "))));
    else if (!missing.isEmpty())
        a.warnings.append(translate("Not in the file, so left as they are: %1.")
                                  .arg(missing.join(QStringLiteral(", "))));
    if (!twice.isEmpty())
        a.problems.append(translate("More than one column is named %1; keep one of them.")
                                  .arg(twice.join(QStringLiteral(", "))));
}

// Where the bytes that are not UTF-8 are: "line 5, column 2 (0xEB); line 9, column 3 (0xFC)".
QString badPlaces(const csv::EncodingEvidence &e)
{
    QStringList places;
    for (const csv::EncodingEvidence::Place &p : e.firstBad)
        places.append(translate("line %1, column %2 (0x%3)")
                              .arg(p.line)
                              .arg(p.column)
                              .arg(QString::number(p.byte, 16)
                                           .toUpper()
                                           .rightJustified(2, QLatin1Char('0'))));
    if (e.badBytes > qint64(e.firstBad.size()))
        places.append(QStringLiteral("…"));
    return places.join(QStringLiteral("; "));
}

// What the reader found about a file that is not UTF-8 throughout, said: never a silent guess.
void describeEncoding(Analysis &a, bool chosen)
{
    if (!a.dialect.evidence)
        return;
    const csv::EncodingEvidence &e = *a.dialect.evidence;
    if (e.nuls > 0 && e.firstNul) {
        const int nuls = int(std::min<qint64>(e.nuls, std::numeric_limits<int>::max()));
        const QString text = QCoreApplication::translate(
                "tp::crm",
                "%n NUL byte(s) dropped (the first at line %1, column %2): they are no text, but "
                "a value they stood in may be cut or joined.",
                nullptr, nuls);
        a.warnings.append(text.arg(e.firstNul->line).arg(e.firstNul->column));
    }
    if (e.badBytes == 0)
        return;
    const int bad = int(std::min<qint64>(e.badBytes, std::numeric_limits<int>::max()));
    if (a.dialect.encoding == csv::Encoding::Windows1252) {
        if (!chosen)
            a.warnings.append(QCoreApplication::translate(
                                      "tp::crm",
                                      "Read as Windows-1252: %n byte(s) are not UTF-8 (%1) and no "
                                      "character is written the UTF-8 way.",
                                      nullptr, bad)
                                      .arg(badPlaces(e)));
        return;
    }
    if (a.dialect.encoding != csv::Encoding::Utf8 && a.dialect.encoding != csv::Encoding::Utf8Bom)
        return;
    if (e.mixed() && !chosen && a.dialect.encoding == csv::Encoding::Utf8) {
        a.encodingProblem = int(a.problems.size());
        a.problems.append(QCoreApplication::translate(
                                  "tp::crm",
                                  "The file is UTF-8 but for %n byte(s) that are not: %1. Choose "
                                  "its encoding: as UTF-8 those bytes become “�”; as "
                                  "Windows-1252 its %2 UTF-8 characters (such as accented letters) "
                                  "each become two odd ones.",
                                  nullptr, bad)
                                  .arg(badPlaces(e))
                                  .arg(e.utf8Characters));
        return;
    }
    a.warnings.append(
            QCoreApplication::translate(
                    "tp::crm", "%n byte(s) are not UTF-8 and were read as “�”: %1.", nullptr, bad)
                    .arg(badPlaces(e)));
}

// A mapped column whose header text another column repeats: which of them is read is said.
void warnDuplicateHeaders(Analysis &a)
{
    for (const auto &[field, column] : a.columns) {
        const QString name = normalizeHeader(a.header[column]);
        QStringList numbers;
        for (int c = 0; c < a.header.size(); ++c) {
            if (normalizeHeader(a.header[c]) == name)
                numbers.append(QString::number(c + 1));
        }
        if (numbers.size() > 1)
            a.warnings.append(
                    translate("The header names “%1” more than once (columns %2): column "
                              "%3 is read as %4.")
                            .arg(a.header[column].trimmed(), numbers.join(QStringLiteral(", ")))
                            .arg(column + 1)
                            .arg(fieldLabel(field)));
    }
}

// Deals named after other columns, said with an example, so that a user recognises them.
void describeDealNaming(Analysis &a, const std::string &example, qint64 exampleLine)
{
    if (!a.dealNaming.used())
        return;
    QStringList names;
    for (const int column : a.dealNaming.columns)
        names.append(QStringLiteral("“%1”").arg(a.header.value(column).trimmed()));
    const QString after = names.join(translate(" and "));
    if (example.empty())
        a.dealNamingNote = translate("The file has no column for the deal's name: each deal is "
                                     "named after %1, else its id.")
                                   .arg(after);
    else
        a.dealNamingNote = translate("The file has no column for the deal's name: each deal is "
                                     "named after %1, else its id (line %2: “%3”).")
                                   .arg(after)
                                   .arg(exampleLine)
                                   .arg(QString::fromStdString(example));
    a.warnings.append(a.dealNamingNote);
}

// A file with nothing under its header is not imported (an empty import and snapshot say
// nothing, and as a complete pipeline it would remove everything); a report whose footer counts
// other rows than were read is cut short or edited, which a complete import must not trust.
void checkRowCount(Analysis &a, bool complete)
{
    if (a.rows == 0) {
        a.problems.append(
                translate("%1 has a header but no data rows: nothing to import.").arg(a.file));
        return;
    }
    for (const QString &line : a.footer) {
        const std::optional<qint64> stated = footerRecordCount(line);
        if (!stated || *stated == a.rows)
            continue;
        const QLocale locale;
        const QString text =
                translate("The report's footer says %1 records, but %2 rows were read: "
                          "the file may be cut short or edited.")
                        .arg(locale.toString(*stated), locale.toString(a.rows));
        if (complete)
            a.problems.append(text + QLatin1Char(' ')
                              + translate("As the complete pipeline it would remove the deals it "
                                          "lacks: export the report again."));
        else
            a.warnings.append(text);
    }
}

} // namespace

Analysis analyzeFile(const QString &path, const ImportOptions &options, const BookTerms &book,
                     const ImportProgress &progress)
{
    const StageResolver &stages = book.stages;
    Analysis a;
    csv::Reader reader(path, options.csv);
    a.file = reader.fileName();
    a.dialect = reader.dialect();
    describeEncoding(a, options.csv.encoding.has_value());

    // The header: among the first records (title rows may stand above it).
    constexpr int headerSearch = 30;
    std::vector<QStringList> first;
    std::vector<qint64> firstLines;
    csv::Record record;
    while (int(first.size()) < headerSearch && reader.next(record)) {
        first.push_back(toStrings(record));
        firstLines.push_back(record.line);
    }
    const int headerIndex = findHeaderRow(first, options.kind);
    if (headerIndex < 0)
        throw InputError(translate("%1: no header row found in the first %2 lines.")
                                 .arg(a.file)
                                 .arg(headerSearch));
    a.header = first[std::size_t(headerIndex)];
    a.headerLine = firstLines[std::size_t(headerIndex)];
    a.fingerprint = headerFingerprint(a.header);

    // The preset and the mapping.
    const Preset *preset = nullptr;
    std::optional<PresetMatch> match;
    if (options.preset.isEmpty() || options.preset == QLatin1String("auto")) {
        // A scores file is known by its factor columns, which no preset lists.
        const bool scores = options.kind ? *options.kind == Kind::Scores
                                         : factorsNamed(a.header, book.factors) >= 2;
        match = scores ? matchPreset(*presetById(QStringLiteral("scores")), a.header)
                       : detectPreset(a.header, options.kind);
        preset = match ? match->preset : presetById(QStringLiteral("generic"));
    } else {
        preset = presetById(options.preset);
        if (!preset)
            throw InputError(translate("Unknown preset %1.").arg(options.preset));
        match = matchPreset(*preset, a.header);
    }
    a.presetId = preset->id;
    a.kind = options.kind.value_or(preset->kind);
    if (!options.columns.empty()) {
        a.columns = options.columns;
    } else if (preset->columns.empty()) {
        // The generic preset: the usual spellings of each field, proposed (headerguess.h).
        a.columns = guessColumns(a.header, a.kind);
    } else if (match) {
        for (const auto &[field, column] : match->columns) {
            if (column >= 0)
                a.columns.emplace_back(field, column);
        }
    }
    for (const auto &[field, column] : a.columns) {
        if (column < 0 || column >= a.header.size())
            throw InputError(
                    translate("%1: the mapping names column %2, but the header has %3 columns.")
                            .arg(a.file)
                            .arg(column + 1)
                            .arg(a.header.size()));
        const std::vector<Field> &ofKind = fieldsOf(a.kind);
        if (std::find(ofKind.begin(), ofKind.end(), field) == ofKind.end())
            throw InputError(
                    translate("%1: the mapping maps column %2 to \"%3\", which %4 do not "
                              "have.")
                            .arg(a.file)
                            .arg(column + 1)
                            .arg(QString::fromLatin1(fieldInfo(field).key), kindKey(a.kind)));
    }
    if (a.kind == Kind::Scores)
        findFactorColumns(a, book.factors);
    if (a.kind == Kind::Opportunities)
        a.dealNaming = dealNamingFor(a.header, a.columns);
    for (int c = 0; c < a.header.size(); ++c) {
        const bool mapped = std::any_of(a.columns.begin(), a.columns.end(),
                                        [c](const auto &p) { return p.second == c; })
                || std::any_of(a.factors.begin(), a.factors.end(),
                               [c](const FactorColumn &f) { return f.column == c; })
                || std::find(a.dealNaming.columns.begin(), a.dealNaming.columns.end(), c)
                        != a.dealNaming.columns.end();
        if (!mapped && !preset->ignoredHeaders.contains(normalizeHeader(a.header[c]))
            && !a.header[c].trimmed().isEmpty())
            a.unmappedColumns.append(a.header[c]);
    }
    warnDuplicateHeaders(a);
    for (Field field : fieldsOf(a.kind)) {
        if (field == Field::Name && a.dealNaming.used())
            continue;
        // An accounts file without names updates the accounts its CRM ids find.
        if (field == Field::Name && a.kind == Kind::Accounts && a.columnOf(Field::CrmId) >= 0)
            continue;
        if (isRequired(a.kind, field) && a.columnOf(field) < 0)
            a.problems.append(translate("No column is mapped to the required field \"%1\".")
                                      .arg(fieldLabel(field)));
    }
    if (a.kind == Kind::Scores && a.columnOf(Field::CrmId) < 0 && a.columnOf(Field::Name) < 0)
        a.problems.append(translate("Map the account's CRM id or its name."));

    // The data rows: every value of the mapped columns goes through its detector.
    Detectors detectors(a.columns);
    std::string namingExample;
    qint64 namingExampleLine = 0;
    auto take = [&](const csv::Record &r) {
        if (preset->salesforceFooter && (!a.footer.isEmpty() || isFooterRecord(r))) {
            a.footer.append(toStrings(r).join(QLatin1Char(' ')).trimmed());
            return;
        }
        ++a.rows;
        detectors.observe(r);
        if (a.dealNaming.used() && namingExample.empty()) {
            namingExample = dealNameOf(r, a.dealNaming);
            namingExampleLine = r.line;
        }
    };
    // The data rows, read and split into fields on a second thread (the import's own pipeline,
    // reading again from the line after the header, skipping blank lines) while this one
    // observes them.
    Analysis upToHeader;
    upToHeader.headerLine = a.headerLine; // and no footer: take() finds it
    upToHeader.dialect = a.dialect;
    RowPipeline<CopiedRecord> rows(
            path, options.csv, upToHeader,
            [](const csv::Record &, std::vector<Rejection> &) { return true; },
            [](const csv::Record &r, CopiedRecord &copy, std::vector<Rejection> &) {
                copy.assign(r);
                return true;
            },
            0);
    csv::Record view;
    while (auto batch = rows.next()) {
        for (std::size_t i = 0; i < batch->size; ++i)
            take(batch->rows[i].view(view));
        if (progress && !progress(batch->bytesRead, batch->totalBytes)) {
            rows.stop();
            throw InputError(translate("Cancelled."));
        }
        rows.release(std::move(batch));
    }
    if (!a.footer.isEmpty())
        a.warnings.append(QCoreApplication::translate("tp::crm",
                                                      "Dropped the report footer (%n line(s)): %1",
                                                      nullptr, int(a.footer.size()))
                                  .arg(a.footer.join(QStringLiteral(" / "))));
    checkRowCount(a, options.complete);
    describeDealNaming(a, namingExample, namingExampleLine);

    // Formats decided over all the rows.
    for (auto &[field, column] : detectors.amounts) {
        a.amounts[field] = column.decide(options.decimal);
        if (!a.amounts[field].problem().isEmpty())
            a.warnings.append(fieldLabel(field) + QStringLiteral(": ")
                              + a.amounts[field].problem());
    }
    for (auto &[field, column] : detectors.probabilities) {
        a.probabilities[field] = column.decide();
        if (!a.probabilities[field].problem().isEmpty())
            a.warnings.append(fieldLabel(field) + QStringLiteral(": ")
                              + a.probabilities[field].problem());
    }
    // A file writes all its dates one way: a column that cannot tell days from months takes
    // the order another column of the file settles (when the settled ones agree).
    std::optional<values::DateOrder> fileOrder = options.dateOrder;
    if (!fileOrder) {
        std::set<values::DateOrder> settled;
        for (auto &[field, column] : detectors.dates) {
            const values::DateFormat f = column.decide();
            if (f.order && !f.ambiguous && !f.contradictory && f.dayMonthOnly + f.monthDayOnly > 0)
                settled.insert(*f.order);
        }
        if (settled.size() == 1)
            fileOrder = *settled.begin();
    }
    for (auto &[field, column] : detectors.dates) {
        values::DateFormat format = column.decide(options.dateOrder);
        if (format.needsOrder() && !format.contradictory && fileOrder) {
            format = column.decide(fileOrder);
            a.warnings.append(translate("%1: days and months cannot be told apart; read as %2 like "
                                        "the file's other dates.")
                                      .arg(fieldLabel(field), values::dateOrderName(*fileOrder)));
        }
        a.dates[field] = format;
        if (format.needsOrder() || (format.contradictory && !options.dateOrder))
            a.problems.append(fieldLabel(field) + QStringLiteral(": ") + format.problem());
    }
    for (auto &[field, column] : detectors.identifiers) {
        const values::IdentifierReport report = column.decide();
        a.identifiers[field] = report;
        if (report.mangled > 0)
            a.problems.append(QCoreApplication::translate(
                                      "tp::crm",
                                      "%1: %n value(s) look like ids that Excel turned into "
                                      "numbers (for example \"%2\"); export the file from the CRM "
                                      "again without opening it in Excel.",
                                      nullptr, int(report.mangled))
                                      .arg(fieldLabel(field), toQString(report.mangledExample)));
    }
    for (const auto &[utf8, rows] : detectors.stageCounts) {
        const QString value = toQString(utf8);
        a.stages.push_back({ value, rows, stages.resolve(value) });
    }
    std::sort(a.stages.begin(), a.stages.end(), [](const StageValue &l, const StageValue &r) {
        return l.rows != r.rows ? l.rows > r.rows : l.value < r.value;
    });
    QStringList unknown;
    for (const StageValue &s : a.stages) {
        if (!s.stage)
            unknown.append(QCoreApplication::translate("tp::crm", "\"%1\" (%n row(s))", nullptr,
                                                       int(s.rows))
                                   .arg(s.value));
    }
    // Pipedrive and Dynamics decide Won and Lost by their status column; unknown stage names
    // still need a mapping for the open deals.
    if (!unknown.isEmpty()) {
        a.unmappedStagesProblem = int(a.problems.size());
        a.problems.append(
                translate("Stages with no mapping: %1.").arg(unknown.join(QStringLiteral(", "))));
    }
    return a;
}

} // namespace tp::crm
