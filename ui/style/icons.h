#pragma once

#include <QIcon>
#include <QString>

namespace tp::ui {

// Our icons are SVG in the resources (sharp at any scale). The action and page icons are coloured
// for the application palette each time they are drawn, so they follow a light/dark switch by
// themselves, except where a widget keeps a pixmap of one: renew it on a palette change.

// An icon of the desktop theme when it has one, else ours. `name` is a freedesktop icon name
// such as "document-open".
QIcon themeIcon(const QString &name);
// One of our own icons, e.g. appIcon() or pageIcon("accounts").
QIcon appIcon();
QIcon pageIcon(const QString &page);

// Registers the resources of the tp_ui static library; safe to call more than once.
void initResources();

} // namespace tp::ui
