// A GoogleTest main that creates the Qt application first (offscreen unless told otherwise),
// so both core and widget tests can run in one process, with the translations the application
// installs (1 row, 2 rows).
#include "i18n/translations.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TerritoryPlannerTests"));
    QApplication::setApplicationName(QStringLiteral("territory-planner-tests"));
    // Settings of this process only: ctest runs tests side by side, and one that remembers a
    // folder must not see another's (a test moved the last export folder under another's feet).
    QTemporaryDir settings;
    for (const auto format : { QSettings::NativeFormat, QSettings::IniFormat })
        QSettings::setPath(format, QSettings::UserScope, settings.path());
    if (!tp::installTranslations(app))
        qWarning("The translations could not be installed.");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
