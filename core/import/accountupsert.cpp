#include "accountupsert.h"

#include "opportunityupsert.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tp::crm {

struct AccountUpserter::Statements
{
    explicit Statements(sql::Database &db)
        : current(db.prepare("SELECT name, coalesce(industry, ''), coalesce(size_band, ''), "
                             "coalesce(region, ''), owner_id, potential, territory_id, "
                             "coalesce(billing_state, ''), coalesce(billing_country, ''), "
                             "crm_owner_id FROM accounts WHERE id = ?")),
          insert(db.prepare("INSERT INTO accounts (crm_id, name, industry, size_band, region, "
                            "owner_id, potential, territory_id, billing_state, billing_country, "
                            "crm_owner_id) VALUES (?, ?, ?, ?, ?, ?6, ?, ?, ?, ?, ?6)")),
          // A text the file leaves empty (NULL here) keeps the book's value exactly as stored.
          update(db.prepare("UPDATE accounts SET name = coalesce(?, name), "
                            "industry = coalesce(?, industry), size_band = coalesce(?, size_band), "
                            "region = coalesce(?, region), owner_id = ?, potential = ?, "
                            "territory_id = ?, billing_state = coalesce(?, billing_state), "
                            "billing_country = coalesce(?, billing_country), crm_owner_id = ? "
                            "WHERE id = ?"))
    { }
    sql::Statement current, insert, update;
};

AccountUpserter::AccountUpserter(sql::Database &db, ImportJournal &journal,
                                 BookDirectory &directory, const Analysis &analysis,
                                 UpsertCounts &counts)
    : m_db(db),
      m_journal(journal),
      m_directory(directory),
      m_analysis(analysis),
      m_counts(counts),
      m_st(std::make_unique<Statements>(db))
{ }

AccountUpserter::~AccountUpserter() = default;

QString AccountUpserter::sizeBandOf(std::optional<int> employees)
{
    if (!employees)
        return {};
    if (*employees < 100)
        return QStringLiteral("SMB");
    return *employees < 1000 ? QStringLiteral("Mid-market") : QStringLiteral("Enterprise");
}

std::optional<Id> AccountUpserter::ownerOf(const RowReader::AccountInput &a)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    const bool ownerIsEmail = email.match(a.owner).hasMatch();
    if (ownerIsEmail) {
        if (const std::optional<Id> rep = m_directory.repByIdentity({}, a.owner))
            return rep;
    }
    if (a.owner.isEmpty())
        return m_directory.repByIdentity(a.ownerCrmId, a.ownerEmail);
    const std::optional<Id> rep = m_directory.rep(a.owner);
    if (rep)
        m_directory.noteRepIdentity(*rep, a.ownerCrmId,
                                    a.ownerEmail.isEmpty() && ownerIsEmail ? a.owner : a.ownerEmail,
                                    m_journal);
    return rep;
}

