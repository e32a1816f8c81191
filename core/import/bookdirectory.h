#pragma once

#include "domain/entities.h"
#include "keyindex.h"
#include "storage/sqlite.h"

#include <QHash>
#include <QString>

#include <optional>

namespace tp::crm {

class ImportJournal;
struct UpsertCounts;

// The reps and accounts an import finds or creates, read from the book once: reps and accounts
// by name folded (trimmed, case-folded: "ACME " is "Acme"), accounts by CRM id as written. What
// it creates, or is told about, later rows of the same file find again. Creations are counted
// in `counts` (repsCreated, accountsCreated).
class BookDirectory
{
public:
    BookDirectory(sql::Database &db, UpsertCounts &counts);

    // The rep of that name, created if the book has none; nullopt for an empty name.
    std::optional<Id> rep(const QString &name);
    // The rep's user id and email in the CRM as a file row gives them (empty: not given): the
    // book takes the ones given where they differ from its own, journaled for the undo.
    void noteRepIdentity(Id rep, const QString &crmUserId, const QString &email,
                         ImportJournal &journal);
    // The rep whose CRM user id is `crmUserId` (a Salesforce id in either form), else the one
    // whose email is `email` (any case); nullopt when no rep has either (or both are empty).
    std::optional<Id> repByIdentity(const QString &crmUserId, const QString &email);

    std::optional<Id> accountByCrmId(std::string_view utf8);
    std::optional<Id> accountByCrmId(const QString &crmId)
    {
        return accountByCrmId(crmId.toStdString());
    }
    std::optional<Id> accountByName(const QString &name); // the oldest of that name
    // The account whose CRM id is the same Salesforce id in another form (15 or 18 characters,
    // values::idLookupKey), for a file that writes the other form; nullopt when none is.
    std::optional<Id> accountBySalesforceKey(const QString &crmId);
    // The territory of that name (folded), created with `owner` if the book has none; nullopt
    // for an empty name.
    std::optional<Id> territory(const QString &name, std::optional<Id> owner);

    // A new account with only a CRM id (may be empty), a name and an owner.
    Id createAccount(const QString &crmId, const QString &name, std::optional<Id> owner);
    // An account the caller inserted itself (with more columns).
    void addAccount(Id id, const QString &crmId, const QString &name);

    static QString folded(const QString &name) { return name.trimmed().toCaseFolded(); }

private:
    void loadAccounts();

    sql::Database &m_db;
    UpsertCounts &m_counts;
    sql::Statement m_insertRep, m_insertAccount;
    QHash<QString, Id> m_reps; // folded name → id
    TextIds m_accountsByCrmId; // UTF-8 as written → id
    QHash<QString, Id> m_accountsByName; // folded name → the oldest id
    bool m_accountsLoaded = false;
    QHash<QString, Id> m_territories; // folded name → id, read on first use
    struct RepIdentity
    {
        QString crmUserId, email;
    };
    QHash<Id, RepIdentity> m_identities; // read on first use
    bool m_identitiesLoaded = false;
    void loadIdentities();
    QHash<QString, Id> m_accountsBySalesforceKey; // read on first use
    bool m_salesforceKeysLoaded = false;
    bool m_territoriesLoaded = false;
};

} // namespace tp::crm
