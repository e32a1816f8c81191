// Light and dark: the environment override, the portal's answer, live switches and the widgets
// that keep colours (banner, navigation, stage swatches, icons) following them.
#include "mainwindow/infobanner.h"
#include "mainwindow/mainwindow.h"
#include "pages/opportunities/opportunitiespage.h"
#include "style/colorscheme.h"
#include "style/icons.h"
#include "style/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDBusVariant>
#include <QImage>
#include <QListWidget>
#include <QStyle>

#include <gtest/gtest.h>

#include <cstdlib>

using namespace tp;
using tp::ui::ColorScheme;
using tp::ui::ColorSchemeFollower;

namespace {

const char *const overrideVariable = "TERRITORY_PLANNER_COLOR_SCHEME";

// Leaves the application palette, style and the override variable as each test found them.
class GuiColorScheme : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_palette = QApplication::palette();
        m_style = QApplication::style()->name();
        m_hadOverride = qEnvironmentVariableIsSet(overrideVariable);
        m_override = qgetenv(overrideVariable);
        qunsetenv(overrideVariable);
    }
    void TearDown() override
    {
        if (m_hadOverride)
            qputenv(overrideVariable, m_override);
        else
            qunsetenv(overrideVariable);
        if (QApplication::style()->name() != m_style)
            QApplication::setStyle(m_style);
        QApplication::setPalette(m_palette);
        QCoreApplication::processEvents();
    }

    // Qt 6.4 tells widgets of a new application palette through a posted event.
    static void switchTo(ColorScheme scheme)
    {
        ColorSchemeFollower::apply(scheme);
        QCoreApplication::processEvents();
    }

    static int windowLightness()
    {
        return QApplication::palette().color(QPalette::Window).lightness();
    }

    // What the portal would send: SettingChanged(namespace, key, value).
    static void portalSends(ColorSchemeFollower &follower, const QString &group, const QString &key,
                            uint value)
    {
        ASSERT_TRUE(QMetaObject::invokeMethod(
                &follower, "onPortalSettingChanged", Qt::DirectConnection, Q_ARG(QString, group),
                Q_ARG(QString, key), Q_ARG(QDBusVariant, QDBusVariant(value))));
    }

private:
    QPalette m_palette;
    QString m_style;
    bool m_hadOverride = false;
    QByteArray m_override;
};

// The colour of the most opaque pixel: the middle of a stroke or a shape.
QColor solidColour(const QImage &image)
{
    QColor best;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (!best.isValid() || image.pixelColor(x, y).alpha() > best.alpha())
                best = image.pixelColor(x, y);
    return best;
}

bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 3 && std::abs(a.green() - b.green()) <= 3
            && std::abs(a.blue() - b.blue()) <= 3;
}

TEST(GuiColorSchemeParsing, ReadsThePortalValueNestedOrNot)
{
    using ui::colorSchemeFromPortalValue;
    EXPECT_EQ(colorSchemeFromPortalValue(QVariant(uint(1))), ColorScheme::Dark);
    EXPECT_EQ(colorSchemeFromPortalValue(QVariant(uint(2))), ColorScheme::Light);
    EXPECT_EQ(colorSchemeFromPortalValue(QVariant(uint(0))), ColorScheme::NoPreference);
    EXPECT_EQ(colorSchemeFromPortalValue(QVariant(uint(7))), ColorScheme::NoPreference);
    // Settings.Read wraps the setting's variant in another one; SettingChanged sends one level.
    const QVariant once = QVariant::fromValue(QDBusVariant(uint(1)));
    EXPECT_EQ(colorSchemeFromPortalValue(once), ColorScheme::Dark);
    const QVariant twice =
            QVariant::fromValue(QDBusVariant(QVariant::fromValue(QDBusVariant(uint(2)))));
    EXPECT_EQ(colorSchemeFromPortalValue(twice), ColorScheme::Light);
    // Garbage is no preference.
    EXPECT_EQ(colorSchemeFromPortalValue(QVariant()), ColorScheme::NoPreference);
    EXPECT_EQ(colorSchemeFromPortalValue(QVariant(QStringLiteral("1"))), ColorScheme::NoPreference);
    EXPECT_EQ(colorSchemeFromPortalValue(QVariant::fromValue(QDBusVariant(true))),
              ColorScheme::NoPreference);
    EXPECT_EQ(colorSchemeFromPortalValue(QVariant::fromValue(QDBusVariant(QVariant()))),
              ColorScheme::NoPreference);
}

