#include "territories.h"

#include "roi.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace tp::territories {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::territories", text);
}

constexpr std::array<std::pair<Metric, const char *>, 6> keys{ {
        { Metric::Ev, "ev" },
        { Metric::Potential, "potential" },
        { Metric::Pipeline, "pipeline" },
        { Metric::Accounts, "accounts" },
        { Metric::Active, "active" },
        { Metric::Mix, "mix" },
} };

// The five figures a value is made of, per account or per territory.
struct Parts
{
    double ev = 0, potential = 0, pipeline = 0, accounts = 0, active = 0;
};

double valueOf(Metric metric, const Parts &p, const Parts &means, const MixWeights &w)
{
    switch (metric) {
    case Metric::Ev:
        return p.ev;
    case Metric::Potential:
        return p.potential;
    case Metric::Pipeline:
        return p.pipeline;
    case Metric::Accounts:
        return p.accounts;
    case Metric::Active:
        return p.active;
    case Metric::Mix:
        break;
    }
    const auto part = [](double x, double mean) { return mean > 0 ? x / mean : 0.0; };
    return w.ev * part(p.ev, means.ev) + w.potential * part(p.potential, means.potential)
            + w.pipeline * part(p.pipeline, means.pipeline)
            + w.accounts * part(p.accounts, means.accounts)
            + w.active * part(p.active, means.active);
}

} // namespace

QString metricKey(Metric metric)
{
    for (const auto &[m, key] : keys)
        if (m == metric)
            return QString::fromLatin1(key);
    return {};
}

std::optional<Metric> metricFromKey(const QString &key)
{
    for (const auto &[m, k] : keys)
        if (key == QLatin1String(k))
            return m;
    return std::nullopt;
}

QString metricName(Metric metric)
{
    switch (metric) {
    case Metric::Ev:
        return translate("Expected value");
    case Metric::Potential:
        return translate("Potential");
    case Metric::Pipeline:
        return translate("Open pipeline");
    case Metric::Accounts:
        return translate("Accounts");
    case Metric::Active:
        return translate("Active deals");
    case Metric::Mix:
        break;
    }
    return translate("Weighted mix");
}

Layout layoutOf(const BookView &view)
{
    Layout layout;
    const AccountColumns &a = view.accounts;
    layout.accountEntry.assign(std::size_t(a.size()), -1);
    layout.byRep = view.territories.empty();
    if (!layout.byRep) {
        // By name, as the book lists them.
        std::vector<int> order(view.territories.size());
        for (std::size_t t = 0; t < order.size(); ++t)
            order[t] = int(t);
        std::stable_sort(order.begin(), order.end(), [&view](int x, int y) {
            return view.territories[std::size_t(x)].name.compare(
                           view.territories[std::size_t(y)].name, Qt::CaseInsensitive)
                    < 0;
        });
        std::vector<int> entryOf(view.territories.size(), -1);
        for (const int t : order) {
            const TerritoryRow &row = view.territories[std::size_t(t)];
            entryOf[std::size_t(t)] = int(layout.entries.size());
            layout.entries.push_back({ row.name, row.owner, t });
        }
        for (int r = 0; r < a.size(); ++r) {
            const int t = a.territory[std::size_t(r)];
            layout.accountEntry[std::size_t(r)] = t >= 0 ? entryOf[std::size_t(t)] : -1;
        }
    } else {
        // Each rep who owns an account, by name.
        std::vector<int> owns(view.reps.size(), 0);
        for (int r = 0; r < a.size(); ++r)
            if (const int rep = a.owner[std::size_t(r)]; rep >= 0)
                owns[std::size_t(rep)] = 1;
        std::vector<int> reps;
        for (std::size_t rep = 0; rep < owns.size(); ++rep)
            if (owns[rep])
                reps.push_back(int(rep));
        std::stable_sort(reps.begin(), reps.end(), [&view](int x, int y) {
            return view.reps[std::size_t(x)].name.compare(view.reps[std::size_t(y)].name,
                                                          Qt::CaseInsensitive)
                    < 0;
        });
        std::vector<int> entryOf(view.reps.size(), -1);
        for (const int rep : reps) {
            entryOf[std::size_t(rep)] = int(layout.entries.size());
            layout.entries.push_back({ view.reps[std::size_t(rep)].name, rep, -1 });
        }
        for (int r = 0; r < a.size(); ++r) {
            const int rep = a.owner[std::size_t(r)];
            layout.accountEntry[std::size_t(r)] = rep >= 0 ? entryOf[std::size_t(rep)] : -1;
        }
    }
    layout.unassigned = int(std::count(layout.accountEntry.begin(), layout.accountEntry.end(), -1));
    return layout;
}

