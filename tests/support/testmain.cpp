// A GoogleTest main that creates the Qt application first (offscreen unless told otherwise),
// so both core and widget tests can run in one process, with the translations the application
// installs (1 row, 2 rows).
#include "i18n/translations.h"

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TerritoryPlannerTests"));
    QApplication::setApplicationName(QStringLiteral("territory-planner-tests"));
    if (!tp::installTranslations(app))
        qWarning("The translations could not be installed.");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
