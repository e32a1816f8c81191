#pragma once

#include "analytics/snapshotdiff.h"
#include "storage/snapshotreader.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace tp {

struct BookView;

// What the Review page reads of the snapshots (docs/METRICS.md, "Changes between two
// snapshots", "Pipeline flow"), on a connection of its own to the book at `bookPath` (the app's
// view is already loaded): the snapshots, the comparison of two of them for a scope and period,
// a deal's path between them in words.
class ReviewChanges
{
    Q_DECLARE_TR_FUNCTIONS(tp::ReviewChanges)

public:
    static std::vector<snapshots::SnapshotInfo> snapshots(const QString &bookPath);
    // The two states and their comparison; `from` 0: the empty book (everything new). Throws
    // for an unknown snapshot.
    struct Compared
    {
        changes::State a, b;
        changes::Comparison comparison;
    };
    static Compared compare(const QString &bookPath, const BookView &view, Id from, Id to,
                            const changes::Scope &scope, const Period &period);
    // Only the two states (`from` 0: the empty one), whatever the scope: compare them for any
    // scope and period with changes::compare. Reads nothing of a view (the stalled rules come
    // from `rules`), so it may run on any thread. Throws for an unknown snapshot.
    static std::pair<changes::State, changes::State>
    readStates(const QString &bookPath, Id from, Id to, const snapshots::RuleContextAt &rules);
    static std::vector<snapshots::PathPoint> path(const QString &bookPath, Id deal, Id from, Id to);
    // "pushed twice, amount cut then restored, advanced to Propose"; empty when nothing moved.
    static QString describe(const std::vector<snapshots::PathPoint> &path);
    // METRICS "One-on-one reviews": the snapshot "since the last review" starts from, the latest
    // at or before the last review's date, else the one closest to seven days before `today`;
    // and the one it ends at, the latest at or before `today`. None when the book has none.
    static std::optional<Id> defaultFrom(const std::vector<snapshots::SnapshotInfo> &all,
                                         const std::optional<QDate> &lastReview,
                                         const QDate &today);
    static std::optional<Id> latestAtOrBefore(const std::vector<snapshots::SnapshotInfo> &all,
                                              const QDate &date);
};

} // namespace tp
