// BookView::differenceFrom: every field the loader fills, compared, for the edit oracle (an
// edited view must equal a fresh load of the book). A new column of the view belongs here too.
#include "bookview.h"

#include <QStringList>

#include <algorithm>
#include <tuple>

namespace tp {

namespace {

class Differences
{
public:
    bool full() const { return m_found.size() >= 8; }
    QString text() const { return m_found.join(QStringLiteral("; ")); }

    template<typename T>
    void compare(const char *what, const std::vector<T> &a, const std::vector<T> &b)
    {
        if (full())
            return;
        if (a.size() != b.size()) {
            add(QStringLiteral("%1: %2 rows against %3")
                        .arg(QLatin1String(what))
                        .arg(a.size())
                        .arg(b.size()));
            return;
        }
        for (std::size_t i = 0; i < a.size() && !full(); ++i)
            if (!(a[i] == b[i]))
                add(QStringLiteral("%1 differs in row %2").arg(QLatin1String(what)).arg(i));
    }
    void compare(const char *what, const TextColumn &a, const TextColumn &b)
    {
        if (full())
            return;
        if (a.size() != b.size()) {
            add(QStringLiteral("%1: %2 rows against %3")
                        .arg(QLatin1String(what))
                        .arg(a.size())
                        .arg(b.size()));
            return;
        }
        for (std::size_t i = 0; i < a.size() && !full(); ++i)
            if (a.utf8(i) != b.utf8(i))
                add(QStringLiteral("%1 differs in row %2: “%3” against “%4”")
                            .arg(QLatin1String(what))
                            .arg(i)
                            .arg(a.at(i), b.at(i)));
    }
    template<typename T>
    void same(const char *what, const T &a, const T &b)
    {
        if (!full() && !(a == b))
            add(QString::fromLatin1(what) + QStringLiteral(" differ"));
    }
    void add(const QString &difference) { m_found.append(difference); }

private:
    QStringList m_found;
};

bool sameRep(const RepRow &a, const RepRow &b)
{
    return a.id == b.id && a.name == b.name && a.capacity == b.capacity && a.email == b.email
            && a.crmUserId == b.crmUserId;
}

std::vector<std::tuple<int, QString, Minor>> sortedQuotas(const std::vector<QuotaRow> &quotas)
{
    std::vector<std::tuple<int, QString, Minor>> rows;
    rows.reserve(quotas.size());
    for (const QuotaRow &q : quotas)
        rows.emplace_back(q.rep, q.period, q.amount);
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

QString BookView::differenceFrom(const BookView &other) const
{
    Differences d;
    d.same("settings", settings, other.settings);
    if (reps.size() != other.reps.size()
        || !std::equal(reps.begin(), reps.end(), other.reps.begin(), sameRep))
        d.add(QStringLiteral("reps differ"));
    if (territories.size() != other.territories.size()
        || !std::equal(territories.begin(), territories.end(), other.territories.begin(),
                       [](const TerritoryRow &a, const TerritoryRow &b) {
                           return a.id == b.id && a.name == b.name && a.owner == b.owner
                                   && a.locked == b.locked;
                       }))
        d.add(QStringLiteral("territories differ"));

    const AccountColumns &a = accounts, &b = other.accounts;
    d.compare("account id", a.id, b.id);
    d.compare("account name", a.name, b.name);
    d.compare("account CRM id", a.crmId, b.crmId);
    d.compare("account industry", a.industry, b.industry);
    d.compare("account size band", a.sizeBand, b.sizeBand);
    d.compare("account region", a.region, b.region);
    d.compare("account territory", a.territory, b.territory);
    d.compare("account owner", a.owner, b.owner);
    d.compare("account potential", a.potential, b.potential);
    d.compare("account billing state", a.state, b.state);
    d.compare("account billing country", a.country, b.country);
    d.compare("account CRM owner", a.crmOwner, b.crmOwner);
    d.compare("account lock", a.lock, b.lock);
    d.compare("account open amount", a.openAmount, b.openAmount);
    d.compare("account open count", a.openCount, b.openCount);
    d.same("industries", a.industries, b.industries);
    d.same("size bands", a.sizeBands, b.sizeBands);
    d.same("regions", a.regions, b.regions);
    d.same("billing states", a.states, b.states);
    d.same("billing countries", a.countries, b.countries);

    const OpportunityColumns &o = opportunities, &p = other.opportunities;
    d.compare("deal id", o.id, p.id);
    d.compare("deal name", o.name, p.name);
    d.compare("deal CRM id", o.crmId, p.crmId);
    d.compare("deal account", o.account, p.account);
    d.compare("deal owner", o.owner, p.owner);
    d.compare("deal amount", o.amount, p.amount);
    d.compare("deal currency", o.currency, p.currency);
    d.compare("deal stage", o.stage, p.stage);
    d.compare("deal status", o.status, p.status);
    d.compare("deal probability", o.probability, p.probability);
    d.compare("deal probability override", o.override, p.override);
    d.compare("deal created", o.created, p.created);
    d.compare("deal close date", o.closeDate, p.closeDate);
    d.compare("deal last activity", o.lastActivity, p.lastActivity);
    d.compare("deal closed date", o.closedDate, p.closedDate);
    d.compare("deal stage entered", o.stageEntered, p.stageEntered);
    d.compare("deal pushes", o.pushes, p.pushes);
    d.compare("deal closed stage", o.closedStage, p.closedStage);
    d.compare("deal forecast category", o.forecastCategory, p.forecastCategory);
    d.compare("deal forecast call", o.forecastCall, p.forecastCall);
    d.same("currencies", o.currencies, p.currencies);

    d.same("scoring model", scoring, other.scoring);
    d.same("scores", scores, other.scores);
    d.same("quotas", sortedQuotas(quotas), sortedQuotas(other.quotas));
    d.same("rates", rates, other.rates);
    return d.text();
}

} // namespace tp
