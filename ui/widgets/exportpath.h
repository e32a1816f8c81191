#pragma once

#include <QString>

class QWidget;

namespace tp::ui {

// Where exports go: every export dialog (a page's CSV, a chart's PNG or PDF) starts in the
// folder the last export went to, any page's, remembered across runs (QSettings
// "export/lastFolder"); Documents before the first.
namespace exportpath {

QString lastFolder();
void remember(const QString &file);

// The save dialog for `fileName` ("stalled-deals.csv") in the last folder. The chosen path with
// `suffix` added when its name has none, remembered; empty when cancelled.
QString ask(QWidget *parent, const QString &title, const QString &fileName, const QString &filter,
            const QString &suffix);

} // namespace exportpath

} // namespace tp::ui
