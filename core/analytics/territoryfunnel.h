#pragma once

#include "analytics/funnel.h"
#include "analytics/territories.h"

#include <functional>
#include <optional>
#include <vector>

namespace tp::territories {

// docs/METRICS.md "Decisions of this repository", the funnel check of a proposal: what a
// territory's book asks of its rep to reach quota. For territory t of rep r in period P as of D:
// needed = max(r's quota − what r won in P − expected(t), 0), where expected(t) is the weighted
// amount of the open deals of t's accounts (whoever owns them, as the territory's figures count
// them) that close by P's end and are not stalled; the activities a week are Funnel math's chain
// on `needed` at r's own rates over the weeks left in P, as Gap to plan works them out. Beside
// it, r's pace: the calls, emails and meetings r logged a week over the key-metrics window.

// What the check reads of a rep besides the view (the storage holds it).
struct RepActivity
{
    funnel::Assumptions assumptions; // the rep's, for the period
    qint64 meetings = 0; // meetings in the key-metrics window
    qint64 activities = 0; // calls, emails and meetings in the window
};

struct FunnelCheck
{
    bool hasQuota = false; // the territory has a rep with a quota for the period
    Minor needed = 0;
    std::optional<qint64> activitiesPerWeek; // undefined without a quota or with a rate missing
    double pace = 0; // activities the rep logged a week over the window
    QString missing; // why activitiesPerWeek is undefined, in words
    // Needs more activities a week than the rep logs.
    bool beyondPace() const { return activitiesPerWeek && double(*activitiesPerWeek) > pace; }
};

class FunnelChecker
{
    Q_DECLARE_TR_FUNCTIONS(tp::territories::FunnelChecker)

public:
    using ReadRep = std::function<RepActivity(int repIndex, const QDate &windowStart)>;
    FunnelChecker(const BookView &view, const Layout &layout, const QDate &asOf,
                  const Period &period, const ReadRep &read);

    // Per layout entry, with the accounts where `accountEntry` puts them.
    std::vector<FunnelCheck> checks(const std::vector<int> &accountEntry) const;

private:
    // What Funnel math makes of a rep's own deals (the rep's scope on the Funnel page).
    struct RepPlan
    {
        funnel::Rates rates{};
        bool hasTarget = false;
        Minor remaining = 0; // the target less what the rep won in the period
        double pace = 0;
    };
    int m_weeksLeft = 1;
    std::vector<std::optional<RepPlan>> m_entries; // per entry, its rep's plan
    std::vector<Minor> m_accountExpected; // per account row
};

} // namespace tp::territories
