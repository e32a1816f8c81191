#include "importscreenshots.h"

#include "importjob.h"
#include "importplan.h"
#include "importrunpage.h"
#include "importwizard.h"
#include "mainwindow/mainwindow.h"
#include "previewpage.h"
#include "session/booksession.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTemporaryDir>

namespace tp::ui {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::ui", text);
}

void settle()
{
    // Layouts, the tables' first paint and queued signals, before grabbing.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents();
    }
}

bool grab(ImportWizard &wizard, const QString &dir, const QString &name, QString *error)
{
    settle();
    const QString file = QDir(dir).filePath(name + QStringLiteral(".png"));
    const QPixmap pixmap = wizard.grab();
    if (pixmap.isNull() || !pixmap.save(file, "PNG")) {
        if (error)
            *error = translate("Cannot write %1.").arg(file);
        return false;
    }
    return true;
}

// Answers what the file leaves open, as a user would, to reach the preview.
void settleOpenQuestions(ImportPlan &plan)
{
    if (plan.canImport())
        return;
    if (!plan.options().dateOrder)
        plan.setDateOrder(values::DateOrder::MonthDayYear);
    for (const crm::StageValue &s : plan.analysis().stages) {
        if (!s.stage)
            plan.setStage(s.value, Stage::Negotiate);
    }
    plan.waitUntilAnalysed();
    settle();
}

bool walk(ImportWizard &wizard, const QString &csv, const QString &dir, QSize size, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    wizard.resize(size);
    wizard.show();
    wizard.startWith(csv);
    ImportPlan *plan = wizard.plan();
    if (wizard.currentId() != ImportWizard::PresetPageId || !plan->waitUntilAnalysed())
        return fail(translate("The import wizard cannot read %1.").arg(csv));
    wizard.back();
    if (!grab(wizard, dir, QStringLiteral("import-file"), error))
        return false;
    wizard.next();
    if (!grab(wizard, dir, QStringLiteral("import-preset"), error))
        return false;
    wizard.next();
    if (!grab(wizard, dir, QStringLiteral("import-mapping"), error))
        return false;
    settleOpenQuestions(*plan);
    if (!plan->canImport())
        return fail(translate("The import of %1 stays blocked: %2")
                            .arg(csv, plan->analysis().problems.join(QLatin1Char(' '))));
    wizard.next();
    PreviewPage *preview = wizard.previewPage();
    preview->job()->waitForFinished();
    preview->skipInvalidCheck()->setChecked(true);
    if (!grab(wizard, dir, QStringLiteral("import-preview"), error))
        return false;
    wizard.next();
    wizard.importPage()->job()->waitForFinished();
    return grab(wizard, dir, QStringLiteral("import-done"), error);
}

} // namespace

bool saveImportScreenshots(MainWindow &window, const QString &csv, const QString &dir,
                           QString *error)
{
    QTemporaryDir scratch;
    if (!QDir().mkpath(dir) || !scratch.isValid()) {
        if (error)
            *error = translate("Cannot create the folder %1.").arg(dir);
        return false;
    }
    const QString copy = scratch.filePath(QFileInfo(window.session()->path()).fileName());
    BookSession session;
    if (!window.session()->saveCopyAs(copy, error) || !session.openBook(copy, error)
        || !session.waitUntilLoaded())
        return false;
    ImportWizard wizard(&session, &window);
    // Its usual size, or the window's when that is smaller (--screenshot-size 1024x640).
    const QSize size = QSize(960, 720).boundedTo(window.size());
    const bool ok = walk(wizard, QFileInfo(csv).absoluteFilePath(), dir, size, error);
    wizard.hide();
    return ok;
}

} // namespace tp::ui
