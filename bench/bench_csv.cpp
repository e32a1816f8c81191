// Throughput of the streaming CSV reader (core/csv) on a Salesforce-report-shaped export:
// 16 quoted columns, accented names, now and then a multi-line "Next Step" with doubled quotes
// (like /work/shared/samples/salesforce-report.csv). Compared with the sqlite3 shell importing
// the same file, which is the bar for the whole import.
//
//   build/csv/bench/tp_bench_csv
//   /usr/bin/time -v build/csv/bench/tp_bench_csv --benchmark_filter=Utf8/   # peak RSS
//
// The inputs are generated once into $TP_BENCH_CSV_DIR (default: <temp>/tp-bench-csv):
// 1,000,000 rows of UTF-8 (about 216 MB), and 200,000 rows as UTF-16LE ("Unicode Text": BOM,
// tabs) and as Windows-1252 (semicolons, Excel's `sep=;` line).
#include "csv/reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cstdio>
#include <random>
#include <string>

namespace {

enum class Flavour { Utf8, Utf16LE, Windows1252 };

QString benchDir()
{
    const QString dir = qEnvironmentVariableIsSet("TP_BENCH_CSV_DIR")
            ? qEnvironmentVariable("TP_BENCH_CSV_DIR")
            : QDir::tempPath() + QStringLiteral("/tp-bench-csv");
    QDir().mkpath(dir);
    return dir;
}

std::string csvQuoted(const std::string &field)
{
    std::string out = "\"";
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

// One report row of 16 columns, fields in UTF-8, not yet quoted.
std::vector<std::string> reportRow(std::mt19937 &rng, long row)
{
    static const char *const owners[] = { "Mia Rossi",       "José Álvarez", "Tom O'Neill",
                                          "Priya Natarajan", "Zoë Müller",   "Avery Chen" };
    static const char *const companies[] = { "O'Brien", "Vertex", "Orbit",       "Müller & Söhne",
                                             "Helios",  "Globex", "Blue Harbor", "Initech" };
    static const char *const kinds[] = { "Systems", "Labs", "Energy", "Partners" };
    static const char *const suffixes[] = { "GmbH", "Ltd.",           "LLC",  "AG",
                                            "Inc.", "Holdings, Inc.", "S.A.", "Group" };
    static const char *const stages[] = { "Qualification",        "Needs Analysis",
                                          "Proposal/Price Quote", "Negotiation/Review",
                                          "Closed Won",           "Closed Lost" };
    static const char *const sources[] = { "Web", "Trade Show", "Partner Referral", "Cold Call" };
    const auto pick = [&](const auto &list) { return std::string(list[rng() % std::size(list)]); };
    const auto date = [&](int year) {
        return std::to_string(1 + rng() % 12) + '/' + std::to_string(1 + rng() % 28) + '/'
                + std::to_string(year);
    };
    const std::string company = pick(companies);
    const unsigned account = rng() % 60;
    char amount[32];
    std::snprintf(amount, sizeof amount, "%u.%02u", 1000 + unsigned(rng() % 399000),
                  unsigned(rng() % 2) * 50 + unsigned(rng() % 2) * 49);
    char opportunityId[32];
    char accountId[32];
    std::snprintf(opportunityId, sizeof opportunityId, "006Kx%010ld", row);
    std::snprintf(accountId, sizeof accountId, "001Kx%010u", account);
    const int year = 2025 + int(rng() % 3);
    return { pick(owners),
             company + ' ' + pick(kinds) + ' ' + std::to_string(account) + ' ' + pick(suffixes),
             company + " expansion " + std::to_string(row),
             pick(stages),
             "Q" + std::to_string(1 + rng() % 4) + '-' + std::to_string(year),
             "USD",
             amount,
             std::to_string(rng() % 11 * 10),
             date(year),
             date(year - 1),
             rng() % 5 ? date(year) : std::string(),
             row % 50 == 49 ? "Call the \"champion\" about budget,\nthen send the ROI model"
                            : std::string(),
             pick(sources),
             rng() % 2 ? "New Business" : "Existing Business",
             opportunityId,
             accountId };
}

QString inputFile(Flavour flavour, long rows)
{
    static const char *const names[] = { "utf8.csv", "utf16le.txt", "windows1252.csv" };
    const QString path = benchDir() + QStringLiteral("/salesforce-%1-").arg(rows)
            + QString::fromLatin1(names[int(flavour)]);
    if (QFileInfo::exists(path))
        return path;
    const char delimiters[] = { ',', '\t', ';' };
    const char delimiter = delimiters[int(flavour)];
    QFile file(path + QStringLiteral(".part"));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file.fileName()));
    if (flavour == Flavour::Utf16LE)
        file.write("\xFF\xFE", 2);
    std::string text = flavour == Flavour::Windows1252 ? "sep=;\r\n" : "";
    const char *const header[] = {
        "Opportunity Owner", "Account Name", "Opportunity Name", "Stage",      "Fiscal Period",
        "Amount Currency",   "Amount",       "Probability (%)",  "Close Date", "Created Date",
        "Last Activity",     "Next Step",    "Lead Source",      "Type",       "Opportunity ID",
        "Account ID"
    };
    std::vector<std::string> fields(std::begin(header), std::end(header));
    std::mt19937 rng(42);
    const auto flush = [&] {
        const QString chunk = QString::fromStdString(text);
        if (flavour == Flavour::Utf8)
            file.write(text.data(), qint64(text.size()));
        else if (flavour == Flavour::Windows1252)
            file.write(chunk.toLatin1()); // these names are all in Latin-1 = 1252 above 0x9F
        else
            file.write(reinterpret_cast<const char *>(chunk.utf16()), chunk.size() * 2);
        text.clear();
    };
    for (long row = -1; row < rows; ++row) {
        if (row >= 0)
            fields = reportRow(rng, row);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += delimiter;
            text += csvQuoted(fields[i]);
        }
        text += flavour == Flavour::Utf8 ? "\n" : "\r\n";
        if (text.size() > (1 << 20))
            flush();
    }
    text += "\n\"Grand Totals (" + std::to_string(rows) + " records)\"\n";
    flush();
    file.close();
    QFile::rename(file.fileName(), path);
    return path;
}

