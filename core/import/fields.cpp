#include "fields.h"

#include <QCoreApplication>

#include <array>

namespace tp::crm {

namespace {

constexpr std::array<FieldInfo, fieldCount> infos{ {
        { Field::CrmId, "crm_id", ValueType::Identifier },
        { Field::Name, "name", ValueType::Text },
        { Field::AccountName, "account_name", ValueType::Text },
        { Field::AccountCrmId, "account_crm_id", ValueType::Identifier },
        { Field::Owner, "owner", ValueType::Text },
        { Field::Stage, "stage", ValueType::Text },
        { Field::Status, "status", ValueType::Text },
        { Field::IsClosed, "is_closed", ValueType::Boolean },
        { Field::IsWon, "is_won", ValueType::Boolean },
        { Field::Amount, "amount", ValueType::Amount },
        { Field::Currency, "currency", ValueType::Text },
        { Field::Probability, "probability", ValueType::Probability },
        { Field::CloseDate, "close_date", ValueType::Date },
        { Field::CreatedDate, "created_date", ValueType::Date },
        { Field::LastActivity, "last_activity", ValueType::Date },
        { Field::StageChanged, "stage_changed", ValueType::Date },
        { Field::WonTime, "won_time", ValueType::Date },
        { Field::LostTime, "lost_time", ValueType::Date },
        { Field::NextStep, "next_step", ValueType::Text },
        { Field::ForecastCategory, "forecast_category", ValueType::Text },
        { Field::Industry, "industry", ValueType::Text },
        { Field::Employees, "employees", ValueType::Integer },
        { Field::SizeBand, "size_band", ValueType::Text },
        { Field::Region, "region", ValueType::Text },
        { Field::Territory, "territory", ValueType::Text },
        { Field::Potential, "potential", ValueType::Amount },
        { Field::ActivityType, "activity_type", ValueType::Text },
        { Field::ActivityDate, "activity_date", ValueType::Date },
        { Field::OpportunityCrmId, "opportunity_crm_id", ValueType::Identifier },
        { Field::Subject, "subject", ValueType::Text },
        { Field::Period, "period", ValueType::Text },
        { Field::PotentialDerived, "potential_derived", ValueType::Boolean },
        { Field::BillingState, "billing_state", ValueType::Text },
        { Field::BillingCountry, "billing_country", ValueType::Text },
        { Field::OwnerCrmId, "owner_crm_id", ValueType::Identifier },
        { Field::OwnerEmail, "owner_email", ValueType::Text },
} };

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::crm", text);
}

} // namespace

const std::vector<Kind> &allKinds()
{
    static const std::vector<Kind> kinds{ Kind::Opportunities, Kind::Accounts, Kind::Activities,
                                          Kind::Quotas, Kind::Scores };
    return kinds;
}

QString kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Opportunities:
        return QStringLiteral("opportunities");
    case Kind::Accounts:
        return QStringLiteral("accounts");
    case Kind::Activities:
        return QStringLiteral("activities");
    case Kind::Quotas:
        return QStringLiteral("quotas");
    case Kind::Scores:
        return QStringLiteral("scores");
    }
    return {};
}

