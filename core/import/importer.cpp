#include "importer.h"

#include "accountupsert.h"
#include "activityupsert.h"
#include "bookdirectory.h"
#include "domain/errors.h"
#include "importjournal.h"
#include "presets.h"
#include "rowpipeline.h"
#include "rowreader.h"
#include "scoreupsert.h"
#include "storage/book.h"
#include "storage/settings.h"
#include "timing.h"
#include "values/common.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <future>
#include <iterator>
#include <limits>
#include <mutex>
#include <string>
#include <type_traits>

namespace tp::crm {

Q_LOGGING_CATEGORY(importTiming, "tp.import.timing", QtWarningMsg)

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::crm", text);
}

// Writes the rows of one kind as the pipeline hands them over, collecting rejections.
template<typename Input, typename Read, typename Write>
void importRows(const QString &path, const ImportOptions &options, const Analysis &a,
                const RowReader &rows, Read read, Write write, ImportReport &report,
                const ImportProgress &progress)
{
    RowPipeline<Input> pipeline(
            path, options.csv, a,
            [&rows](const csv::Record &r, std::vector<Rejection> &out) {
                return rows.checkWidth(r, out);
            },
            [&rows, read](const csv::Record &r, Input &in, std::vector<Rejection> &out) {
                return (rows.*read)(r, in, out);
            },
            ImportReport::maxRejections);
    while (auto batch = pipeline.next()) {
        // Rows that read well but that the book refuses (a score for an account it lacks).
        std::vector<Rejection> refused;
        for (std::size_t i = 0; i < batch->size; ++i) {
            if constexpr (std::is_void_v<decltype(write(batch->rows[i]))>) {
                write(batch->rows[i]);
            } else if (std::optional<Rejection> r = write(batch->rows[i])) {
                refused.push_back(std::move(*r));
            }
        }
        report.rejectedRows += batch->rejectedRows + qint64(refused.size());
        if (!refused.empty()) {
            std::move(refused.begin(), refused.end(), std::back_inserter(batch->rejections));
            std::stable_sort(
                    batch->rejections.begin(), batch->rejections.end(),
                    [](const Rejection &l, const Rejection &r) { return l.line < r.line; });
        }
        for (Rejection &r : batch->rejections) {
            if (report.rejections.size() < ImportReport::maxRejections)
                report.rejections.push_back(std::move(r));
        }
        if (progress && !progress(batch->bytesRead, batch->totalBytes)) {
            pipeline.stop();
            throw InputError(translate("Import cancelled; the book is unchanged."));
        }
        pipeline.release(std::move(batch));
    }
}

// What an opportunities import may only do when the user confirms it.
void confirmations(ImportReport &report, const ImportOptions &options)
{
    const UpsertCounts &c = report.counts;
    const QLocale locale;
    // A file cut short (or only a header) declared complete removes the source's pipeline.
    if (options.complete && !options.allowMassRemoval && c.removed > 0
        && 2 * c.removed > c.sourceOpen)
        report.unconfirmed.push_back(
                { Confirmation::Kind::MassRemoval,
                  translate("As the complete pipeline of its source, the file would remove %1 of "
                            "the %2 open deals of that source, more than half: is it cut short? "
                            "Confirm with --allow-mass-removal if they really are gone.")
                          .arg(locale.toString(c.removed), locale.toString(c.sourceOpen)) });
    if (options.duplicates == DuplicatePolicy::Ask && c.duplicates > 0) {
        const LikelyDuplicate &first = report.duplicates.front();
        const QString existing = first.existingCrmId.isEmpty() ? translate("a deal without CRM id")
                                                               : first.existingCrmId;
        const int count = int(std::min<qint64>(c.duplicates, std::numeric_limits<int>::max()));
        const QString text = QCoreApplication::translate(
                "tp::crm",
                "%n new row(s) look like deals the book already has from another source (the same "
                "account and name, and the same amount or close date), such as line %1, “%2”, like "
                "%3. Leave them out with --skip-duplicates, or import them anyway with "
                "--allow-duplicates.",
                nullptr, count);
        report.unconfirmed.push_back(
                { Confirmation::Kind::Duplicates, text.arg(first.line).arg(first.name, existing) });
    }
}

