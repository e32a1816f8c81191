#include "reviewchanges.h"

#include "analytics/pipelinehealth.h"
#include "storage/book.h"
#include "views/bookview.h"

#include <QStringList>

#include <cstdlib>
#include <tuple>

namespace tp {

namespace {

// "pushed", "pushed twice", "pushed 3 times".
QString times(int n, const QString &once, const QString &twice, const QString &many)
{
    if (n == 1)
        return once;
    if (n == 2)
        return twice;
    return many.arg(n);
}

} // namespace

std::vector<snapshots::SnapshotInfo> ReviewChanges::snapshots(const QString &bookPath)
{
    auto book = Book::openForReading(bookPath);
    return snapshots::SnapshotReader(book->db()).list();
}

ReviewChanges::Compared ReviewChanges::compare(const QString &bookPath, const BookView &view,
                                               Id from, Id to, const changes::Scope &scope,
                                               const Period &period)
{
    const snapshots::RuleContextAt rules = [&view](const QDate &day) {
        return health::ruleContext(view, day);
    };
    Compared result;
    std::tie(result.a, result.b) = readStates(bookPath, from, to, rules);
    result.comparison = changes::compare(result.a, result.b, scope, period);
    return result;
}

std::pair<changes::State, changes::State>
ReviewChanges::readStates(const QString &bookPath, Id from, Id to,
                          const snapshots::RuleContextAt &rules)
{
    auto book = Book::openForReading(bookPath);
    snapshots::SnapshotReader reader(book->db());
    if (from == 0)
        return { changes::State{}, reader.state(to, rules) };
    auto states = reader.states({ from, to }, rules);
    return { std::move(states[0]), std::move(states[1]) };
}

std::vector<snapshots::PathPoint> ReviewChanges::path(const QString &bookPath, Id deal, Id from,
                                                      Id to)
{
    auto book = Book::openForReading(bookPath);
    return snapshots::SnapshotReader(book->db()).path(deal, from, to);
}

QString ReviewChanges::describe(const std::vector<snapshots::PathPoint> &path)
{
    int pushed = 0, pulled = 0, advanced = 0, regressed = 0, owners = 0;
    QStringList amountMoves;
    for (std::size_t i = 1; i < path.size(); ++i) {
        const snapshots::PathPoint &a = path[i - 1], &b = path[i];
        if (a.closeDate.isValid() && b.closeDate.isValid()) {
            pushed += b.closeDate > a.closeDate;
            pulled += b.closeDate < a.closeDate;
        }
        if (a.status == Status::Open && b.status == Status::Open) {
            advanced += int(b.stage) > int(a.stage);
            regressed += int(b.stage) < int(a.stage);
        }
        if (b.amount != a.amount)
            amountMoves.append(b.amount < a.amount ? tr("cut") : tr("raised"));
        owners += a.owner != b.owner;
    }
    QStringList parts;
    if (pushed)
        parts.append(times(pushed, tr("pushed"), tr("pushed twice"), tr("pushed %1 times")));
    if (pulled)
        parts.append(
                times(pulled, tr("pulled in"), tr("pulled in twice"), tr("pulled in %1 times")));
    if (!amountMoves.isEmpty()) {
        const bool restored = amountMoves.size() > 1 && path.front().amount == path.back().amount;
        QString moves = amountMoves.size() > 3 ? tr("changed %1 times").arg(amountMoves.size())
                                               : amountMoves.join(tr(" then "));
        if (restored)
            moves = tr("%1 then restored").arg(amountMoves.front());
        parts.append(tr("amount %1").arg(moves));
    }
    if (advanced)
        parts.append(
                times(advanced, tr("advanced"), tr("advanced twice"), tr("advanced %1 times")));
    if (regressed)
        parts.append(times(regressed, tr("went back a stage"), tr("went back twice"),
                           tr("went back %1 times")));
    if (owners)
        parts.append(times(owners, tr("changed owner"), tr("changed owner twice"),
                           tr("changed owner %1 times")));
    if (!path.empty() && path.back().status != Status::Open && path.front().status == Status::Open)
        parts.append(path.back().status == Status::Won            ? tr("won")
                             : path.back().status == Status::Lost ? tr("lost")
                                                                  : tr("removed"));
    return parts.join(QStringLiteral(", "));
}

std::optional<Id> ReviewChanges::latestAtOrBefore(const std::vector<snapshots::SnapshotInfo> &all,
                                                  const QDate &date)
{
    std::optional<Id> found;
    for (const snapshots::SnapshotInfo &s : all) // oldest first
        if (s.date <= date)
            found = s.id;
    return found;
}

std::optional<Id> ReviewChanges::defaultFrom(const std::vector<snapshots::SnapshotInfo> &all,
                                             const std::optional<QDate> &lastReview,
                                             const QDate &today)
{
    if (lastReview)
        if (const auto found = latestAtOrBefore(all, *lastReview))
            return found;
    const QDate weekBefore = today.addDays(-7);
    std::optional<Id> closest;
    qint64 best = 0;
    for (const snapshots::SnapshotInfo &s : all) {
        if (s.date > today)
            continue;
        const qint64 distance = std::llabs(s.date.daysTo(weekBefore));
        if (!closest || distance <= best) { // a later one wins a tie
            closest = s.id;
            best = distance;
        }
    }
    return closest;
}

} // namespace tp
