#include "analysisprogress.h"

#include "importplan.h"

#include <QProgressBar>
#include <QWizardPage>

namespace tp::ui {

void showShare(QProgressBar *bar, qint64 done, qint64 total)
{
    bar->setRange(0, 1000);
    bar->setValue(total > 0 ? int(done * 1000 / total) : 0);
}

void followAnalysis(ImportPlan *plan, QWizardPage *page, QProgressBar *bar)
{
    QObject::connect(plan, &ImportPlan::analysisStarted, page, [page, bar] {
        bar->setRange(0, 0);
        bar->show();
        emit page->completeChanged();
    });
    QObject::connect(plan, &ImportPlan::analysisProgress, bar,
                     [bar](qint64 done, qint64 total) { showShare(bar, done, total); });
}

} // namespace tp::ui