std::optional<Kind> kindFromKey(const QString &key)
{
    for (Kind k : allKinds()) {
        if (kindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

QString kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Opportunities:
        return translate("Opportunities");
    case Kind::Accounts:
        return translate("Accounts");
    case Kind::Activities:
        return translate("Activities");
    case Kind::Quotas:
        return translate("Quotas");
    case Kind::Scores:
        return translate("Engagement scores");
    }
    return {};
}

const FieldInfo &fieldInfo(Field field)
{
    return infos[std::size_t(field)];
}

std::optional<Field> fieldFromKey(const QString &key)
{
    for (const FieldInfo &info : infos) {
        if (key == QLatin1String(info.key))
            return info.field;
    }
    return std::nullopt;
}

QString fieldLabel(Field field)
{
    switch (field) {
    case Field::CrmId:
        return translate("CRM id");
    case Field::Name:
        return translate("Name");
    case Field::AccountName:
        return translate("Account name");
    case Field::AccountCrmId:
        return translate("Account CRM id");
    case Field::Owner:
        return translate("Owner (rep)");
    case Field::Stage:
        return translate("Stage");
    case Field::Status:
        return translate("Status (open, won, lost)");
    case Field::IsClosed:
        return translate("Closed (yes/no)");
    case Field::IsWon:
        return translate("Won (yes/no)");
    case Field::Amount:
        return translate("Amount");
    case Field::Currency:
        return translate("Currency");
    case Field::Probability:
        return translate("Probability");
    case Field::CloseDate:
        return translate("Expected close date");
    case Field::CreatedDate:
        return translate("Created date");
    case Field::LastActivity:
        return translate("Last activity date");
    case Field::StageChanged:
        return translate("Last stage change date");
    case Field::WonTime:
        return translate("Won date");
    case Field::LostTime:
        return translate("Lost date");
    case Field::NextStep:
        return translate("Next step");
    case Field::ForecastCategory:
        return translate("Forecast category");
    case Field::Industry:
        return translate("Industry");
    case Field::Employees:
        return translate("Employees");
    case Field::SizeBand:
        return translate("Size band");
    case Field::Region:
        return translate("Region");
    case Field::Territory:
        return translate("Territory");
    case Field::Potential:
        return translate("Revenue potential");
    case Field::ActivityType:
        return translate("Activity type");
    case Field::ActivityDate:
        return translate("Activity date");
    case Field::OpportunityCrmId:
        return translate("Opportunity CRM id");
    case Field::Subject:
        return translate("Subject");
    case Field::Period:
        return translate("Period");
    case Field::PotentialDerived:
        return translate("Potential derived (yes/no)");
    case Field::BillingState:
        return translate("Billing state or province");
    case Field::BillingCountry:
        return translate("Billing country");
    case Field::OwnerCrmId:
        return translate("Owner's CRM user id");
    case Field::OwnerEmail:
        return translate("Owner's email");
    }
    return {};
}

const std::vector<Field> &fieldsOf(Kind kind)
{
    static const std::vector<Field> opportunities{
        Field::CrmId,      Field::Name,        Field::AccountName,  Field::AccountCrmId,
        Field::Owner,      Field::Stage,       Field::Status,       Field::IsClosed,
        Field::IsWon,      Field::Amount,      Field::Currency,     Field::Probability,
        Field::CloseDate,  Field::CreatedDate, Field::LastActivity, Field::StageChanged,
        Field::WonTime,    Field::LostTime,    Field::NextStep,     Field::ForecastCategory,
        Field::OwnerCrmId, Field::OwnerEmail
    };
    static const std::vector<Field> accounts{ Field::CrmId,        Field::Name,
                                              Field::Industry,     Field::Employees,
                                              Field::SizeBand,     Field::Region,
                                              Field::BillingState, Field::BillingCountry,
                                              Field::Territory,    Field::Owner,
                                              Field::OwnerCrmId,   Field::OwnerEmail,
                                              Field::Potential,    Field::PotentialDerived };
    static const std::vector<Field> activities{
        Field::CrmId,       Field::ActivityType, Field::ActivityDate,     Field::Owner,
        Field::AccountName, Field::AccountCrmId, Field::OpportunityCrmId, Field::Subject
    };
    static const std::vector<Field> quotas{ Field::Owner, Field::Period, Field::Amount };
    static const std::vector<Field> scores{ Field::CrmId, Field::Name, Field::Potential,
                                            Field::PotentialDerived };
    switch (kind) {
    case Kind::Opportunities:
        return opportunities;
    case Kind::Accounts:
        return accounts;
    case Kind::Activities:
        return activities;
    case Kind::Quotas:
        return quotas;
    case Kind::Scores:
        return scores;
    }
    return opportunities;
}

bool isRequired(Kind kind, Field field)
{
    switch (kind) {
    case Kind::Opportunities:
        return field == Field::Name || field == Field::Stage;
    case Kind::Accounts:
        return field == Field::Name;
    case Kind::Activities:
        return field == Field::ActivityDate;
    case Kind::Quotas:
        return field == Field::Owner || field == Field::Period || field == Field::Amount;
    case Kind::Scores:
        return false; // the account by CRM id or name: one of the two (checked by the importer)
    }
    return false;
}

} // namespace tp::crm