void readAll(benchmark::State &state, Flavour flavour, bool toQString)
{
    const long rows = long(state.range(0));
    const QString path = inputFile(flavour, rows);
    const qint64 size = QFileInfo(path).size();
    std::size_t records = 0;
    for (auto _ : state) {
        tp::csv::Reader reader(path);
        tp::csv::Record record;
        std::size_t bytes = 0;
        records = 0;
        while (reader.next(record)) {
            ++records;
            for (const std::string_view field : record.fields) {
                if (toQString) {
                    const QString text = QString::fromUtf8(field.data(), qsizetype(field.size()));
                    bytes += std::size_t(text.size());
                } else {
                    bytes += field.size();
                }
            }
        }
        benchmark::DoNotOptimize(bytes);
    }
    state.SetBytesProcessed(state.iterations() * size);
    state.counters["records"] = double(records);
    state.counters["records/s"] = benchmark::Counter(double(records) * double(state.iterations()),
                                                     benchmark::Counter::kIsRate);
}

void BM_Utf8(benchmark::State &state)
{
    readAll(state, Flavour::Utf8, false);
}
BENCHMARK(BM_Utf8)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// Only the opening: BOM and NUL pattern, the whole-file UTF-8 check, the delimiter sniffing.
void BM_OpenUtf8(benchmark::State &state)
{
    const QString path = inputFile(Flavour::Utf8, long(state.range(0)));
    for (auto _ : state) {
        tp::csv::Reader reader(path);
        benchmark::DoNotOptimize(reader.dialect());
    }
    state.SetBytesProcessed(state.iterations() * QFileInfo(path).size());
}
BENCHMARK(BM_OpenUtf8)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_Utf8ToQString(benchmark::State &state)
{
    readAll(state, Flavour::Utf8, true);
}
BENCHMARK(BM_Utf8ToQString)
        ->Arg(1000000)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3)
        ->UseRealTime();

void BM_Utf16LE(benchmark::State &state)
{
    readAll(state, Flavour::Utf16LE, false);
}
BENCHMARK(BM_Utf16LE)->Arg(200000)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_Windows1252(benchmark::State &state)
{
    readAll(state, Flavour::Windows1252, false);
}
BENCHMARK(BM_Windows1252)->Arg(200000)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// The bar: `sqlite3 :memory: ".mode csv" ".import FILE t"` on the same UTF-8 file.
void BM_Sqlite3Import(benchmark::State &state)
{
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty()) {
        state.SkipWithError("sqlite3 is not installed");
        return;
    }
    const QString path = inputFile(Flavour::Utf8, long(state.range(0)));
    for (auto _ : state) {
        QProcess process;
        process.start(sqlite3,
                      { QStringLiteral(":memory:"), QStringLiteral(".mode csv"),
                        QStringLiteral(".import ") + path + QStringLiteral(" t") });
        if (!process.waitForFinished(-1) || process.exitCode() != 0) {
            state.SkipWithError("sqlite3 failed");
            return;
        }
    }
    state.SetBytesProcessed(state.iterations() * QFileInfo(path).size());
}
BENCHMARK(BM_Sqlite3Import)
        ->Arg(1000000)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1)
        ->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS of this process: %.1f MB (sqlite3 runs as a child, not counted)\n",
                double(usage.ru_maxrss) / 1024.0);
    return 0;
}
