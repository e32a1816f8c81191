#pragma once

#include <QWidget>

class QLabel;

namespace tp::ui {

class DateEdit;
class ImportPlan;

// The import's as-of date on the wizard: the day the export was taken, which dates the import's
// snapshot and the stage changes it finds. It starts at the date the file gives
// (ImportPlan::exportDate()) and says beside it where that came from (the file name, the report's
// title, the file's modified date); a date after today gets the scope bar's hint.
class AsOfField : public QWidget
{
    Q_OBJECT

public:
    explicit AsOfField(ImportPlan *plan, QWidget *parent = nullptr);

    DateEdit *dateEdit() const { return m_edit; }
    // Where the date came from, or why a typed text was not taken.
    QString sourceText() const;
    // Shown for a date after today.
    QLabel *futureHint() const { return m_future; }

    // Shows the plan's as-of date (a new file brings its own).
    void showPlan();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showSource();
    void showFutureHint();

    ImportPlan *m_plan;
    DateEdit *m_edit;
    QLabel *m_source;
    QLabel *m_future;
};

} // namespace tp::ui
