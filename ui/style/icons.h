#pragma once

#include <QIcon>
#include <QString>

namespace tp::ui {

// An icon of the desktop theme when it has one, else ours (SVG in the resources, so it stays
// sharp at any scale). `name` is a freedesktop icon name such as "document-open".
QIcon themeIcon(const QString &name);
// One of our own icons, e.g. appIcon() or pageIcon("accounts").
QIcon appIcon();
QIcon pageIcon(const QString &page);

// Registers the resources of the tp_ui static library; safe to call more than once.
void initResources();

} // namespace tp::ui
