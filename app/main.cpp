// territory-planner: the GUI, or a headless command when the first argument names one.
#include "cli/cli.h"
#include "i18n/translations.h"
#if TP_HAS_GUI
#include "ui/application.h"
#endif

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (tp::cli::isCommand(arguments)) {
        // Headless: no QGuiApplication, so no display or platform plugin is needed; a command
        // that paints (the review pack's text) gets one on the offscreen platform.
        std::unique_ptr<QCoreApplication> application;
        if (tp::cli::needsPainting(arguments)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            application = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            application = std::make_unique<QCoreApplication>(argc, argv);
        }
        QCoreApplication &app = *application;
        QCoreApplication::setApplicationName(QStringLiteral("territory-planner"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TP_VERSION));
        tp::installTranslations(app);
        QTextStream out(stdout);
        QTextStream err(stderr);
        return tp::cli::run(arguments, out, err);
    }

#if TP_HAS_GUI
    QApplication::setHighDpiScaleFactorRoundingPolicy(
            Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    tp::installTranslations(app);
    return tp::ui::runGui(app, arguments);
#else
    QTextStream err(stderr);
    err << "This build has no graphical interface yet; run a command instead (see --help).\n";
    return tp::cli::Usage;
#endif
}