TEST_F(GuiColorScheme, EnvironmentOverrideIsReadInAnyCase)
{
    EXPECT_EQ(ui::colorSchemeFromEnvironment(), ColorScheme::NoPreference);
    qputenv(overrideVariable, "dark");
    EXPECT_EQ(ui::colorSchemeFromEnvironment(), ColorScheme::Dark);
    qputenv(overrideVariable, " Light ");
    EXPECT_EQ(ui::colorSchemeFromEnvironment(), ColorScheme::Light);
    qputenv(overrideVariable, "sepia");
    EXPECT_EQ(ui::colorSchemeFromEnvironment(), ColorScheme::NoPreference);
}

TEST_F(GuiColorScheme, EnvironmentOverrideAppliesTheDarkOrLightPalette)
{
    ASSERT_FALSE(ui::theme::isDark()) << "the offscreen palette starts light";
    qputenv(overrideVariable, "dark");
    ColorSchemeFollower dark;
    dark.start();
    EXPECT_LT(windowLightness(), 128);
    EXPECT_TRUE(ui::theme::isDark());
    EXPECT_EQ(QApplication::palette().color(QPalette::Base),
              ui::darkPalette().color(QPalette::Base));
    EXPECT_EQ(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    // Text stays readable on it.
    EXPECT_GT(QApplication::palette().color(QPalette::Text).lightness(), 200);
    EXPECT_GT(QApplication::palette().color(QPalette::Disabled, QPalette::Text).lightness(),
              windowLightness());

    qputenv(overrideVariable, "light");
    ColorSchemeFollower light;
    light.start();
    EXPECT_GE(windowLightness(), 128);
    EXPECT_FALSE(ui::theme::isDark());
    EXPECT_EQ(QApplication::palette().color(QPalette::Window),
              QApplication::style()->standardPalette().color(QPalette::Window));
}

TEST_F(GuiColorScheme, APlatformDarkPaletteIsKept)
{
    QPalette platform = ui::darkPalette();
    platform.setColor(QPalette::Window, QColor(0x10, 0x18, 0x20));
    QApplication::setPalette(platform);
    ColorSchemeFollower follower;
    follower.start(); // no override: the dark palette it finds is the platform's
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), QColor(0x10, 0x18, 0x20));
}

TEST_F(GuiColorScheme, PortalChangesSwitchLive)
{
    const QString appearance = QStringLiteral("org.freedesktop.appearance");
    const QString colorScheme = QStringLiteral("color-scheme");
    ColorSchemeFollower follower;
    portalSends(follower, appearance, colorScheme, 1);
    EXPECT_LT(windowLightness(), 128);
    EXPECT_TRUE(ui::theme::isDark());

    // Another setting, or another namespace, changes nothing.
    portalSends(follower, appearance, QStringLiteral("accent-color"), 2);
    portalSends(follower, QStringLiteral("org.gnome.desktop.interface"), colorScheme, 2);
    EXPECT_TRUE(ui::theme::isDark());

    portalSends(follower, appearance, colorScheme, 2);
    EXPECT_GE(windowLightness(), 128);
    EXPECT_FALSE(ui::theme::isDark());

    // "No preference" is light too.
    portalSends(follower, appearance, colorScheme, 1);
    EXPECT_TRUE(ui::theme::isDark());
    portalSends(follower, appearance, colorScheme, 0);
    EXPECT_FALSE(ui::theme::isDark());
}

