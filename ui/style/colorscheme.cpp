#include "colorscheme.h"

#include "theme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QStyle>

namespace tp::ui {

namespace {

const QString portalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString portalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString portalInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString appearanceGroup = QStringLiteral("org.freedesktop.appearance");
const QString colorSchemeKey = QStringLiteral("color-scheme");
// The window waits for the answer: a missing or stuck portal must not be felt.
constexpr int portalTimeoutMs = 300;

ColorScheme readPortalColorScheme()
{
    // Fails quietly without a session bus (tests, containers) or without a portal.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return ColorScheme::NoPreference;
    QDBusMessage call = QDBusMessage::createMethodCall(portalService, portalPath, portalInterface,
                                                       QStringLiteral("Read"));
    call << appearanceGroup << colorSchemeKey;
    const QDBusMessage reply = bus.call(call, QDBus::Block, portalTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return ColorScheme::NoPreference;
    return colorSchemeFromPortalValue(reply.arguments().constFirst());
}

} // namespace

ColorScheme colorSchemeFromEnvironment()
{
    const QString value =
            qEnvironmentVariable("TERRITORY_PLANNER_COLOR_SCHEME").trimmed().toLower();
    if (value == QLatin1String("dark"))
        return ColorScheme::Dark;
    if (value == QLatin1String("light"))
        return ColorScheme::Light;
    return ColorScheme::NoPreference;
}

ColorScheme colorSchemeFromPortalValue(const QVariant &value)
{
    // Read answers a variant holding the setting's variant; SettingChanged sends one level.
    QVariant v = value;
    for (int depth = 0; depth < 2 && v.metaType() == QMetaType::fromType<QDBusVariant>(); ++depth)
        v = qvariant_cast<QDBusVariant>(v).variant();
    if (v.metaType() != QMetaType::fromType<uint>() && v.metaType() != QMetaType::fromType<int>())
        return ColorScheme::NoPreference;
    switch (v.toInt()) {
    case 1:
        return ColorScheme::Dark;
    case 2:
        return ColorScheme::Light;
    default:
        return ColorScheme::NoPreference;
    }
}

QPalette darkPalette()
{
    // Neutral greys with a faint blue cast; text at least 4.5:1 on every background it sits on.
    const QColor window(0x2d, 0x30, 0x33);
    const QColor text(0xe6, 0xe8, 0xea);
    const QColor disabledText(0x80, 0x85, 0x8a);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x2a, 0x2d));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x37, 0x3a, 0x3e));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x7a, 0x70));
    // Fusion draws bevels and frames from these.
    p.setColor(QPalette::Light, QColor(0x4b, 0x4f, 0x54));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x44, 0x48));
    p.setColor(QPalette::Mid, QColor(0x23, 0x25, 0x28));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1c, 0x1e));
    p.setColor(QPalette::Shadow, QColor(0x0e, 0x0f, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xbd));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb5, 0x8d, 0xf0));
    p.setColor(QPalette::ToolTipBase, QColor(0x43, 0x47, 0x4c));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x95, 0x9a, 0x9f));

    p.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x31, 0x34, 0x37));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4e, 0x53));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, QColor(0xa8, 0xac, 0xb0));
    p.setColor(QPalette::Disabled, QPalette::PlaceholderText, QColor(0x6a, 0x6e, 0x73));
    // No etched (light) shadow under disabled text on a dark background.
    p.setColor(QPalette::Disabled, QPalette::Light, window);
    return p;
}

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

ColorSchemeFollower::ColorSchemeFollower(QObject *parent) : QObject(parent) { }

void ColorSchemeFollower::start()
{
    const ColorScheme forced = colorSchemeFromEnvironment();
    if (forced != ColorScheme::NoPreference) {
        apply(forced);
        return;
    }
    // A platform theme that gives a dark palette knows the desktop's scheme: leave it be.
    if (theme::isDark(QApplication::palette()))
        return;
    apply(readPortalColorScheme());
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected())
        bus.connect(portalService, portalPath, portalInterface, QStringLiteral("SettingChanged"),
                    this, SLOT(onPortalSettingChanged(QString, QString, QDBusVariant)));
}

void ColorSchemeFollower::apply(ColorScheme scheme)
{
    const bool dark = theme::isDark(QApplication::palette());
    if (scheme == ColorScheme::Dark && !dark) {
        // The dark palette is made for Fusion; other styles may draw with their own colours.
        if (QApplication::style()->name().toLower() != QLatin1String("fusion"))
            QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
    } else if (scheme != ColorScheme::Dark && dark) {
        QApplication::setPalette(lightPalette());
    }
}

void ColorSchemeFollower::onPortalSettingChanged(const QString &group, const QString &key,
                                                 const QDBusVariant &value)
{
    if (group == appearanceGroup && key == colorSchemeKey)
        apply(colorSchemeFromPortalValue(QVariant::fromValue(value)));
}

} // namespace tp::ui
