#pragma once

#include <QtGlobal>

class QProgressBar;
class QWizardPage;

namespace tp::ui {

class ImportPlan;

// `done` of `total` bytes as the bar's value (a range of 0-1000, so that files over 2 GB fit).
void showShare(QProgressBar *bar, qint64 done, qint64 total);

// Shows the plan's analyses on a page's bar: busy when one starts (the page's completeness
// changes then), then the share of the file read.
void followAnalysis(ImportPlan *plan, QWizardPage *page, QProgressBar *bar);

} // namespace tp::ui