// The checks ImportConnections have started, by connection.
std::mutex &pendingChecksMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::vector<std::pair<sql::Database *, std::shared_future<QStringList>>> &pendingChecks()
{
    static std::vector<std::pair<sql::Database *, std::shared_future<QStringList>>> checks;
    return checks;
}

} // namespace

ImportConnection::ImportConnection(sql::Database &db, Book book)
    : m_db(db),
      m_active(db.pragmaInt("foreign_keys") != 0 // else an outer ImportConnection holds it
               && !db.inTransaction()),
      m_unenforced(db)
{
    if (!m_active)
        return;
    m_cacheSize.emplace(db, "cache_size", -65536);
    // An import building indexes sorts a million keys: in temporary files, which the OS caches,
    // rather than in this process's memory (the book's everyday setting).
    m_tempStore.emplace(db, "temp_store", 1);
    if (book == Book::PrivateAndNew) {
        auto st = db.prepare("PRAGMA journal_mode = DELETE");
        m_leftWal = st.step() && st.utf8(0) == "delete";
        return;
    }
    // The book's check runs beside whatever comes next (the analysis of the file); the first
    // write waits for it (requireUndamaged()).
    m_check = std::async(std::launch::async, [path = db.path()] {
                  QStringList problems;
                  try {
                      sql::Database reader(path, sql::Database::Mode::ReadOnly);
                      auto check = reader.prepare("PRAGMA quick_check(3)");
                      while (check.step()) {
                          const QString line = check.text(0);
                          if (line != QLatin1String("ok"))
                              problems.append(line);
                      }
                  } catch (const sql::Error &e) {
                      problems.append(QString::fromUtf8(e.what()));
                  }
                  return problems;
              }).share();
    const std::lock_guard lock(pendingChecksMutex());
    pendingChecks().emplace_back(&db, m_check);
}

void ImportConnection::requireUndamaged(sql::Database &db)
{
    std::shared_future<QStringList> check;
    {
        const std::lock_guard lock(pendingChecksMutex());
        for (const auto &[checked, result] : pendingChecks()) {
            if (checked == &db)
                check = result;
        }
    }
    if (!check.valid() || check.get().isEmpty())
        return;
    throw BookError(
            BookError::Kind::Corrupt,
            translate("%1 is damaged (%2); nothing was imported. Open a backup or a "
                      "saved copy: writing into a damaged book would spread the damage.")
                    .arg(QFileInfo(db.path()).fileName(), check.get().join(QStringLiteral("; "))));
}

ImportConnection::~ImportConnection()
{
    if (m_check.valid()) {
        const std::lock_guard lock(pendingChecksMutex());
        auto &pending = pendingChecks();
        pending.erase(std::remove_if(pending.begin(), pending.end(),
                                     [this](const auto &p) { return p.first == &m_db; }),
                      pending.end());
    }
    if (!m_leftWal)
        return;
    try {
        m_db.exec("PRAGMA journal_mode = WAL");
    } catch (const sql::Error &) {
        // The connection is unusable; Book::open() sets WAL mode again.
    }
}

