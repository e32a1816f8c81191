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
    for (SegmentKind kind : {SegmentKind::Book, SegmentKind::Territory, SegmentKind::Industry,
                             SegmentKind::SizeBand}) {
        if (segmentKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

} // namespace tp
