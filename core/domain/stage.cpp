#include "stage.h"

#include <QCoreApplication>

namespace tp {

QString stageKey(Stage stage)
{
    switch (stage) {
    case Stage::Qualify:
        return QStringLiteral("Qualify");
    case Stage::Prove:
        return QStringLiteral("Prove");
    case Stage::Propose:
        return QStringLiteral("Propose");
    case Stage::Negotiate:
        return QStringLiteral("Negotiate");
    case Stage::Won:
        return QStringLiteral("Won");
    case Stage::Lost:
        return QStringLiteral("Lost");
    }
    return {};
}

std::optional<Stage> stageFromKey(const QString &key)
{
    for (Stage s : allStages) {
        if (key.compare(stageKey(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

QString statusKey(Status status)
{
    switch (status) {
    case Status::Open:
        return QStringLiteral("open");
    case Status::Won:
        return QStringLiteral("won");
    case Status::Lost:
        return QStringLiteral("lost");
    case Status::Removed:
        return QStringLiteral("removed");
    }
    return {};
}

std::optional<Status> statusFromKey(const QString &key)
{
    for (Status s : { Status::Open, Status::Won, Status::Lost, Status::Removed }) {
        if (key.compare(statusKey(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

Status statusForStage(Stage stage)
{
    if (stage == Stage::Won)
        return Status::Won;
    if (stage == Stage::Lost)
        return Status::Lost;
    return Status::Open;
}

QString stageName(Stage stage)
{
    switch (stage) {
    case Stage::Qualify:
        return QCoreApplication::translate("tp::ui::Stage", "Qualify");
    case Stage::Prove:
        return QCoreApplication::translate("tp::ui::Stage", "Prove");
    case Stage::Propose:
        return QCoreApplication::translate("tp::ui::Stage", "Propose");
    case Stage::Negotiate:
        return QCoreApplication::translate("tp::ui::Stage", "Negotiate");
    case Stage::Won:
        return QCoreApplication::translate("tp::ui::Stage", "Won");
    case Stage::Lost:
        return QCoreApplication::translate("tp::ui::Stage", "Lost");
    }
    return {};
}

QString statusName(Status status)
{
    switch (status) {
    case Status::Open:
        return QCoreApplication::translate("tp::ui::Status", "Open");
    case Status::Won:
        return QCoreApplication::translate("tp::ui::Status", "Won");
    case Status::Lost:
        return QCoreApplication::translate("tp::ui::Status", "Lost");
    case Status::Removed:
        return QCoreApplication::translate("tp::ui::Status", "Removed");
    }
    return {};
}

} // namespace tp
