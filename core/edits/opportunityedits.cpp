// BookEditor: edits of opportunities, one deal or a selection in one change.
#include "bookeditor.h"

#include "domain/dates.h"
#include "domain/errors.h"
#include "storage/book.h"

namespace tp {

namespace {

// The name of the one deal a change touched (an undo text names it), empty for several.
QString dealsText(const BookChange &change)
{
    if (change.opportunities.size() == 1)
        return change.opportunities.front().after.name;
    return {};
}

} // namespace

BookChange BookEditor::setStage(std::span<const Id> deals, Stage stage, const QDate &on)
{
    if (int(stage) < 1 || int(stage) > 6)
        throw InputError(tr("Unknown stage."));
    BookChange change = editOpportunities(deals, on, [&](Opportunity &o) { o.stage = stage; });
    const int count = int(change.opportunities.size());
    change.text = count == 1
            ? tr("Set stage of “%1” to %2").arg(dealsText(change), stageName(stage))
            : tr("Set stage of %n deal(s) to %1", nullptr, count).arg(stageName(stage));
    return written(std::move(change));
}

BookChange BookEditor::markLost(std::span<const Id> deals, const QString &reason, const QDate &on)
{
    const QString trimmed = reason.trimmed();
    BookChange change = editOpportunities(deals, on, [&](Opportunity &o) {
        o.stage = Stage::Lost;
        o.lostReason = trimmed;
    });
    const int count = int(change.opportunities.size());
    change.text = count == 1 ? tr("Mark “%1” lost").arg(dealsText(change))
                             : tr("Mark lost: %n deal(s)", nullptr, count);
    return written(std::move(change));
}

BookChange BookEditor::setAmount(Id deal, Minor amount)
{
    if (amount < 0)
        throw InputError(tr("An amount cannot be negative."));
    BookChange change =
            editOpportunities({ &deal, 1 }, QDate(), [&](Opportunity &o) { o.amount = amount; });
    change.text = tr("Change amount of “%1”").arg(dealsText(change));
    return written(std::move(change));
}

BookChange BookEditor::setCloseDate(std::span<const Id> deals, const QDate &date, const QDate &on)
{
    if (!date.isValid())
        throw InputError(tr("The expected close date is not a valid date."));
    BookChange change = editOpportunities(deals, on, [&](Opportunity &o) { o.closeDate = date; });
    const int count = int(change.opportunities.size());
    change.text = count == 1
            ? tr("Move expected close of “%1” to %2").arg(dealsText(change), localDate(date))
            : tr("Push close date: %n deal(s)", nullptr, count);
    return written(std::move(change));
}

BookChange BookEditor::setProbabilityOverride(std::span<const Id> deals,
                                              std::optional<BasisPoints> probability)
{
    if (probability && (*probability < 0 || *probability > 10000))
        throw InputError(tr("A probability lies between 0% and 100%."));
    BookChange change = editOpportunities(
            deals, QDate(), [&](Opportunity &o) { o.probabilityOverride = probability; });
    const int count = int(change.opportunities.size());
    if (count == 1)
        change.text = probability ? tr("Set probability of “%1”").arg(dealsText(change))
                                  : tr("Clear probability override of “%1”").arg(dealsText(change));
    else
        change.text = probability ? tr("Set probability of %n deal(s)", nullptr, count)
                                  : tr("Clear %n probability override(s)", nullptr, count);
    return written(std::move(change));
}

BookChange BookEditor::setOpportunityOwner(std::span<const Id> deals, std::optional<Id> owner)
{
    const QString name = repName(owner);
    if (owner && name == tr("Unknown rep"))
        throw InputError(tr("That rep does not exist."));
    BookChange change =
            editOpportunities(deals, QDate(), [&](Opportunity &o) { o.ownerId = owner; });
    const int count = int(change.opportunities.size());
    change.text = count == 1 ? tr("Assign “%1” to %2").arg(dealsText(change), name)
                             : tr("Assign %n deal(s) to %1", nullptr, count).arg(name);
    return written(std::move(change));
}

BookChange BookEditor::setNextStep(std::span<const Id> deals, const QString &step)
{
    const QString trimmed = step.trimmed();
    BookChange change =
            editOpportunities(deals, QDate(), [&](Opportunity &o) { o.nextStep = trimmed; });
    const int count = int(change.opportunities.size());
    change.text = count == 1 ? tr("Set next step of “%1”").arg(dealsText(change))
                             : tr("Set next step: %n deal(s)", nullptr, count);
    return written(std::move(change));
}

BookChange BookEditor::setNextActivity(std::span<const Id> deals, const QDate &date)
{
    BookChange change =
            editOpportunities(deals, QDate(), [&](Opportunity &o) { o.nextActivity = date; });
    const int count = int(change.opportunities.size());
    if (count > 1)
        change.text = tr("Set next activity: %n deal(s)", nullptr, count);
    else
        change.text = date.isValid()
                ? tr("Set next activity of “%1” to %2").arg(dealsText(change), localDate(date))
                : tr("Clear next activity of “%1”").arg(dealsText(change));
    return written(std::move(change));
}

BookChange BookEditor::setForecastCall(std::span<const Id> deals,
                                       std::optional<ForecastCategory> category)
{
    if (category && !forecastCategoryFromInt(int(*category)))
        throw InputError(tr("Unknown forecast category."));
    BookChange change = editOpportunities(deals, QDate(), [&](Opportunity &o) {
        o.forecastCall = category;
        // What the CRM said when the call was made: an import that says otherwise clears it.
        o.forecastCallCrm = category ? o.forecastCategory : std::nullopt;
    });
    const int count = int(change.opportunities.size());
    if (count == 1)
        change.text = category
                ? tr("Call “%1” %2").arg(dealsText(change), forecastCategoryName(*category))
                : tr("Clear forecast call of “%1”").arg(dealsText(change));
    else
        change.text = category
                ? tr("Call %n deal(s) %1", nullptr, count).arg(forecastCategoryName(*category))
                : tr("Clear %n forecast call(s)", nullptr, count);
    return written(std::move(change));
}

} // namespace tp
