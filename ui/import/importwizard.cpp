#include "importwizard.h"

#include "filepage.h"
#include "importplan.h"
#include "importrunpage.h"
#include "mappingpage.h"
#include "presetpage.h"
#include "previewpage.h"

#include <QScreen>
#include <QSettings>

namespace tp::ui {

namespace {

const QString geometryKey = QStringLiteral("importWizard/geometry");

} // namespace

ImportWizard::ImportWizard(BookSession *session, QWidget *parent)
    : QWizard(parent),
      m_plan(new ImportPlan(session, this)),
      m_filePage(new FilePage(m_plan, this)),
      m_presetPage(new PresetPage(m_plan, this)),
      m_mappingPage(new MappingPage(m_plan, this)),
      m_previewPage(new PreviewPage(m_plan, this)),
      m_importPage(new ImportRunPage(m_plan, this))
{
    setObjectName(QStringLiteral("ImportWizard"));
    setWindowTitle(tr("Import CSV"));
    setWizardStyle(QWizard::ModernStyle);
    // The import page has its own Cancel; once it ran there is nothing to go back to.
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setPage(FilePageId, m_filePage);
    setPage(PresetPageId, m_presetPage);
    setPage(MappingPageId, m_mappingPage);
    setPage(PreviewPageId, m_previewPage);
    setPage(ImportPageId, m_importPage);
    // Roomy, within a small screen (1024×640 leaves less than 720 pixels of height).
    QSize size(960, 720);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.95);
    resize(size);

    connect(m_importPage, &ImportRunPage::committed, this, &ImportWizard::imported);
    connect(m_importPage, &ImportRunPage::ended, this, [this] {
        if (m_closeWhenEnded)
            QWizard::reject();
    });
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::startWith(const QString &path)
{
    if (currentId() < 0)
        restart();
    m_filePage->setPath(path);
    if (currentId() == FilePageId && m_filePage->isComplete())
        next();
}

void ImportWizard::restoreSettings()
{
    restoreGeometry(QSettings().value(geometryKey).toByteArray());
    m_settingsRestored = true;
}

void ImportWizard::saveSettings() const
{
    QSettings().setValue(geometryKey, saveGeometry());
}

void ImportWizard::reject()
{
    if (m_importPage->isRunning()) {
        m_closeWhenEnded = true;
        m_importPage->cancel();
        return;
    }
    QWizard::reject();
}

void ImportWizard::done(int result)
{
    if (m_settingsRestored)
        saveSettings();
    QWizard::done(result);
}

} // namespace tp::ui
