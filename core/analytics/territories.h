#pragma once

#include "views/bookview.h"

#include <QString>

#include <optional>
#include <vector>

namespace tp::territories {

// docs/METRICS.md "Territories": the books of accounts, their figures, and how balanced they
// are on a chosen metric. Pure functions over a BookView.

// The metric territories are balanced on; Mix is a weighted sum of the others.
enum class Metric { Ev, Potential, Pipeline, Accounts, Active, Mix };

QString metricKey(Metric metric); // "ev", "potential", "pipeline", "accounts", "active", "mix"
std::optional<Metric> metricFromKey(const QString &key);
QString metricName(Metric metric); // translated: "Expected value", ...

// The weights of a Mix: each figure is divided by its mean over the territories first, so that
// money and counts weigh alike (a weight of 1 on potential and 1 on accounts is half each).
struct MixWeights
{
    double ev = 1, potential = 0, pipeline = 0, accounts = 0, active = 0;
    bool operator==(const MixWeights &) const = default;
};

// The territories listed and which one each account is in: the book's territories (by name),
// or in a book with none each rep who owns an account, with that rep's accounts.
struct Layout
{
    struct Entry
    {
        QString name;
        int rep = -1; // index into BookView::reps (-1: the territory has no rep)
        int territory = -1; // index into BookView::territories (-1: a rep's accounts)
    };
    bool byRep = false;
    std::vector<Entry> entries;
    std::vector<int> accountEntry; // per account row: index into entries, -1 in none
    int unassigned = 0; // accounts in no territory
};
Layout layoutOf(const BookView &view);

// One territory's figures (METRICS "Territories").
struct Figures
{
    int accounts = 0;
    Minor potential = 0; // Σ R of every account
    Minor ev = 0; // Σ EV of the scored accounts (each rounded to the minor unit)
    Minor openPipeline = 0; // the open opportunities of its accounts, whoever owns them
    int active = 0; // those opportunities, counted
    int capacity = 0; // its rep's (the book's default without a rep)
    std::optional<Minor> quota; // its rep's for the period, when one was entered
    double value = 0; // on the chosen metric (money in major units)
    std::optional<double> shareOfAverage; // value / mean (undefined when the mean is 0)
};

struct Report
{
    Metric metric = Metric::Ev;
    std::vector<Figures> territories; // by Layout::entries
    double mean = 0; // of value over the territories
    std::optional<double> balance; // min value / max value (undefined when the max is 0)
    std::optional<double> maxDeviation; // max |share − 1| (undefined when the mean is 0)
    // Per account row: its EV (0 when unscored), and its value on the metric (for a Mix, the
    // weighted sum of its figures each divided by the territories' mean of that figure).
    std::vector<Minor> accountEv;
    std::vector<double> accountValue;
};

// The figures of `layout` on `metric` (`weights` for a Mix); quotas of the period `period`.
Report evaluate(const BookView &view, const Layout &layout, Metric metric, const QString &period,
                const MixWeights &weights = {});

// An account's value on a money metric (EV, potential, open pipeline) in minor units, exactly
// as the territories sum it; nullopt on a count or a mix.
std::optional<Minor> moneyValue(const BookView &view, const Report &report, int row);

// The share, deviation and balance of values, one per territory (as evaluate() works them out).
struct Balance
{
    double mean = 0;
    std::vector<std::optional<double>> shares;
    std::optional<double> balance, maxDeviation;
};
Balance balanceOf(const std::vector<double> &values);

} // namespace tp::territories
