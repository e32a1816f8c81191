#pragma once

class QCoreApplication;

namespace tp {

// Installs the application's translations in `app` (the GUI's and the command line's alike):
// for now the English singular and plural forms of the texts counted with %n, so that 1 row
// reads "1 row" and 2 read "2 rows" (translations/territory-planner_en.ts, compiled into
// tp_core as :/i18n/territory-planner_en.qm). Call once, after `app` exists. False when the
// translation could not be loaded: the texts then show their source forms, "1 row(s)".
bool installTranslations(QCoreApplication &app);

} // namespace tp
