#include "importer.h"

#include "activityupsert.h"
#include "importjournal.h"
#include "presets.h"
#include "rowpipeline.h"
#include "rowreader.h"
#include "storage/book.h"
#include "storage/errors.h"
#include "storage/settings.h"
#include "values/common.h"

#include <QCoreApplication>
#include <QDateTime>

namespace tp::crm {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::crm", text);
}

// Quotas and accounts: smaller tables, matched by rep and period, or CRM id and name.
class SmallUpserts
{
public:
    SmallUpserts(sql::Database &db, ImportJournal &journal, UpsertCounts &counts)
        : m_db(db)
        , m_journal(journal)
        , m_counts(counts)
    {
    }

    Id rep(const QString &name)
    {
        auto find = m_db.prepare("SELECT id FROM reps WHERE name = ? COLLATE NOCASE");
        find.bind(1, name);
        if (find.step())
            return find.int64(0);
        m_db.prepare("INSERT INTO reps (name) VALUES (?)").bind(1, name).run();
        ++m_counts.repsCreated;
        return m_db.lastInsertId();
    }

    void quota(const RowReader::QuotaInput &q)
    {
        const Id repId = rep(q.rep);
        auto find = m_db.prepare("SELECT id, amount FROM quotas WHERE rep_id = ? AND period = ?");
        find.bind(1, repId).bind(2, q.period);
        if (!find.step()) {
            m_db.prepare("INSERT INTO quotas (rep_id, period, amount) VALUES (?, ?, ?)")
                    .bind(1, repId).bind(2, q.period).bind(3, q.amount).run();
            ++m_counts.created;
        } else if (find.int64(1) == q.amount) {
            ++m_counts.unchanged;
        } else {
            const Id id = find.int64(0);
            m_journal.beforeUpdate("quotas", id);
            m_db.prepare("UPDATE quotas SET amount = ? WHERE id = ?").bind(1, q.amount).bind(2, id).run();
            ++m_counts.updated;
        }
    }

    void account(const RowReader::AccountInput &a)
    {
        std::optional<Id> id;
        if (!a.crmId.isEmpty()) {
            auto find = m_db.prepare("SELECT id FROM accounts WHERE crm_id = ?");
            find.bind(1, a.crmId);
            if (find.step())
                id = find.int64(0);
        } else {
            auto find = m_db.prepare("SELECT id FROM accounts WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1");
            find.bind(1, a.name);
            if (find.step())
                id = find.int64(0);
        }
        const std::optional<Id> owner = a.owner.isEmpty() ? std::nullopt : std::optional<Id>(rep(a.owner));
        const QString band = !a.sizeBand.isEmpty() ? a.sizeBand : sizeBandOf(a.employees);
        if (!id) {
            auto st = m_db.prepare("INSERT INTO accounts (crm_id, name, industry, size_band, region, "
                                   "owner_id, potential) VALUES (?, ?, ?, ?, ?, ?, ?)");
            if (a.crmId.isEmpty())
                st.bindNull(1);
            else
                st.bind(1, a.crmId);
            st.bind(2, a.name).bind(3, a.industry).bind(4, band).bind(5, a.region).bind(6, owner)
                    .bind(7, a.potential).run();
            ++m_counts.created;
            return;
        }
        auto current = m_db.prepare("SELECT name, coalesce(industry, ''), coalesce(size_band, ''), "
                                    "coalesce(region, ''), owner_id, potential FROM accounts WHERE id = ?");
        current.bind(1, *id);
        current.step();
        const QString industry = a.industry.isEmpty() ? current.text(1) : a.industry;
        const QString sizeBand = band.isEmpty() ? current.text(2) : band;
        const QString region = a.region.isEmpty() ? current.text(3) : a.region;
        const std::optional<Id> newOwner = owner ? owner : current.optionalInt64(4);
        std::optional<Minor> potential = a.potential;
        if (!potential && !current.isNull(5))
            potential = current.int64(5);
        if (current.text(0) == a.name && current.text(1) == industry && current.text(2) == sizeBand
            && current.text(3) == region && current.optionalInt64(4) == newOwner
            && (current.isNull(5) ? std::optional<Minor>() : std::optional<Minor>(current.int64(5))) == potential) {
            ++m_counts.unchanged;
            return;
        }
        m_journal.beforeUpdate("accounts", *id);
        m_db.prepare("UPDATE accounts SET name = ?, industry = ?, size_band = ?, region = ?, "
                     "owner_id = ?, potential = ? WHERE id = ?")
                .bind(1, a.name).bind(2, industry).bind(3, sizeBand).bind(4, region)
                .bind(5, newOwner).bind(6, potential).bind(7, *id)
                .run();
        ++m_counts.updated;
    }

