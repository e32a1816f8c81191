// BookEditor: a rep's capacity, quota and CRM identity, and the book's settings that users edit
// (the stalled-deal rules, the ROI thresholds, the funnel assumptions).
#include "bookeditor.h"

#include "analytics/funnel.h"
#include "domain/errors.h"
#include "storage/book.h"
#include "storage/funnelassumptions.h"
#include "storage/reps.h"
#include "storage/settings.h"
#include "values/identifiers.h"

#include <QRegularExpression>
#include <QStringList>

namespace tp {

namespace {

// The one assumption an edit changes ("win_rate"), or empty when it changes several (a reset
// of all): consecutive edits of one assumption merge into one undo step, others do not.
QString changedAssumption(const funnel::Assumptions &a, const funnel::Assumptions &b)
{
    QStringList changed;
    if (a.target != b.target)
        changed.append(QStringLiteral("target"));
    if (a.averageDealSize != b.averageDealSize)
        changed.append(funnel::rateKey(funnel::Rate::AverageDealSize));
    if (a.winRate != b.winRate)
        changed.append(funnel::rateKey(funnel::Rate::WinRate));
    if (a.meetingToOpportunity != b.meetingToOpportunity)
        changed.append(funnel::rateKey(funnel::Rate::MeetingToOpportunity));
    if (a.activityToMeeting != b.activityToMeeting)
        changed.append(funnel::rateKey(funnel::Rate::ActivityToMeeting));
    return changed.size() == 1 ? changed.constFirst() : QString();
}

} // namespace

BookChange BookEditor::setRepCapacity(std::span<const Id> reps, std::optional<int> capacity)
{
    if (capacity && *capacity < 0)
        throw InputError(tr("Capacity cannot be negative."));
    RepRepository repository(m_book);
    BookChange change;
    QString name;
    for (const Id rep : reps) {
        const auto row = repository.byId(rep);
        if (!row)
            throw InputError(tr("That rep does not exist."));
        name = row->name;
        Delta<RepCapacity> d{ { rep, row->capacity }, { rep, capacity } };
        if (d.changed())
            change.capacities.push_back(d);
    }
    const int count = int(change.capacities.size());
    change.text = count == 1 ? tr("Change capacity of %1").arg(name)
            : capacity       ? tr("Change capacity of %n rep(s)", nullptr, count)
                             : tr("Default capacity for %n rep(s)", nullptr, count);
    return written(std::move(change));
}

BookChange BookEditor::setRepIdentity(Id rep, const QString &crmUserId, const QString &email)
{
    const QString id = crmUserId.trimmed(), mail = email.trimmed();
    if (id.contains(QRegularExpression(QStringLiteral("\\s"))))
        throw InputError(tr("A CRM user id has no spaces: \"%1\".").arg(id));
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    if (!mail.isEmpty() && !emailPattern.match(mail).hasMatch())
        throw InputError(tr("\"%1\" is not an email address (name@example.com).").arg(mail));
    RepRepository repository(m_book);
    const auto row = repository.byId(rep);
    if (!row)
        throw InputError(tr("That rep does not exist."));
    const std::string key = values::idLookupKey(id.toStdString());
    for (const Rep &other : repository.all()) {
        if (other.id == rep)
            continue;
        if (!id.isEmpty() && values::idLookupKey(other.crmUserId.toStdString()) == key)
            throw InputError(tr("%1 already has the CRM user id %2.").arg(other.name, id));
        if (!mail.isEmpty() && other.email.compare(mail, Qt::CaseInsensitive) == 0)
            throw InputError(tr("%1 already has the email %2.").arg(other.name, mail));
    }
    BookChange change;
    Delta<RepIdentity> d{ { rep, row->crmUserId, row->email }, { rep, id, mail } };
    if (d.changed())
        change.identities.push_back(d);
    const bool idChanged = d.before.crmUserId != d.after.crmUserId;
    const bool mailChanged = d.before.email != d.after.email;
    change.text = idChanged && mailChanged ? tr("Change CRM user id and email of %1").arg(row->name)
            : idChanged                    ? tr("Change CRM user id of %1").arg(row->name)
                                           : tr("Change email of %1").arg(row->name);
    return written(std::move(change));
}

BookChange BookEditor::setQuota(std::span<const Id> reps, const QString &period,
                                std::optional<Minor> amount)
{
    if (amount && *amount < 0)
        throw InputError(tr("A quota cannot be negative."));
    RepRepository repository(m_book);
    BookChange change;
    QString name;
    for (const Id rep : reps) {
        const auto row = repository.byId(rep);
        if (!row)
            throw InputError(tr("That rep does not exist."));
        name = row->name;
        Delta<QuotaValue> d{ { rep, period, repository.quota(rep, period) },
                             { rep, period, amount } };
        if (d.changed())
            change.quotas.push_back(d);
    }
    const int count = int(change.quotas.size());
    change.text = count == 1 ? tr("Change %1 quota of %2").arg(period, name)
            : amount         ? tr("Change %1 quota of %n rep(s)", nullptr, count).arg(period)
                             : tr("Remove %1 quota of %n rep(s)", nullptr, count).arg(period);
    return written(std::move(change));
}

BookChange BookEditor::setPipelineRules(const StallRules &rules,
                                        const std::array<int, 4> &stageLimitDays)
{
    const BookSettings before = SettingsRepository(m_book).load();
    BookSettings after = before;
    after.stall = rules;
    after.stageLimitDays = stageLimitDays;
    BookChange change;
    change.settings = Delta<BookSettings>{ before, after };
    change.text = tr("Change the stalled-deal rules");
    return written(std::move(change));
}

BookChange BookEditor::setRoiThresholds(double likelihood, std::optional<Minor> potential)
{
    if (!(likelihood >= 0.0 && likelihood <= 1.0))
        throw InputError(tr("The likelihood threshold is between 0% and 100%."));
    if (potential && *potential < 0)
        throw InputError(tr("The potential threshold cannot be negative."));
    const BookSettings before = SettingsRepository(m_book).load();
    BookSettings after = before;
    after.roi.likelihoodThreshold = likelihood;
    after.roi.potentialThreshold = potential;
    BookChange change;
    change.settings = Delta<BookSettings>{ before, after };
    change.text = tr("Move the ROI thresholds");
    change.mergeKey = QStringLiteral("roi-thresholds");
    return written(std::move(change));
}

BookChange BookEditor::setFunnelAssumptions(const QString &scope, const QString &period,
                                            const funnel::Assumptions &assumptions)
{
    const funnel::Assumptions before = FunnelAssumptionRepository(m_book).load(scope, period);
    BookChange change;
    change.funnel.push_back({ { scope, period, before }, { scope, period, assumptions } });
    change.text = assumptions == funnel::Assumptions{} ? tr("Reset the funnel assumptions")
                                                       : tr("Change the funnel assumptions");
    const QString field = changedAssumption(before, assumptions);
    if (!field.isEmpty())
        change.mergeKey = QStringLiteral("funnel:%1:%2:%3").arg(scope, period, field);
    return written(std::move(change));
}

} // namespace tp
