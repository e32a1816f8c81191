#pragma once

#include <QObject>
#include <QPalette>
#include <QVariant>

class QDBusVariant;

namespace tp::ui {

// Light or dark, as the user wants it. Qt 6.4 has no QStyleHints::colorScheme (that is 6.5),
// and on GNOME its palette stays light when the desktop prefers dark: we ask ourselves.
enum class ColorScheme { NoPreference, Light, Dark };

// TERRITORY_PLANNER_COLOR_SCHEME=dark|light (any case); anything else is no preference.
ColorScheme colorSchemeFromEnvironment();
// The value of the XDG desktop portal's org.freedesktop.appearance color-scheme setting, as
// Settings.Read returns it (a variant, possibly nested): 1 prefers dark, 2 light, else none.
ColorScheme colorSchemeFromPortalValue(const QVariant &value);

// A dark palette for the Fusion style, and the light one: the style's standard palette.
QPalette darkPalette();
QPalette lightPalette();

// Makes the application palette follow the user's colour scheme: the environment override
// first, else the platform's own dark palette if it has one, else the desktop portal, whose
// changes it then follows live. Parent it to the application.
class ColorSchemeFollower : public QObject
{
    Q_OBJECT

public:
    explicit ColorSchemeFollower(QObject *parent = nullptr);

    // Decides the scheme, applies it and, when the portal decided, listens for its changes.
    void start();
    // Dark sets the dark palette (Fusion style); Light and NoPreference put back the light one
    // if the palette is dark. Widgets hear it as QEvent::ApplicationPaletteChange.
    static void apply(ColorScheme scheme);

private slots:
    void onPortalSettingChanged(const QString &group, const QString &key,
                                const QDBusVariant &value);
};

} // namespace tp::ui
