#include "application.h"

#include "demo/demobook.h"
#include "import/importscreenshots.h"
#include "jobs/backgroundjob.h"
#include "mainwindow/infobanner.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/recentbooks.h"
#include "pages/tablepage.h"
#include "session/booksession.h"
#include "storage/usermessage.h"
#include "style/colorscheme.h"
#include "style/icons.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPixmap>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>

#include <cstdio>

namespace tp::ui {

namespace {

struct Arguments
{
    QString book;
    QString screenshotDir;
    QString screenshotImport; // a CSV file: the import wizard's pages too
    QSize screenshotSize = defaultScreenshotSize;
    bool sizeGiven = false;
    bool screenshots = false;
    QString error;
};

Arguments parseArguments(const QStringList &arguments)
{
    Arguments parsed;
    const QString screenshotOption = QStringLiteral("--screenshot");
    const QString importOption = QStringLiteral("--screenshot-import");
    const QString sizeOption = QStringLiteral("--screenshot-size");
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == sizeOption || arg.startsWith(sizeOption + QLatin1Char('='))) {
            QString value;
            if (arg == sizeOption && i + 1 < arguments.size())
                value = arguments[++i];
            else if (arg != sizeOption)
                value = arg.mid(sizeOption.size() + 1);
            parsed.screenshotSize = parseScreenshotSize(value);
            parsed.sizeGiven = true;
            if (!parsed.screenshotSize.isValid()) {
                parsed.error = QCoreApplication::translate(
                                       "tp::ui",
                                       "--screenshot-size needs a width and a height in pixels, "
                                       "such as 1024x640, not \"%1\".")
                                       .arg(value);
                return parsed;
            }
        } else if (arg == importOption) {
            if (i + 1 >= arguments.size()) {
                parsed.error = QCoreApplication::translate("tp::ui",
                                                           "--screenshot-import needs a CSV file.");
                return parsed;
            }
            parsed.screenshotImport = arguments[++i];
        } else if (arg.startsWith(importOption + QLatin1Char('='))) {
            parsed.screenshotImport = arg.mid(importOption.size() + 1);
        } else if (arg == screenshotOption) {
            if (i + 1 >= arguments.size()) {
                parsed.error =
                        QCoreApplication::translate("tp::ui", "--screenshot needs a folder.");
                return parsed;
            }
            parsed.screenshots = true;
            parsed.screenshotDir = arguments[++i];
        } else if (arg.startsWith(screenshotOption + QLatin1Char('='))) {
            parsed.screenshots = true;
            parsed.screenshotDir = arg.mid(screenshotOption.size() + 1);
        } else if (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("-")) {
            parsed.error = QCoreApplication::translate("tp::ui", "Unknown option %1.").arg(arg);
            return parsed;
        } else if (parsed.book.isEmpty()) {
            parsed.book = arg;
        } else {
            parsed.error = QCoreApplication::translate("tp::ui", "Only one book can be opened: %1.")
                                   .arg(arg);
            return parsed;
        }
    }
    if (parsed.screenshots && parsed.screenshotDir.isEmpty())
        parsed.error = QCoreApplication::translate("tp::ui", "--screenshot needs a folder.");
    if (!parsed.screenshotImport.isEmpty() && !parsed.screenshots)
        parsed.error = QCoreApplication::translate("tp::ui",
                                                   "--screenshot-import goes with --screenshot.");
    if (parsed.sizeGiven && !parsed.screenshots)
        parsed.error =
                QCoreApplication::translate("tp::ui", "--screenshot-size goes with --screenshot.");
    return parsed;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "territory-planner: %s\n", qUtf8Printable(message));
}

// First launch: a fresh copy of the demo book, written once.
bool openDemoBook(MainWindow &window, bool *created)
{
    const QString path = demoBookPath();
    *created = false;
    if (!QFileInfo::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        try {
            demo::writeDemoBook(path, {});
            *created = true;
        } catch (const std::exception &e) {
            printError(QCoreApplication::translate("tp::ui", "Cannot write the demo book %1: %2")
                               .arg(path, userMessage(e, path, BookTask::Create)));
            return false;
        }
    }
    return window.openBook(path);
}

} // namespace

QString demoBookPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/Demo.tpbook");
}