std::optional<Minor> moneyValue(const BookView &view, const Report &report, int row)
{
    switch (report.metric) {
    case Metric::Ev:
        return report.accountEv[std::size_t(row)];
    case Metric::Potential:
        return view.accounts.revenuePotential(row);
    case Metric::Pipeline:
        return view.accounts.openAmount[std::size_t(row)];
    case Metric::Accounts:
    case Metric::Active:
    case Metric::Mix:
        break;
    }
    return std::nullopt;
}

Balance balanceOf(const std::vector<double> &values)
{
    Balance b;
    b.shares.assign(values.size(), std::nullopt);
    if (values.empty())
        return b;
    double sum = 0;
    for (const double v : values)
        sum += v;
    b.mean = sum / double(values.size());
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    if (*hi > 0)
        b.balance = *lo / *hi;
    if (b.mean > 0) {
        double worst = 0;
        for (std::size_t t = 0; t < values.size(); ++t) {
            b.shares[t] = values[t] / b.mean;
            worst = std::max(worst, std::abs(*b.shares[t] - 1.0));
        }
        b.maxDeviation = worst;
    }
    return b;
}

Report evaluate(const BookView &view, const Layout &layout, Metric metric, const QString &period,
                const MixWeights &weights)
{
    Report report;
    report.metric = metric;
    const AccountColumns &a = view.accounts;
    const std::size_t n = std::size_t(a.size());
    report.territories.resize(layout.entries.size());
    for (std::size_t t = 0; t < layout.entries.size(); ++t) {
        Figures &f = report.territories[t];
        const int rep = layout.entries[t].rep;
        f.capacity = rep >= 0
                ? view.reps[std::size_t(rep)].capacity.value_or(view.settings.defaultCapacity)
                : view.settings.defaultCapacity;
        if (rep >= 0)
            f.quota = view.quota(rep, period);
    }
    // Each account's EV from its likelihood (roi.h), 0 when unscored.
    report.accountEv.assign(n, 0);
    const roi::ProfileResolver profiles(view.scoring, view);
    const bool scored = view.scores.factorCount > 0 && view.scores.values.size() >= n;
    std::vector<Parts> parts(n);
    for (std::size_t r = 0; r < n; ++r) {
        const Minor potential = a.revenuePotential(int(r));
        if (scored) {
            if (const auto l =
                        roi::likelihood(profiles.weightsFor(int(r)), view.scores.row(int(r))))
                report.accountEv[r] = roi::expectedValue(potential, *l);
        }
        parts[r] = { toMajor(report.accountEv[r]), toMajor(potential), toMajor(a.openAmount[r]),
                     1.0, double(a.openCount[r]) };
        const int t = layout.accountEntry[r];
        if (t < 0)
            continue;
        Figures &f = report.territories[std::size_t(t)];
        ++f.accounts;
        f.potential += potential;
        f.ev += report.accountEv[r];
        f.openPipeline += a.openAmount[r];
        f.active += a.openCount[r];
    }
    // The territories' means of each figure, which a Mix divides by.
    Parts means;
    const auto count = double(std::max<std::size_t>(report.territories.size(), 1));
    for (const Figures &f : report.territories) {
        means.ev += toMajor(f.ev) / count;
        means.potential += toMajor(f.potential) / count;
        means.pipeline += toMajor(f.openPipeline) / count;
        means.accounts += double(f.accounts) / count;
        means.active += double(f.active) / count;
    }
    report.accountValue.resize(n);
    for (std::size_t r = 0; r < n; ++r)
        report.accountValue[r] = valueOf(metric, parts[r], means, weights);
    std::vector<double> values;
    values.reserve(report.territories.size());
    for (Figures &f : report.territories) {
        f.value = valueOf(metric,
                          { toMajor(f.ev), toMajor(f.potential), toMajor(f.openPipeline),
                            double(f.accounts), double(f.active) },
                          means, weights);
        values.push_back(f.value);
    }
    const Balance b = balanceOf(values);
    report.mean = b.mean;
    report.balance = b.balance;
    report.maxDeviation = b.maxDeviation;
    for (std::size_t t = 0; t < values.size(); ++t)
        report.territories[t].shareOfAverage = b.shares[t];
    return report;
}

} // namespace tp::territories
