#include "snapshotdiff.h"

namespace tp::changes {

namespace {

bool isOpen(const DealState *d)
{
    return d && d->status == Status::Open;
}

bool isListed(const DealState *d) // in the snapshot, and not removed
{
    return d && d->status != Status::Removed;
}

void add(ChangeSet &set, Change change)
{
    set = ChangeSet(set | (1u << unsigned(change)));
}

// METRICS "Changes between two snapshots".
ChangeSet changesOf(const DealState *a, const DealState *b)
{
    ChangeSet set = 0;
    if (!a && isListed(b))
        add(set, Change::New);
    if (isOpen(a) && !isListed(b))
        add(set, Change::Removed);
    if (b && b->status == Status::Won && !(a && a->status == Status::Won))
        add(set, Change::Won);
    if (b && b->status == Status::Lost && !(a && a->status == Status::Lost))
        add(set, Change::Lost);
    if (isOpen(a) && isOpen(b)) {
        if (int(b->stage) > int(a->stage))
            add(set, Change::Advanced);
        else if (int(b->stage) < int(a->stage))
            add(set, Change::Regressed);
        if (a->closeDay != 0 && b->closeDay != 0) {
            if (b->closeDay > a->closeDay)
                add(set, Change::Pushed);
            else if (b->closeDay < a->closeDay)
                add(set, Change::PulledIn);
        }
        if (b->amount > a->amount)
            add(set, Change::AmountUp);
        else if (b->amount < a->amount)
            add(set, Change::AmountDown);
        if (!a->stalled && b->stalled)
            add(set, Change::NewlyStalled);
    }
    if (isListed(a) && isListed(b) && a->owner != b->owner)
        add(set, Change::OwnerChanged);
    return set;
}

struct Pipeline
{
    Scope scope;
    qint64 periodEnd = 0;
    // In(X): open at X, in the scope at X, closing on or before the end of the period.
    bool holds(const DealState *d) const
    {
        return isOpen(d) && scope.contains(*d) && d->closeDay != 0 && d->closeDay <= periodEnd;
    }
    // Why an opportunity, as `in` in the pipeline, is not in it as `out` (both open).
    MoveReason why(const DealState &in, const DealState &out) const
    {
        if (scope.rep != 0 && (in.owner == scope.rep) != (out.owner == scope.rep))
            return MoveReason::Owner;
        if (scope.territory != 0
            && (in.territory == scope.territory) != (out.territory == scope.territory))
            return MoveReason::Territory;
        return MoveReason::Period;
    }
};

// METRICS "Pipeline flow": the first bucket that applies, and the amount it moves.
void placeInFlow(const DealState *a, const DealState *b, const Pipeline &pipeline,
                 DealDifference &d)
{
    const bool inA = pipeline.holds(a), inB = pipeline.holds(b);
    if (!inA && !inB)
        return;
    if (inB && !a) {
        d.bucket = Bucket::New;
        d.amount = b->amount;
    } else if (inA && !isListed(b)) {
        d.bucket = Bucket::Removed;
        d.amount = a->amount;
    } else if (inA && b->status == Status::Won) {
        d.bucket = Bucket::Won;
        d.amount = a->amount;
    } else if (inA && b->status == Status::Lost) {
        d.bucket = Bucket::Lost;
        d.amount = a->amount;
    } else if (inA && !inB) {
        d.bucket = Bucket::MovedOut;
        d.amount = a->amount;
        d.reason = pipeline.why(*a, *b);
    } else if (inB && !inA) {
        d.bucket = Bucket::MovedIn;
        d.amount = b->amount;
        d.reason = a->status != Status::Open ? MoveReason::Reopened : pipeline.why(*b, *a);
    } else if (b->amount > a->amount) {
        d.bucket = Bucket::AmountUp;
        d.amount = b->amount - a->amount;
    } else if (b->amount < a->amount) {
        d.bucket = Bucket::AmountDown;
        d.amount = a->amount - b->amount;
    } else {
        d.bucket = Bucket::Unchanged;
    }
}

} // namespace

Minor Comparison::flowEnd() const
{
    return start + amount(Bucket::New) + amount(Bucket::MovedIn) + amount(Bucket::AmountUp)
            - amount(Bucket::AmountDown) - amount(Bucket::Won) - amount(Bucket::Lost)
            - amount(Bucket::Removed) - amount(Bucket::MovedOut);
}

Comparison compare(const State &a, const State &b, const Scope &scope, const Period &period)
{
    Comparison result;
    result.from = a.date;
    result.to = b.date;
    Pipeline pipeline{ scope, period.end.isValid() ? period.end.toJulianDay() : 0 };
    const auto &as = a.deals;
    const auto &bs = b.deals;
    std::size_t i = 0, j = 0;
    // A sorted merge by id: each opportunity once, whichever snapshots hold it.
    while (i < as.size() || j < bs.size()) {
        const DealState *x = nullptr, *y = nullptr;
        int ia = -1, ib = -1;
        if (j == bs.size() || (i < as.size() && as[i].id < bs[j].id)) {
            ia = int(i);
            x = &as[i++];
        } else if (i == as.size() || bs[j].id < as[i].id) {
            ib = int(j);
            y = &bs[j++];
        } else {
            ia = int(i);
            ib = int(j);
            x = &as[i++];
            y = &bs[j++];
        }
        const bool inScope = (x && scope.contains(*x)) || (y && scope.contains(*y));
        if (!inScope)
            continue;
        DealDifference d;
        d.id = x ? x->id : y->id;
        d.a = ia;
        d.b = ib;
        d.changes = changesOf(x, y);
        placeInFlow(x, y, pipeline, d);
        if (pipeline.holds(x))
            result.start += x->amount;
        if (pipeline.holds(y))
            result.end += y->amount;
        if (d.changes == 0 && !d.bucket)
            continue;
        for (int c = 0; c < changeCount; ++c)
            if (has(d.changes, Change(c)))
                ++result.counts[std::size_t(c)];
        if (d.bucket) {
            result.flow[std::size_t(*d.bucket)] += d.amount;
            ++result.flowCount[std::size_t(*d.bucket)];
        }
        result.deals.push_back(d);
    }
    return result;
}

} // namespace tp::changes
