#include "icons.h"

#include <QFile>

// Q_INIT_RESOURCE declares a function in the current namespace: keep it at global scope.
static void initTpUiResources()
{
    Q_INIT_RESOURCE(territory_planner);
}

namespace tp::ui {

void initResources()
{
    static const bool done = [] {
        initTpUiResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon themeIcon(const QString &name)
{
    initResources();
    const QString fallback = QStringLiteral(":/icons/actions/%1.svg").arg(name);
    if (QFile::exists(fallback))
        return QIcon::fromTheme(name, QIcon(fallback));
    return QIcon::fromTheme(name);
}

QIcon appIcon()
{
    initResources();
    return QIcon(QStringLiteral(":/icons/org.territoryplanner.TerritoryPlanner.svg"));
}

QIcon pageIcon(const QString &page)
{
    initResources();
    return QIcon(QStringLiteral(":/icons/pages/%1.svg").arg(page));
}

} // namespace tp::ui
