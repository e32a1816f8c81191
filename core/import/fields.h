#pragma once

#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

namespace tp::crm {

// What a file holds: one kind per import.
enum class Kind { Opportunities, Accounts, Activities, Quotas, Scores };

// Every kind, in the order the wizard lists them.
const std::vector<Kind> &allKinds();

QString kindKey(Kind kind); // "opportunities", for the CLI, JSON and the imports table
std::optional<Kind> kindFromKey(const QString &key);
QString kindLabel(Kind kind); // translated

// The fields an import can fill. Each kind uses some of them (fieldsOf()).
enum class Field {
    // opportunities
    CrmId,
    Name,
    AccountName,
    AccountCrmId,
    Owner,
    Stage,
    Status,
    IsClosed,
    IsWon,
    Amount,
    Currency,
    Probability,
    CloseDate,
    CreatedDate,
    LastActivity,
    StageChanged,
    WonTime,
    LostTime,
    NextStep,
    ForecastCategory, // METRICS "Forecast categories": Pipeline, Best Case, Commit...
    // accounts (CrmId, Name and Owner too)
    Industry,
    Employees,
    SizeBand,
    Region,
    Territory,
    Potential,
    // activities (CrmId, Owner, AccountName, AccountCrmId too)
    ActivityType,
    ActivityDate,
    OpportunityCrmId,
    Subject,
    // quotas (Owner and Amount too)
    Period,
    // scores and accounts (CrmId, Name and Potential too): "yes" leaves the account's potential
    // derived, as a work list or accounts export says of it
    PotentialDerived,
    // accounts: where the map places it (METRICS "Territories")
    BillingState,
    BillingCountry,
    // accounts and opportunities: the owner's user id and email in the CRM (rep attributes, for
    // publishing owner changes back)
    OwnerCrmId,
    OwnerEmail,
};
// How many fields there are (a table indexed by Field has this size).
inline constexpr std::size_t fieldCount = std::size_t(Field::OwnerEmail) + 1;

enum class ValueType { Text, Identifier, Amount, Probability, Date, Boolean, Integer };

struct FieldInfo
{
    Field field;
    const char *key; // stable, for mapping files: "close_date"
    ValueType type;
};

const FieldInfo &fieldInfo(Field field);
std::optional<Field> fieldFromKey(const QString &key);
QString fieldLabel(Field field); // translated, for the mapping dialog

// The fields of a kind, in the order the mapping dialog shows them.
const std::vector<Field> &fieldsOf(Kind kind);
// Fields a row cannot do without: a file missing one of them cannot be imported.
bool isRequired(Kind kind, Field field);

} // namespace tp::crm
