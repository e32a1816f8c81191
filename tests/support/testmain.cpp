// A GoogleTest main that creates the Qt application first (offscreen unless told otherwise),
// so both core and widget tests can run in one process, with the translations the application
// installs (1 row, 2 rows).
#include "i18n/translations.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <gtest/gtest.h>

namespace {

// A test that clicks a key with Shift or Ctrl leaves the application believing the modifier is
// still held (QTest releases the modifier key with the modifier set, as a keyboard reports it),
// and a later test in the same process then extends a selection instead of making one. Each test
// starts with no modifier held.
class ReleaseModifiers : public ::testing::EmptyTestEventListener
{
    void OnTestStart(const ::testing::TestInfo &) override
    {
        if (QGuiApplication::keyboardModifiers() == Qt::NoModifier)
            return;
        QWidget nobody;
        QTest::keyRelease(&nobody, Qt::Key_Shift, Qt::NoModifier);
    }
};

} // namespace

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
    ::testing::UnitTest::GetInstance()->listeners().Append(new ReleaseModifiers);
    return RUN_ALL_TESTS();
}
