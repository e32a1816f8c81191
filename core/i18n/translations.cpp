#include "translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace tp {

bool installTranslations(QCoreApplication &app)
{
    // The source texts are English: their plural forms apply whatever the locale, until a
    // translation into the user's language exists to be loaded after them.
    auto *english = new QTranslator(&app);
    if (!english->load(QStringLiteral(":/i18n/territory-planner_en.qm"))) {
        delete english;
        return false;
    }
    return QCoreApplication::installTranslator(english);
}

} // namespace tp
