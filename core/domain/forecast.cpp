#include "forecast.h"

#include <QCoreApplication>
#include <QHash>

namespace tp {

QString forecastCategoryKey(ForecastCategory category)
{
    switch (category) {
    case ForecastCategory::Pipeline:
        return QStringLiteral("pipeline");
    case ForecastCategory::BestCase:
        return QStringLiteral("best_case");
    case ForecastCategory::Commit:
        return QStringLiteral("commit");
    case ForecastCategory::Closed:
        return QStringLiteral("closed");
    case ForecastCategory::Omitted:
        return QStringLiteral("omitted");
    }
    return {};
}

QString forecastCategoryName(ForecastCategory category)
{
    switch (category) {
    case ForecastCategory::Pipeline:
        return QCoreApplication::translate("tp::ui::Forecast", "Pipeline");
    case ForecastCategory::BestCase:
        return QCoreApplication::translate("tp::ui::Forecast", "Best Case");
    case ForecastCategory::Commit:
        return QCoreApplication::translate("tp::ui::Forecast", "Commit");
    case ForecastCategory::Closed:
        return QCoreApplication::translate("tp::ui::Forecast", "Closed");
    case ForecastCategory::Omitted:
        return QCoreApplication::translate("tp::ui::Forecast", "Omitted");
    }
    return {};
}

std::optional<ForecastCategory> forecastCategoryFromCrm(QStringView text)
{
    using F = ForecastCategory;
    // Case-folded, with HubSpot's underscores read as spaces.
    static const QHash<QString, F> words{
        { QStringLiteral("pipeline"), F::Pipeline },
        { QStringLiteral("best case"), F::BestCase },
        { QStringLiteral("most likely"), F::BestCase },
        { QStringLiteral("commit"), F::Commit },
        { QStringLiteral("committed"), F::Commit },
        { QStringLiteral("closed"), F::Closed },
        { QStringLiteral("closed won"), F::Closed },
        { QStringLiteral("won"), F::Closed },
        { QStringLiteral("omitted"), F::Omitted },
        { QStringLiteral("omit"), F::Omitted },
        { QStringLiteral("not forecasted"), F::Omitted },
        { QStringLiteral("lost"), F::Omitted },
    };
    QString word = text.trimmed().toString().toCaseFolded();
    word.replace(QLatin1Char('_'), QLatin1Char(' '));
    const auto it = words.constFind(word.simplified());
    return it == words.cend() ? std::nullopt : std::optional<F>(*it);
}

} // namespace tp