std::optional<Rejection> AccountUpserter::upsert(const RowReader::AccountInput &a)
{
    std::optional<Id> id = a.crmId.isEmpty() ? m_directory.accountByName(a.name)
                                             : m_directory.accountByCrmId(a.crmId);
    if (!id && !a.crmId.isEmpty())
        id = m_directory.accountBySalesforceKey(a.crmId);
    if (!id && a.name.isEmpty()) {
        return Rejection{ a.line, m_analysis.columnOf(Field::CrmId) + 1, fieldLabel(Field::CrmId),
                          a.crmId,
                          QCoreApplication::translate(
                                  "tp::crm",
                                  "expected the CRM id of an account in the book, found \"%1\", "
                                  "which no account has (a file without account names only "
                                  "updates accounts)")
                                  .arg(a.crmId) };
    }
    const std::optional<Id> owner = ownerOf(a);
    // A new territory belongs to the rep of the first account the file puts in it.
    const std::optional<Id> territory = m_directory.territory(a.territory, owner);
    const QString band = !a.sizeBand.isEmpty() ? a.sizeBand : sizeBandOf(a.employees);
    if (!id) {
        auto &st = m_st->insert;
        if (a.crmId.isEmpty())
            st.bindNull(1);
        else
            st.bind(1, a.crmId);
        st.bind(2, a.name)
                .bind(3, a.industry)
                .bind(4, band)
                .bind(5, a.region)
                .bind(6, owner)
                .bind(7, a.potential)
                .bind(8, territory)
                .bind(9, a.billingState)
                .bind(10, a.billingCountry)
                .run();
        m_directory.addAccount(m_db.lastInsertId(), a.crmId, a.name);
        ++m_counts.created;
        return std::nullopt;
    }
    auto &current = m_st->current;
    current.bind(1, *id);
    current.step();
    const QString name = a.name.isEmpty() ? current.text(0) : a.name;
    const QString industry = a.industry.isEmpty() ? current.text(1) : a.industry;
    const QString sizeBand = band.isEmpty() ? current.text(2) : band;
    const QString region = a.region.isEmpty() ? current.text(3) : a.region;
    const QString state = a.billingState.isEmpty() ? current.text(7) : a.billingState;
    const QString country = a.billingCountry.isEmpty() ? current.text(8) : a.billingCountry;
    const std::optional<Id> oldOwner = current.optionalInt64(4);
    const std::optional<Minor> oldPotential = current.optionalInt64(5);
    const std::optional<Id> oldTerritory = current.optionalInt64(6);
    const std::optional<Id> oldCrmOwner = current.optionalInt64(9);
    const bool same = current.text(0) == name && current.text(1) == industry
            && current.text(2) == sizeBand && current.text(3) == region && current.text(7) == state
            && current.text(8) == country;
    current.reset();
    // METRICS "Territories": an account moved in the book keeps its new owner and territory
    // until the CRM says otherwise; the file's owner is the CRM's.
    const bool movedInBook = oldCrmOwner && oldOwner != oldCrmOwner;
    const std::optional<Id> crmOwner = owner ? owner : oldCrmOwner;
    const bool crmMoved = owner && owner != oldCrmOwner;
    const std::optional<Id> newOwner = owner && (!movedInBook || crmMoved) ? owner : oldOwner;
    const std::optional<Minor> potential = a.potential ? a.potential : oldPotential;
    const std::optional<Id> newTerritory =
            territory && (!movedInBook || crmMoved) ? territory : oldTerritory;
    if (same && newOwner == oldOwner && potential == oldPotential && newTerritory == oldTerritory
        && crmOwner == oldCrmOwner) {
        ++m_counts.unchanged;
        return std::nullopt;
    }
    m_journal.beforeUpdate("accounts", *id);
    const auto given = [](const QString &text) { return text.isEmpty() ? QString() : text; };
    m_st->update.bind(1, given(a.name))
            .bind(2, given(a.industry))
            .bind(3, given(band))
            .bind(4, given(a.region))
            .bind(5, newOwner)
            .bind(6, potential)
            .bind(7, newTerritory)
            .bind(8, given(a.billingState))
            .bind(9, given(a.billingCountry))
            .bind(10, crmOwner)
            .bind(11, *id)
            .run();
    ++m_counts.updated;
    return std::nullopt;
}

QuotaUpserter::QuotaUpserter(sql::Database &db, ImportJournal &journal, BookDirectory &directory,
                             UpsertCounts &counts)
    : m_journal(journal),
      m_directory(directory),
      m_counts(counts),
      m_find(db.prepare("SELECT id, amount FROM quotas WHERE rep_id = ? AND period = ?")),
      m_insert(db.prepare("INSERT INTO quotas (rep_id, period, amount) VALUES (?, ?, ?)")),
      m_update(db.prepare("UPDATE quotas SET amount = ? WHERE id = ?"))
{ }

void QuotaUpserter::upsert(const RowReader::QuotaInput &q)
{
    const std::optional<Id> rep = m_directory.rep(q.rep);
    m_find.bind(1, rep).bind(2, q.period);
    const bool found = m_find.step();
    const Id id = found ? m_find.int64(0) : 0;
    const Minor amount = found ? m_find.int64(1) : 0;
    m_find.reset();
    if (!found) {
        m_insert.bind(1, rep).bind(2, q.period).bind(3, q.amount).run();
        ++m_counts.created;
    } else if (amount == q.amount) {
        ++m_counts.unchanged;
    } else {
        m_journal.beforeUpdate("quotas", id);
        m_update.bind(1, q.amount).bind(2, id).run();
        ++m_counts.updated;
    }
}

} // namespace tp::crm
