#include "scoring.h"

namespace tp {

QString segmentKindKey(SegmentKind kind)
{
    switch (kind) {
    case SegmentKind::Book:
        return QStringLiteral("book");
    case SegmentKind::Territory:
        return QStringLiteral("territory");
    case SegmentKind::Industry:
        return QStringLiteral("industry");
    case SegmentKind::SizeBand:
        return QStringLiteral("size_band");
    }
    return {};
}

std::optional<SegmentKind> segmentKindFromKey(const QString &key)
{
    for (SegmentKind kind : { SegmentKind::Book, SegmentKind::Territory, SegmentKind::Industry,
                              SegmentKind::SizeBand }) {
        if (segmentKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

ScoreMatrix remapScores(const ScoreMatrix &scores, std::size_t rows, const ScoringModel &from,
                        const ScoringModel &to)
{
    ScoreMatrix out;
    out.factorCount = int(to.factors.size());
    out.values.assign(rows * to.factors.size(), -1);
    for (std::size_t t = 0; t < to.factors.size(); ++t) {
        for (std::size_t f = 0; f < from.factors.size(); ++f) {
            if (from.factors[f].id != to.factors[t].id)
                continue;
            for (std::size_t r = 0; r < rows; ++r)
                out.values[r * to.factors.size() + t] = scores.values[r * from.factors.size() + f];
        }
    }
    return out;
}

} // namespace tp
