#include "bookdirectory.h"

#include "importjournal.h"
#include "opportunityupsert.h"
#include "values/identifiers.h"

#include <algorithm>
#include <vector>

namespace tp::crm {

BookDirectory::BookDirectory(sql::Database &db, UpsertCounts &counts)
    : m_db(db),
      m_counts(counts),
      m_insertRep(db.prepare("INSERT INTO reps (name) VALUES (?)")),
      m_insertAccount(db.prepare("INSERT INTO accounts (crm_id, name, owner_id, crm_owner_id) "
                                 "VALUES (?1, ?2, ?3, ?3)"))
{
    auto st = m_db.prepare("SELECT id, name FROM reps ORDER BY id");
    while (st.step()) {
        const QString key = folded(st.text(1));
        if (!m_reps.contains(key))
            m_reps.insert(key, st.int64(0));
    }
}

std::optional<Id> BookDirectory::rep(const QString &name)
{
    const QString key = folded(name);
    if (key.isEmpty())
        return std::nullopt;
    if (const auto it = m_reps.constFind(key); it != m_reps.constEnd())
        return *it;
    m_insertRep.bind(1, name.trimmed()).run();
    const Id id = m_db.lastInsertId();
    m_reps.insert(key, id);
    ++m_counts.repsCreated;
    return id;
}

void BookDirectory::noteRepIdentity(Id rep, const QString &crmUserId, const QString &email,
                                    ImportJournal &journal)
{
    if (crmUserId.isEmpty() && email.isEmpty())
        return;
    loadIdentities();
    RepIdentity &known = m_identities[rep];
    const QString id = crmUserId.isEmpty() ? known.crmUserId : crmUserId;
    const QString mail = email.isEmpty() ? known.email : email;
    if (id == known.crmUserId && mail == known.email)
        return;
    journal.beforeUpdate("reps", rep);
    m_db.prepare("UPDATE reps SET crm_user_id = ?, email = ? WHERE id = ?")
            .bind(1, id.isEmpty() ? QString() : id)
            .bind(2, mail)
            .bind(3, rep)
            .run();
    known = { id, mail };
}

void BookDirectory::loadIdentities()
{
    if (m_identitiesLoaded)
        return;
    m_identitiesLoaded = true;
    auto st = m_db.prepare("SELECT id, coalesce(crm_user_id, ''), coalesce(email, '') FROM reps");
    while (st.step())
        m_identities.insert(st.int64(0), { st.text(1), st.text(2) });
}

std::optional<Id> BookDirectory::repByIdentity(const QString &crmUserId, const QString &email)
{
    if (crmUserId.trimmed().isEmpty() && email.trimmed().isEmpty())
        return std::nullopt;
    loadIdentities();
    // Reps are few (tens to hundreds): a look through them all, in id order so that the answer
    // does not depend on the hash's order.
    const QList<Id> keys = m_identities.keys();
    std::vector<Id> reps(keys.begin(), keys.end());
    std::sort(reps.begin(), reps.end());
    if (!crmUserId.trimmed().isEmpty()) {
        const std::string key = values::idLookupKey(crmUserId.toStdString());
        for (const Id rep : reps) {
            const QString &known = m_identities.value(rep).crmUserId;
            if (!known.isEmpty() && values::idLookupKey(known.toStdString()) == key)
                return rep;
        }
    }
    if (!email.trimmed().isEmpty()) {
        for (const Id rep : reps) {
            const QString &known = m_identities.value(rep).email;
            if (!known.isEmpty() && known.compare(email.trimmed(), Qt::CaseInsensitive) == 0)
                return rep;
        }
    }
    return std::nullopt;
}

std::optional<Id> BookDirectory::accountBySalesforceKey(const QString &crmId)
{
    const std::optional<std::string> key = values::salesforceId18(crmId.toStdString());
    if (!key)
        return std::nullopt;
    if (!m_salesforceKeysLoaded) {
        m_salesforceKeysLoaded = true;
        auto st = m_db.prepare("SELECT id, crm_id FROM accounts WHERE crm_id IS NOT NULL "
                               "AND length(crm_id) IN (15, 18) ORDER BY id");
        while (st.step()) {
            if (const auto k = values::salesforceId18(st.utf8(1))) {
                const QString folded = QString::fromStdString(*k);
                if (!m_accountsBySalesforceKey.contains(folded))
                    m_accountsBySalesforceKey.insert(folded, st.int64(0));
            }
        }
    }
    const auto it = m_accountsBySalesforceKey.constFind(QString::fromStdString(*key));
    return it == m_accountsBySalesforceKey.constEnd() ? std::nullopt : std::optional<Id>(*it);
}

// Read on first use: an import of quotas needs no accounts.
void BookDirectory::loadAccounts()
{
    m_accountsLoaded = true;
    auto st = m_db.prepare("SELECT id, crm_id, name FROM accounts ORDER BY id");
    while (st.step()) {
        const Id id = st.int64(0);
        if (!st.isNull(1))
            m_accountsByCrmId.insert(st.utf8(1), id); // unique in the book
        const QString key = folded(st.text(2));
        if (!m_accountsByName.contains(key))
            m_accountsByName.insert(key, id);
    }
}

std::optional<Id> BookDirectory::accountByCrmId(std::string_view utf8)
{
    if (!m_accountsLoaded)
        loadAccounts();
    if (const Id *id = m_accountsByCrmId.find(utf8))
        return *id;
    return std::nullopt;
}

std::optional<Id> BookDirectory::accountByName(const QString &name)
{
    if (!m_accountsLoaded)
        loadAccounts();
    if (const auto it = m_accountsByName.constFind(folded(name)); it != m_accountsByName.constEnd())
        return *it;
    return std::nullopt;
}

std::optional<Id> BookDirectory::territory(const QString &name, std::optional<Id> owner)
{
    const QString key = folded(name);
    if (key.isEmpty())
        return std::nullopt;
    if (!m_territoriesLoaded) {
        m_territoriesLoaded = true;
        auto st = m_db.prepare("SELECT id, name FROM territories ORDER BY id");
        while (st.step())
            m_territories.insert(folded(st.text(1)), st.int64(0));
    }
    if (const auto it = m_territories.constFind(key); it != m_territories.constEnd())
        return *it;
    m_db.prepare("INSERT INTO territories (name, owner_id) VALUES (?, ?)")
            .bind(1, name.trimmed())
            .bind(2, owner)
            .run();
    const Id id = m_db.lastInsertId();
    m_territories.insert(key, id);
    return id;
}

Id BookDirectory::createAccount(const QString &crmId, const QString &name, std::optional<Id> owner)
{
    if (crmId.isEmpty())
        m_insertAccount.bindNull(1);
    else
        m_insertAccount.bind(1, crmId);
    m_insertAccount.bind(2, name.isEmpty() ? crmId : name).bind(3, owner).run();
    const Id id = m_db.lastInsertId();
    addAccount(id, crmId, name);
    ++m_counts.accountsCreated;
    return id;
}

void BookDirectory::addAccount(Id id, const QString &crmId, const QString &name)
{
    if (!m_accountsLoaded)
        loadAccounts();
    if (!crmId.isEmpty()) {
        const std::string utf8 = crmId.toStdString();
        if (!m_accountsByCrmId.find(utf8))
            m_accountsByCrmId.insert(utf8, id);
    }
    const QString key = folded(name);
    if (!key.isEmpty() && !m_accountsByName.contains(key))
        m_accountsByName.insert(key, id);
}

} // namespace tp::crm
