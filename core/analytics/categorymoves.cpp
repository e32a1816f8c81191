#include "categorymoves.h"

namespace tp::changes {

qint64 CategoryMoves::moved() const
{
    qint64 n = 0;
    for (int from = 0; from < categorySides; ++from)
        for (int to = 0; to < categorySides; ++to)
            if (from != to)
                n += at(from, to).deals;
    return n;
}

CategoryMoves categoryMoves(const State &a, const State &b, const Comparison &comparison)
{
    CategoryMoves moves;
    for (const DealDifference &d : comparison.deals) {
        if (!d.bucket)
            continue;
        const DealState *x = d.a >= 0 ? &a.deals[std::size_t(d.a)] : nullptr;
        const DealState *y = d.b >= 0 ? &b.deals[std::size_t(d.b)] : nullptr;
        const bool entered = *d.bucket == Bucket::New || *d.bucket == Bucket::MovedIn;
        const bool left = *d.bucket == Bucket::Removed || *d.bucket == Bucket::Won
                || *d.bucket == Bucket::Lost || *d.bucket == Bucket::MovedOut;
        const int from = entered ? outside : int(x->category);
        int to = 0;
        switch (*d.bucket) {
        case Bucket::MovedOut:
            to = outside;
            break;
        case Bucket::Won:
            to = int(ForecastCategory::Closed);
            break;
        case Bucket::Lost:
        case Bucket::Removed: // absent from B, or Removed there
            to = int(ForecastCategory::Omitted);
            break;
        default: // in In(B)
            to = int(y->category);
            break;
        }
        CategoryCell &cell = moves.cells[std::size_t(from)][std::size_t(to)];
        ++cell.deals;
        cell.amount += left ? x->amount : y->amount;
    }
    return moves;
}

} // namespace tp::changes
