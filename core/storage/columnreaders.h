#pragma once

// The pieces loadBookView() runs on its threads: each reads one table, or one id range of the
// opportunities, into columns through its own read-only connection.

#include "sqlite.h"
#include "views/bookview.h"

#include <QHash>
#include <QStringList>

#include <atomic>
#include <string>
#include <unordered_map>

namespace tp::loader {

// Progress shared by the readers: rows done so far and whether the load was cancelled.
struct SharedProgress
{
    std::atomic<qint64> done{ 0 };
    std::atomic<bool> cancelled{ false };
};

// Turns repeated short texts (industries, currencies) into indexes of a dictionary straight
// from the UTF-8 a statement returns: no QString per row.
class DictionaryBuilder
{
public:
    explicit DictionaryBuilder(QStringList &values);
    int index(std::string_view utf8); // -1 for an empty text

private:
    QStringList &m_values;
    std::unordered_map<std::string, int> m_lookup;
    std::string m_lastText;
    int m_last = -1;
};

// Account ids to rows of the loaded accounts: a direct table when ids are dense.
class AccountRows
{
public:
    explicit AccountRows(const AccountColumns &accounts);
    int row(Id id) const;

private:
    const AccountColumns &m_accounts;
    std::vector<int> m_byId;
};

void readAccounts(sql::Database &db, const QHash<Id, int> &territoryIndex,
                  const QHash<Id, int> &repIndex, qint64 capacity, AccountColumns &a,
                  SharedProgress &shared);

// Reads the opportunities with lo <= id < hi through its own connection. `capacity` rows are
// reserved, so that a later chunk can be appended without moving this one. Without `withText`
// names and CRM ids stay empty. Without `accountRows` the account column keeps the account ids
// (which must fit an int) for resolveAccounts().
void readOpportunities(const QString &path, Id lo, Id hi, qint64 expected, qint64 capacity,
                       const QHash<Id, int> &repIndex, const AccountRows *accountRows,
                       bool withText, OpportunityColumns &o, SharedProgress &shared);
// Turns the account ids readOpportunities() kept into rows.
void resolveAccounts(OpportunityColumns &o, const AccountRows &accountRows);

// Appends `tail` (the later ids) to `head`, moving its text and remapping its currencies.
void appendChunk(OpportunityColumns &head, OpportunityColumns &&tail);

// How many times each loaded opportunity's close date moved later (METRICS "pushes").
void readPushes(sql::Database &db, OpportunityColumns &o);
std::vector<QuotaRow> readQuotas(sql::Database &db, const QHash<Id, int> &repIndex);
// The book's exchange rates: currency code, what one unit is in the book's currency.
std::vector<std::pair<QString, double>> readRates(sql::Database &db);

} // namespace tp::loader
