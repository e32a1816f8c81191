#include "entities.h"

namespace tp {

QString activityTypeKey(ActivityType type)
{
    switch (type) {
    case ActivityType::Call:
        return QStringLiteral("call");
    case ActivityType::Email:
        return QStringLiteral("email");
    case ActivityType::Meeting:
        return QStringLiteral("meeting");
    case ActivityType::Other:
        return QStringLiteral("other");
    }
    return {};
}

} // namespace tp
