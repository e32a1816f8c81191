#pragma once

#include <QString>

#include <array>
#include <optional>

namespace tp {

// The pipeline stages of docs/METRICS.md, in their order. Values are stored in the book.
enum class Stage : int { Qualify = 1, Prove = 2, Propose = 3, Negotiate = 4, Won = 5, Lost = 6 };

inline constexpr std::array<Stage, 4> openStages{ Stage::Qualify, Stage::Prove, Stage::Propose,
                                                  Stage::Negotiate };
inline constexpr std::array<Stage, 6> allStages{ Stage::Qualify,   Stage::Prove, Stage::Propose,
                                                 Stage::Negotiate, Stage::Won,   Stage::Lost };

// Where an opportunity stands. Removed deals stay for history and count nowhere else.
enum class Status : int { Open = 0, Won = 1, Lost = 2, Removed = 3 };

inline constexpr bool isOpenStage(Stage s)
{
    return s != Stage::Won && s != Stage::Lost;
}
inline constexpr int stageIndex(Stage s)
{
    return int(s) - 1;
}

// Stable English keys, used in the book, the CLI and JSON. Displayed names go through tr().
QString stageKey(Stage stage);
std::optional<Stage> stageFromKey(const QString &key);
QString statusKey(Status status);
std::optional<Status> statusFromKey(const QString &key);
// Translated names for display (contexts "tp::ui::Stage" and "tp::ui::Status").
QString stageName(Stage stage);
QString statusName(Status status);
// The status a stage implies (Won/Lost close a deal; the rest are open).
Status statusForStage(Stage stage);

} // namespace tp
