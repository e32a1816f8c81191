#pragma once

#include "forecast.h"
#include "money.h"
#include "stage.h"

#include <QDate>
#include <QString>

#include <optional>

namespace tp {

using Id = qint64;

struct Rep
{
    Id id = 0;
    QString name;
    QString email;
    std::optional<int> capacity; // unset: the book's default capacity
    QString crmUserId; // the rep's user id in the CRM (publishing owner changes)
};

struct Territory
{
    Id id = 0;
    QString name;
    std::optional<Id> ownerId;
    bool locked = false; // a rebalancing proposal neither takes from it nor gives to it

    bool operator==(const Territory &) const = default;
};

struct Account
{
    Id id = 0;
    QString crmId;
    QString name;
    QString industry;
    QString sizeBand;
    QString region;
    std::optional<Id> territoryId;
    std::optional<Id> ownerId;
    std::optional<Minor> potential; // set by the user or an import; else derived
    QString billingState, billingCountry; // where the map places it
    std::optional<Id> crmOwnerId; // the owner the CRM gave it (a move changes ownerId only)
    // The user's lock (METRICS "Territories"): unset, the default rule (locked with an open
    // deal); true locked; false unlocked.
    std::optional<bool> lock;

    bool operator==(const Account &) const = default;
};

struct Opportunity
{
    Id id = 0;
    QString crmId;
    std::optional<Id> accountId;
    std::optional<Id> ownerId;
    QString name;
    Minor amount = 0;
    QString currency = QStringLiteral("USD");
    Stage stage = Stage::Qualify;
    Status status = Status::Open;
    std::optional<BasisPoints> probability; // from the import
    std::optional<BasisPoints> probabilityOverride; // a manual edit in the app wins
    QDate created;
    QDate closeDate; // expected close date (the close date once closed)
    QDate closedDate; // when it was won or lost
    QDate lastActivity;
    QDate nextActivity;
    QString nextStep;
    QDate stageEntered; // unknown when invalid
    QString lostReason;
    // The open stage it was in when it was won or lost, when known (the CRM's status beside its
    // stage, or the book saw it open): stage conversion counts a lost deal there.
    std::optional<Stage> closedStage;
    // METRICS "Forecast categories": the category the CRM file gave (none when it had no such
    // column or cell), the rep's call made in the app, and the CRM's category when the call was
    // made: an import bringing another value clears the call.
    std::optional<ForecastCategory> forecastCategory;
    std::optional<ForecastCategory> forecastCall;
    std::optional<ForecastCategory> forecastCallCrm;

    // effectiveForecastCategory() of this deal.
    ForecastCategory effectiveForecast() const
    {
        return effectiveForecastCategory(status, stage, forecastCategory, forecastCall);
    }

    bool operator==(const Opportunity &) const = default;
};

// A stage a deal entered, on a day (METRICS "Stage history").
struct StageHistoryRow
{
    Id id = 0;
    Id opportunityId = 0;
    Stage stage = Stage::Qualify;
    QDate entered;

    bool operator==(const StageHistoryRow &) const = default;
};

// A close date that moved, on the day it moved (METRICS "pushes": a later new date is one).
struct CloseDateChangeRow
{
    Id id = 0;
    Id opportunityId = 0;
    QDate oldDate;
    QDate newDate;
    QDate changedOn;

    bool operator==(const CloseDateChangeRow &) const = default;
};

enum class ActivityType { Call, Email, Meeting, Other };
QString activityTypeKey(ActivityType type);

struct Activity
{
    Id id = 0;
    QString crmId;
    ActivityType type = ActivityType::Call;
    QDate date;
    std::optional<Id> repId;
    std::optional<Id> accountId;
    std::optional<Id> opportunityId;
    QString subject;
};

} // namespace tp