void showDemoBanner(MainWindow &window, const QString &path)
{
    window.banner()->showMessage(
            QCoreApplication::translate(
                    "tp::ui",
                    "This is a demo book with made-up reps, accounts and opportunities, so you "
                    "can try everything. Edits stay in this copy. Use File ▸ New Book… to start "
                    "your own."),
            path);
    if (window.session()->isOpen())
        window.banner()->setCurrentBook(window.session()->path());
}

void setUpApplication(QApplication &app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Territory Planner"));
    QCoreApplication::setApplicationName(QStringLiteral("territory-planner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TP_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Territory Planner"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.territoryplanner.TerritoryPlanner"));
    app.setWindowIcon(appIcon());
    // Light or dark as the desktop prefers, before any window exists; follows changes live.
    (new ColorSchemeFollower(&app))->start();
    // A process started without a locale (LANG unset or C) would show "1500" and "12.00$":
    // use the conventions of US English then, as the C locale has no real ones.
    if (QLocale::system().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QSize parseScreenshotSize(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("^\\s*(\\d{1,5})\\s*[x×X]\\s*(\\d{1,5})\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    return size.width() > 0 && size.height() > 0 ? size : QSize();
}

bool saveScreenshots(MainWindow &window, const QString &dir, QSize size, QString *error)
{
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QCoreApplication::translate("tp::ui", "Cannot create the folder %1.").arg(dir);
        return false;
    }
    window.show();
    window.resize(size);
    QCoreApplication::processEvents();
    if (window.size() != size) {
        // A smaller size than the window allows would come out larger without a word.
        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        if (error)
            *error = QCoreApplication::translate("tp::ui",
                                                 "The window cannot be %1×%2: its smallest size "
                                                 "is %3×%4.")
                             .arg(size.width())
                             .arg(size.height())
                             .arg(minimum.width())
                             .arg(minimum.height());
        return false;
    }
    for (int i = 0; i < window.pages().size(); ++i) {
        window.showPage(i);
        // Let layouts and the table's first paint settle before grabbing, and what the page
        // reads in the background (the Review page's snapshots) arrive.
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents();
        for (BackgroundJobBase *job : window.findChildren<BackgroundJobBase *>())
            if (job->isRunning())
                job->waitForFinished();
        QCoreApplication::processEvents();
        const QPixmap pixmap = window.grab();
        const QString file =
                QDir(dir).filePath(window.pages().at(i)->key() + QStringLiteral(".png"));
        if (pixmap.isNull() || !pixmap.save(file, "PNG")) {
            if (error)
                *error = QCoreApplication::translate("tp::ui", "Cannot write %1.").arg(file);
            return false;
        }
    }
    return true;
}

int runGui(QApplication &app, const QStringList &arguments)
{
    setUpApplication(app);
    const Arguments args = parseArguments(arguments);
    if (!args.error.isEmpty()) {
        printError(args.error);
        return 2;
    }

    MainWindow window;
    window.setInteractive(!args.screenshots);
    // Screenshots show the default layout, not whatever this user last arranged.
    if (!args.screenshots)
        window.restoreSettings();

    bool started = false;
    bool demoCreated = false;
    if (!args.book.isEmpty()) {
        started = window.openBook(args.book);
        if (!started && args.screenshots)
            return 1;
    } else {
        const QString last = window.recentBooks()->paths().value(0);
        if (!last.isEmpty() && QFileInfo::exists(last)) {
            QString ignored;
            started = window.session()->openBook(last, &ignored); // quietly: fall back to the demo
        }
        if (!started)
            started = openDemoBook(window, &demoCreated);
    }
    if (demoCreated) {
        showDemoBanner(window, demoBookPath());
        window.statusBar()->showMessage(
                QCoreApplication::translate("tp::ui", "Opened a copy of the demo book."), 10000);
    }

    if (args.screenshots) {
        if (!started || !window.session()->waitUntilLoaded()) {
            printError(QCoreApplication::translate("tp::ui", "The book could not be loaded."));
            return 1;
        }
        QString error;
        if (!saveScreenshots(window, args.screenshotDir, args.screenshotSize, &error)
            || (!args.screenshotImport.isEmpty()
                && !saveImportScreenshots(window, args.screenshotImport, args.screenshotDir,
                                          &error))) {
            printError(error);
            return 1;
        }
        return 0;
    }

    window.show();
    return app.exec();
}

} // namespace tp::ui
