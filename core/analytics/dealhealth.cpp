#include "dealhealth.h"

#include <QLocale>

namespace tp::health {

QString ruleKey(Rule rule)
{
    switch (rule) {
    case Rule::Idle30:
        return QStringLiteral("idle_30");
    case Rule::Idle90:
        return QStringLiteral("idle_90");
    case Rule::StageLimit:
        return QStringLiteral("stage_limit");
    case Rule::ClosePassed:
        return QStringLiteral("close_passed");
    case Rule::Pushed:
        return QStringLiteral("pushed");
    case Rule::Aged:
        return QStringLiteral("aged");
    }
    return {};
}

QString ruleShortName(Rule rule)
{
    switch (rule) {
    case Rule::Idle30:
    case Rule::Idle90:
        return Reasons::tr("Idle");
    case Rule::StageLimit:
        return Reasons::tr("Stage limit");
    case Rule::ClosePassed:
        return Reasons::tr("Past close");
    case Rule::Pushed:
        return Reasons::tr("Pushed");
    case Rule::Aged:
        return Reasons::tr("Too old");
    }
    return {};
}

QString levelKey(Level level)
{
    switch (level) {
    case Level::Healthy:
        return QStringLiteral("healthy");
    case Level::AtRisk:
        return QStringLiteral("at_risk");
    case Level::Stalled:
        return QStringLiteral("stalled");
    }
    return {};
}

QString levelName(Level level)
{
    switch (level) {
    case Level::Healthy:
        return Reasons::tr("Healthy");
    case Level::AtRisk:
        return Reasons::tr("At risk");
    case Level::Stalled:
        return Reasons::tr("Stalled");
    }
    return {};
}

Level levelOf(Rule rule)
{
    return rule == Rule::Idle30 || rule == Rule::Pushed ? Level::AtRisk : Level::Stalled;
}

DealFacts factsOf(const BookView &view, int row, qint64 asOfDay)
{
    const auto &o = view.opportunities;
    const auto r = std::size_t(row);
    DealFacts f;
    f.stage = Stage(o.stage[r]);
    const qint64 created = o.created[r];
    const qint64 lastTouch = o.lastActivity[r] != 0 ? o.lastActivity[r] : created;
    if (lastTouch != 0)
        f.idle = int(asOfDay - lastTouch);
    if (created != 0)
        f.age = int(asOfDay - created);
    if (r < o.stageEntered.size() && o.stageEntered[r] != 0)
        f.inStage = int(asOfDay - o.stageEntered[r]);
    if (o.closeDate[r] != 0 && o.closeDate[r] < asOfDay)
        f.closePassed = int(asOfDay - o.closeDate[r]);
    if (r < o.pushes.size())
        f.pushes = o.pushes[r];
    return f;
}

Assessment assess(const DealFacts &f, const RuleContext &c)
{
    RuleSet set = 0;
    if (f.idle) {
        if (*f.idle > c.rules.idleStalledDays)
            set |= bit(Rule::Idle90);
        else if (*f.idle > c.rules.idleAtRiskDays)
            set |= bit(Rule::Idle30);
    }
    const int stage = stageIndex(f.stage);
    if (f.inStage && stage >= 0 && stage < 4 && *f.inStage > c.stageLimitDays[std::size_t(stage)])
        set |= bit(Rule::StageLimit);
    if (f.closePassed)
        set |= bit(Rule::ClosePassed);
    if (f.pushes >= c.rules.pushesAtRisk)
        set |= bit(Rule::Pushed);
    if (f.age && c.averageCycleDays
        && double(*f.age) > c.rules.agedCycleMultiple * *c.averageCycleDays)
        set |= bit(Rule::Aged);

    Assessment a;
    a.fired = set;
    for (Rule rule : rules) {
        if (!fired(set, rule))
            continue;
        if (levelOf(rule) == Level::Stalled) {
            a.level = Level::Stalled;
            break;
        }
        a.level = Level::AtRisk;
    }
    return a;
}

QStringList Reasons::describe(const DealFacts &f, const Assessment &a, const RuleContext &c)
{
    const QLocale locale;
    QStringList out;
    for (Rule rule : rules) {
        if (!fired(a.fired, rule))
            continue;
        switch (rule) {
        case Rule::Idle30:
        case Rule::Idle90:
            out.append(tr("No activity for %n days", nullptr, f.idle.value_or(0)));
            break;
        case Rule::StageLimit:
            out.append(tr("In %1 for %n days, limit %2", nullptr, f.inStage.value_or(0))
                               .arg(stageName(f.stage))
                               .arg(c.stageLimitDays[std::size_t(stageIndex(f.stage))]));
            break;
        case Rule::ClosePassed:
            out.append(tr("Close date passed %n days ago", nullptr, f.closePassed.value_or(0)));
            break;
        case Rule::Pushed:
            out.append(tr("Close date pushed %n times", nullptr, f.pushes));
            break;
        case Rule::Aged:
            out.append(tr("Open %n days, over %1× the average cycle of %2 days", nullptr,
                          f.age.value_or(0))
                               .arg(locale.toString(c.rules.agedCycleMultiple, 'g', 3))
                               .arg(locale.toString(qRound(c.averageCycleDays.value_or(0)))));
            break;
        }
    }
    if (!f.inStage)
        out.append(stageEntryUnknown());
    return out;
}

QString Reasons::stageEntryUnknown()
{
    return tr("Stage entry unknown");
}

} // namespace tp::health