ImportReport importFile(Book &book, const QString &path, const ImportOptions &options,
                        const ImportProgress &progress)
{
    sql::Database &db = book.db();
    const BookTerms terms = BookTerms::load(book, options.stageMap);
    const StageResolver &stages = terms.stages;
    ImportReport report;
    // The first pass reports the first half of the progress, the second the rest.
    auto half = [&](bool second) -> ImportProgress {
        if (!progress)
            return {};
        return [&progress, second](qint64 done, qint64 total) {
            return progress(second ? total + done : done, 2 * total);
        };
    };
    QElapsedTimer clock;
    clock.start();
    const auto phase = [&clock](const char *what) {
        qCDebug(importTiming, "%s: %lld ms", what, clock.restart());
    };
    const ImportConnection connection(db); // its check of the book runs beside the analysis
    report.analysis = analyzeFile(path, options, terms, half(false));
    phase("analysis");
    const Analysis &a = report.analysis;
    if (!a.canImport())
        return report;

    const QDate asOf = options.asOf.isValid() ? options.asOf : QDate::currentDate();
    ImportConnection::requireUndamaged(db);
    phase("check of the book");
    sql::Transaction tx(db);
    db.prepare("INSERT INTO imports (started_at, file_name, preset, kind, as_of, source, complete) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
            .bind(2, a.file)
            .bind(3, a.presetId)
            .bind(4, kindKey(a.kind))
            .bind(5, asOf)
            .bind(6, a.presetId)
            .bind(7, options.complete ? 1 : 0)
            .run();
    report.importId = db.lastInsertId();
    ImportJournal journal(db, report.importId);
    const BookSettings settings = SettingsRepository(book).load();
    std::optional<OpportunityUpserter> opportunities;
    if (a.kind == Kind::Opportunities)
        opportunities.emplace(db, journal,
                              OpportunityUpserter::Context{ report.importId, asOf, a.presetId,
                                                            settings.currency,
                                                            settings.metricsWindowDays, a.rows,
                                                            options.complete, options.duplicates });
    const RowReader rows(a, stages);
    const auto secondHalf = half(true);
    switch (a.kind) {
    case Kind::Opportunities:
        importRows<OpportunityInput>(
                path, options, a, rows, &RowReader::readOpportunity,
                [&](const OpportunityInput &in) { opportunities->upsert(in); }, report, secondHalf);
        break;
    case Kind::Quotas: {
        BookDirectory directory(db, report.counts);
        QuotaUpserter quotas(db, journal, directory, report.counts);
        importRows<RowReader::QuotaInput>(
                path, options, a, rows, &RowReader::readQuota,
                [&](const RowReader::QuotaInput &in) { quotas.upsert(in); }, report, secondHalf);
        break;
    }
    case Kind::Accounts: {
        BookDirectory directory(db, report.counts);
        AccountUpserter accounts(db, journal, directory, a, report.counts);
        importRows<RowReader::AccountInput>(
                path, options, a, rows, &RowReader::readAccount,
                [&](const RowReader::AccountInput &in) { return accounts.upsert(in); }, report,
                secondHalf);
        break;
    }
    case Kind::Activities: {
        BookDirectory directory(db, report.counts);
        ActivityUpserter activities(db, journal, directory, report.counts, asOf);
        importRows<RowReader::ActivityInput>(
                path, options, a, rows, &RowReader::readActivity,
                [&](const RowReader::ActivityInput &in) { activities.upsert(in); }, report,
                secondHalf);
        break;
    }
    case Kind::Scores: {
        BookDirectory directory(db, report.counts);
        ScoreUpserter scores(db, journal, directory, a, report.counts);
        importRows<RowReader::ScoresInput>(
                path, options, a, rows, &RowReader::readScores,
                [&](const RowReader::ScoresInput &in) { return scores.upsert(in); }, report,
                secondHalf);
        break;
    }
    }
    phase("rows");
    if (opportunities) {
        opportunities->finish();
        phase("indexes and snapshot");
        report.counts = opportunities->counts();
        report.duplicates = opportunities->duplicates();
        confirmations(report, options);
    }
    if ((report.rejectedRows > 0 && !options.skipInvalid) || !report.unconfirmed.empty())
        return report; // rolled back: every rejected row or question is listed
    db.prepare("UPDATE imports SET rows_created = ?, rows_updated = ?, rows_unchanged = ?, "
               "rows_rejected = ?, rows_removed = ? WHERE id = ?")
            .bind(1, report.counts.created)
            .bind(2, report.counts.updated)
            .bind(3, report.counts.unchanged)
            .bind(4, report.rejectedRows)
            .bind(5, report.counts.removed)
            .bind(6, report.importId)
            .run();
    if (options.dryRun)
        return report;
    journal.finish();
    tx.commit();
    phase("commit");
    report.committed = true;
    return report;
}

} // namespace tp::crm
