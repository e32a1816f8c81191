#include "review.h"

#include <QCoreApplication>

namespace tp {

QString commitmentStatusKey(CommitmentStatus status)
{
    switch (status) {
    case CommitmentStatus::Open:
        break;
    case CommitmentStatus::Done:
        return QStringLiteral("done");
    case CommitmentStatus::NotDone:
        return QStringLiteral("not_done");
    case CommitmentStatus::Dropped:
        return QStringLiteral("dropped");
    }
    return QStringLiteral("open");
}

QString commitmentStatusName(CommitmentStatus status)
{
    switch (status) {
    case CommitmentStatus::Open:
        break;
    case CommitmentStatus::Done:
        return QCoreApplication::translate("tp::Commitment", "Done");
    case CommitmentStatus::NotDone:
        return QCoreApplication::translate("tp::Commitment", "Not done");
    case CommitmentStatus::Dropped:
        return QCoreApplication::translate("tp::Commitment", "Dropped");
    }
    return QCoreApplication::translate("tp::Commitment", "Open");
}

} // namespace tp