TEST_F(GuiColorScheme, IconsAndStageSwatchesAreDrawnForThePalette)
{
    const QColor lightStage = ui::theme::stageColor(Stage::Prove);
    const QColor lightSwatch =
            solidColour(ui::theme::stageIcon(Stage::Prove).pixmap(QSize(16, 16)).toImage());
    // The left building of the accounts icon, clear of its windows and door.
    const QIcon accounts = ui::pageIcon(QStringLiteral("accounts"));
    const QColor lightBuilding = accounts.pixmap(QSize(24, 24)).toImage().pixelColor(4, 19);
    EXPECT_TRUE(near(lightSwatch, lightStage));
    EXPECT_TRUE(near(lightBuilding, QColor(0x2c, 0x6a, 0xa0))) << qPrintable(lightBuilding.name());

    ColorSchemeFollower::apply(ColorScheme::Dark);
    const QColor darkStage = ui::theme::stageColor(Stage::Prove);
    EXPECT_NE(darkStage, lightStage);
    EXPECT_TRUE(
            near(solidColour(ui::theme::stageIcon(Stage::Prove).pixmap(QSize(16, 16)).toImage()),
                 darkStage));
    // The same QIcon, drawn again: lighter accents on the dark palette.
    const QColor darkBuilding = accounts.pixmap(QSize(24, 24)).toImage().pixelColor(4, 19);
    EXPECT_GT(darkBuilding.lightness(), lightBuilding.lightness() + 30);

    ColorSchemeFollower::apply(ColorScheme::Light);
    EXPECT_TRUE(
            near(solidColour(ui::theme::stageIcon(Stage::Prove).pixmap(QSize(16, 16)).toImage()),
                 lightStage));
    EXPECT_TRUE(near(accounts.pixmap(QSize(24, 24)).toImage().pixelColor(4, 19), lightBuilding));
}

TEST_F(GuiColorScheme, SymbolicIconsTakeTheIconColourOfThePalette)
{
    const QString name = QStringLiteral("edit-find");
    if (QIcon::hasThemeIcon(name))
        GTEST_SKIP() << "the desktop icon theme draws edit-find here, not ours";
    const QIcon icon = ui::themeIcon(name);
    EXPECT_TRUE(near(solidColour(icon.pixmap(QSize(32, 32)).toImage()), ui::theme::iconColor()));
    const QColor light = solidColour(icon.pixmap(QSize(32, 32)).toImage());

    ColorSchemeFollower::apply(ColorScheme::Dark);
    const QColor dark = solidColour(icon.pixmap(QSize(32, 32)).toImage());
    EXPECT_TRUE(near(dark, ui::theme::iconColor())) << qPrintable(dark.name());
    EXPECT_GT(dark.lightness(), light.lightness() + 30);
    // On a selected row: the selection's text colour.
    EXPECT_TRUE(near(solidColour(icon.pixmap(QSize(32, 32), QIcon::Selected).toImage()),
                     QApplication::palette().color(QPalette::HighlightedText)));
}

TEST_F(GuiColorScheme, WindowWidgetsFollowASwitch)
{
    ui::MainWindow window;
    auto *page =
            qobject_cast<ui::OpportunitiesPage *>(window.page(QStringLiteral("opportunities")));
    ASSERT_NE(page, nullptr);
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("Navigation"));
    ASSERT_NE(navigation, nullptr);
    const int proveRow = page->stageFilter()->findData(int(Stage::Prove));
    ASSERT_GE(proveRow, 0);
    const auto swatch = [&] {
        return solidColour(page->stageFilter()->itemIcon(proveRow).pixmap(QSize(16, 16)).toImage());
    };
    const auto check = [&](bool dark) {
        SCOPED_TRACE(dark ? "dark" : "light");
        EXPECT_EQ(window.banner()->palette().color(QPalette::Window).lightness() < 128, dark);
        EXPECT_EQ(navigation->palette().color(QPalette::Highlight).lightness() < 128, dark);
        // The current page's text keeps the text colour on the tinted selection.
        EXPECT_EQ(navigation->palette().color(QPalette::HighlightedText),
                  QApplication::palette().color(QPalette::Text));
        EXPECT_TRUE(near(swatch(), ui::theme::stageColor(Stage::Prove)))
                << qPrintable(swatch().name());
    };
    check(false);
    switchTo(ColorScheme::Dark);
    check(true);
    switchTo(ColorScheme::Light);
    check(false);
}

} // namespace