    // The demo's bands: SMB below 100 employees, Mid-market below 1,000, else Enterprise.
    static QString sizeBandOf(std::optional<int> employees)
    {
        if (!employees)
            return {};
        if (*employees < 100)
            return QStringLiteral("SMB");
        return *employees < 1000 ? QStringLiteral("Mid-market") : QStringLiteral("Enterprise");
    }

private:
    sql::Database &m_db;
    ImportJournal &m_journal;
    UpsertCounts &m_counts;
};

// Writes the rows of one kind as the pipeline hands them over, collecting rejections.
template<typename Input, typename Read, typename Write>
void importRows(const QString &path, const ImportOptions &options, const Analysis &a,
                const RowReader &rows, Read read, Write write, ImportReport &report,
                const ImportProgress &progress)
{
    RowPipeline<Input> pipeline(
            path, options.csv, a,
            [&rows](const csv::Record &r, std::vector<Rejection> &out) { return rows.checkWidth(r, out); },
            [&rows, read](const csv::Record &r, Input &in, std::vector<Rejection> &out) {
                return (rows.*read)(r, in, out);
            },
            ImportReport::maxRejections);
    while (auto batch = pipeline.next()) {
        for (std::size_t i = 0; i < batch->size; ++i)
            write(batch->rows[i]);
        report.rejectedRows += batch->rejectedRows;
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

} // namespace

ImportConnection::ImportConnection(sql::Database &db)
    : m_db(db)
    , m_active(db.pragmaInt("foreign_keys") != 0 // else an outer ImportConnection holds it
               && !db.inTransaction())
{
    if (!m_active)
        return;
    m_db.exec("PRAGMA cache_size = -65536");
    m_db.exec("PRAGMA foreign_keys = OFF");
    // An import building indexes sorts a million keys: in temporary files, which the OS caches,
    // rather than in this process's memory (the book's everyday setting).
    m_db.exec("PRAGMA temp_store = FILE");
}

ImportConnection::~ImportConnection()
{
    if (!m_active)
        return;
    m_db.exec("PRAGMA foreign_keys = ON");
    m_db.exec("PRAGMA cache_size = -2000");
    m_db.exec("PRAGMA temp_store = MEMORY");
}

ImportReport importFile(Book &book, const QString &path, const ImportOptions &options,
                        const ImportProgress &progress)
{
    sql::Database &db = book.db();
    const StageResolver stages(loadStageAliases(db), options.stageMap);
    ImportReport report;
    // The first pass reports the first half of the progress, the second the rest.
    auto half = [&](bool second) -> ImportProgress {
        if (!progress)
            return {};
        return [&progress, second](qint64 done, qint64 total) {
            return progress(second ? total + done : done, 2 * total);
        };
    };
    report.analysis = analyzeFile(path, options, stages, half(false));
    const Analysis &a = report.analysis;
    if (!a.canImport())
        return report;
    if (a.kind == Kind::Scores)
        throw InputError(translate("Importing %1 is not available yet.").arg(kindLabel(a.kind)));

    const QDate asOf = options.asOf.isValid() ? options.asOf : QDate::currentDate();
    const ImportConnection connection(db);
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
                              OpportunityUpserter::Context{report.importId, asOf, a.presetId,
                                                           settings.currency, 365, a.rows,
                                                           options.complete});
    SmallUpserts small(db, journal, report.counts);
    const RowReader rows(a, stages);
    const auto secondHalf = half(true);
    switch (a.kind) {
    case Kind::Opportunities:
        importRows<OpportunityInput>(path, options, a, rows, &RowReader::readOpportunity,
                                     [&](const OpportunityInput &in) { opportunities->upsert(in); },
                                     report, secondHalf);
        break;
    case Kind::Quotas:
        importRows<RowReader::QuotaInput>(path, options, a, rows, &RowReader::readQuota,
                                          [&](const RowReader::QuotaInput &in) { small.quota(in); },
                                          report, secondHalf);
        break;
    case Kind::Accounts:
        importRows<RowReader::AccountInput>(path, options, a, rows, &RowReader::readAccount,
                                            [&](const RowReader::AccountInput &in) { small.account(in); },
                                            report, secondHalf);
        break;
    case Kind::Activities: {
        ActivityUpserter activities(db, journal, report.counts, asOf);
        importRows<RowReader::ActivityInput>(path, options, a, rows, &RowReader::readActivity,
                                             [&](const RowReader::ActivityInput &in) { activities.upsert(in); },
                                             report, secondHalf);
        break;
    }
    case Kind::Scores:
        break;
    }
    if (opportunities) {
        opportunities->finish();
        const UpsertCounts &c = opportunities->counts();
        report.counts = c;
    }
    if (report.rejectedRows > 0 && !options.skipInvalid)
        return report; // rolled back: every rejected row is listed
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
    tx.commit();
    report.committed = true;
    return report;
}

} // namespace tp::crm
