#pragma once

#include "importrecord.h"

#include <QWizard>

namespace tp::ui {

class BookSession;
class FilePage;
class ImportPlan;
class ImportRunPage;
class MappingPage;
class PresetPage;
class PreviewPage;

// The CRM import wizard: file → preset and kind → mapping → preview (dry run) → import. The
// pages share one ImportPlan; the import runs off the GUI thread and can be cancelled. When it
// commits, imported() carries the record for the undo stack. The dialog keeps its size and
// position between uses (QSettings).
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FilePageId, PresetPageId, MappingPageId, PreviewPageId, ImportPageId };

    explicit ImportWizard(BookSession *session, QWidget *parent = nullptr);
    ~ImportWizard() override;

    ImportPlan *plan() const { return m_plan; }
    FilePage *filePage() const { return m_filePage; }
    PresetPage *presetPage() const { return m_presetPage; }
    MappingPage *mappingPage() const { return m_mappingPage; }
    PreviewPage *previewPage() const { return m_previewPage; }
    ImportRunPage *importPage() const { return m_importPage; }

    // Puts `path` on the file page and, when it reads as CSV, moves on to the next page.
    void startWith(const QString &path);

    void restoreSettings();
    void saveSettings() const;

    // Escape or Cancel while importing cancels the import first; the dialog closes when the
    // import has rolled back.
    void reject() override;
    void done(int result) override;

signals:
    void imported(const tp::ui::ImportRecord &record);

private:
    ImportPlan *m_plan;
    FilePage *m_filePage;
    PresetPage *m_presetPage;
    MappingPage *m_mappingPage;
    PreviewPage *m_previewPage;
    ImportRunPage *m_importPage;
    bool m_closeWhenEnded = false;
    bool m_settingsRestored = false;
};

} // namespace tp::ui
