#include "mainwindow.h"

#include "bookactions.h"
#include "infobanner.h"
#include "recentbooks.h"
#include "scopebar.h"
#include "undoactions.h"

#include "import/csvdrophandler.h"
#include "import/importactions.h"
#include "import/importstep.h"
#include "pages/accounts/accountspage.h"
#include "pages/funnel/funnelpage.h"
#include "pages/health/healthpage.h"
#include "pages/health/healthstate.h"
#include "pages/opportunities/opportunitiespage.h"
#include "pages/reps/repspage.h"
#include "pages/review/reviewpage.h"
#include "pages/roi/roipage.h"
#include "pages/tablepage.h"
#include "pages/territories/publishmovesdialog.h"
#include "pages/territories/territoriespage.h"
#include "session/accountselection.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/book.h"
#include "style/icons.h"
#include "style/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <cstdio>

namespace tp::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_session(new BookSession(this)),
      m_scope(new ScopeState(this)),
      m_accountSelection(new AccountSelection(m_session, this)),
      m_recent(new RecentBooks(this))
{
    initResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(appIcon());
    setUnifiedTitleAndToolBarOnMac(true);

    m_scope->follow(m_session);
    createPages();
    createActions();
    createMenus();
    createStatusBar();

    auto *scopeToolBar = addToolBar(tr("Scope"));
    scopeToolBar->setObjectName(QStringLiteral("ScopeToolBar"));
    scopeToolBar->setMovable(false);
    m_scopeBar = new ScopeBar(m_session, m_scope, scopeToolBar);
    scopeToolBar->addWidget(m_scopeBar);
    connect(m_scopeBar, &ScopeBar::statusMessage, this,
            [this](const QString &m) { showStatus(m); });

    connect(m_session, &BookSession::loaded, this, &MainWindow::onLoaded);
    connect(m_session, &BookSession::loadFailed, this,
            [this](const QString &path, const QString &message) {
                updateTitleAndStatus();
                showError(tr("Cannot Open Book"), message);
                Q_UNUSED(path);
            });
    connect(m_session, &BookSession::loadCancelled, this, [this](const QString &path) {
        updateTitleAndStatus();
        showStatus(tr("Opening %1 was cancelled.").arg(QFileInfo(path).fileName()));
    });
    connect(m_session, &BookSession::loadingStarted, this, [this](const QString &path) {
        updateTitleAndStatus();
        if (!m_session->isReloading())
            showStatus(tr("Opening %1…").arg(QFileInfo(path).fileName()), 0);
    });
    connect(m_session, &BookSession::loadProgress, this, &MainWindow::showProgress);
    connect(m_session, &BookSession::errorOccurred, this,
            [this](const QString &message) { showStatus(message, 10000); });
    connect(m_recent, &RecentBooks::changed, this, [this] { m_recent->fillMenu(m_recentMenu); });
    connect(m_recent, &RecentBooks::openRequested, this,
            [this](const QString &path) { openBook(path); });

    updateTitleAndStatus();
    showPage(0);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::onLoaded()
{
    m_banner->setCurrentBook(m_session->path()); // a message about another book goes
    // The scope follows the session by itself (ScopeState::follow).
    if (!m_session->isOpen()) { // closed
        updateTitleAndStatus();
        return;
    }
    if (m_session->wasReloaded()) {
        // After an import, its undo or redo: the same book, so the message about what happened
        // stays.
        const QString message = statusBar()->currentMessage();
        updateTitleAndStatus();
        if (!message.isEmpty())
            showStatus(message);
        return;
    }
    updateTitleAndStatus();
    updateReadOnlyBanner();
    if (m_interactive) // screenshots and tests leave the user's list alone
        m_recent->add(m_session->path());
    showStatus(tr("Opened %1.").arg(QFileInfo(m_session->path()).fileName()));
}

void MainWindow::createPages()
{
    m_banner = new InfoBanner(this);
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("Navigation"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_navigation->setAccessibleName(tr("Pages"));
    updateNavigationColors();
    m_stack = new QStackedWidget(this);

    // One set of pipeline-health figures for the scope, for the pages that show them.
    auto *health = new HealthState(m_session, m_scope, this);
    m_pages = { new AccountsPage(m_session, m_scope, m_accountSelection, m_stack),
                new OpportunitiesPage(m_session, m_scope, m_stack),
                new RepsPage(m_session, m_scope, m_stack),
                new RoiPage(m_session, m_scope, m_accountSelection, m_stack),
                new HealthPage(m_session, health, m_stack) };
    auto *funnel = new FunnelPage(m_session, m_scope, health, m_stack);
    m_pages << funnel << new ReviewPage(m_session, m_scope, health, funnel->state(), m_stack)
            << new TerritoriesPage(m_session, m_scope, m_stack);
    for (Page *page : std::as_const(m_pages)) {
        m_stack->addWidget(page);
        auto *item = new QListWidgetItem(page->icon(), page->title(), m_navigation);
        item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() + 18));
        item->setToolTip(page->title());
        connect(page, &Page::statusMessage, this, [this](const QString &m) { showStatus(m); });
    }
    // Only the page shown has its figures evaluated after an edit; the others when shown.
    const auto tellCurrent = [this] {
        for (Page *page : std::as_const(m_pages))
            page->setCurrent(page == m_stack->currentWidget());
    };
    connect(m_stack, &QStackedWidget::currentChanged, this, tellCurrent);
    tellCurrent();
    int widest = 0;
    for (Page *page : std::as_const(m_pages))
        widest = std::max(widest, m_navigation->fontMetrics().horizontalAdvance(page->title()));
    // Wide enough for the titles, and narrower (icons and "Pipeline…") when the window is small.
    const int comfortable = widest + 24 + 48;
    m_navigation->setTextElideMode(Qt::ElideRight);
    m_navigation->setMinimumWidth(24 + 24 + m_navigation->fontMetrics().averageCharWidth() * 4);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("MainSplitter"));
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({ comfortable, 1000 });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        if (m_pageGroup && row < m_pageGroup->actions().size())
            m_pageGroup->actions().at(row)->setChecked(true);
        updateEditMenu();
    });
}

void MainWindow::setInteractive(bool interactive)
{
    m_interactive = interactive;
    m_import->setInteractive(interactive);
}

void MainWindow::createActions()
{
    m_import = new ImportActions(m_session, this);
    connect(m_import, &ImportActions::statusMessage, this,
            [this](const QString &message) { showStatus(message); });
    auto *drops = new CsvDropHandler(this);
    connect(drops, &CsvDropHandler::fileDropped, m_import,
            [this](const QString &path) { m_import->openWizard(path); });

    m_book = new BookActions(m_session, this);
    connect(m_book, &BookActions::openRequested, this, [this](const QString &p) { openBook(p); });
    connect(m_book, &BookActions::createRequested, this,
            [this](const QString &p) { createBook(p); });
    connect(m_book, &BookActions::statusMessage, this, [this](const QString &m) { showStatus(m); });
    connect(m_book, &BookActions::errorMessage, this, &MainWindow::showError);

    m_undo = new UndoActions(m_session->undoStack(), this);
    m_undo->setUndoCheck([this] { return m_import->confirmUndo(); });
    m_undo->setBackgroundStep([this](bool redo) { return m_import->startStep(redo); });
    m_session->setUndoActions({ m_undo->undoAction(), m_undo->redoAction() });
    connect(m_undo, &UndoActions::statusMessage, this, [this](const QString &m) { showStatus(m); });
    // An import's undo or redo runs in the background: the status bar says so until it is done.
    ImportStep *step = m_import->step();
    connect(step, &ImportStep::started, this, [this, step] {
        m_undo->setPaused(step->text());
        updateProgress();
        showStatus(step->text(), 0);
    });
    connect(step, &ImportStep::progress, this, &MainWindow::showProgress);
    connect(step, &ImportStep::finished, this, [this] {
        m_undo->setPaused({});
        updateProgress();
    });
    // A passing message (an edit refused while the step runs) gives way to the step's again.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this, step](const QString &message) {
        if (message.isEmpty() && step->isRunning())
            statusBar()->showMessage(step->text());
    });

    m_publishMoves = new QAction(tr("Publish &Moves…"), this);
    m_publishMoves->setStatusTip(
            tr("Write the accounts moved in the book as owner changes for the CRM's import"));
    connect(m_publishMoves, &QAction::triggered, this, &MainWindow::publishMoves);

    m_findAction = new QAction(themeIcon(QStringLiteral("edit-find")), tr("&Find"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Search the current page"));
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (Page *page = currentPage())
            page->focusSearch();
    });

    m_pageGroup = new QActionGroup(this);
    const Page::FileActions files{ m_import->importAction(), m_book->openAction(),
                                   m_book->newAction() };
    for (int i = 0; i < m_pages.size(); ++i) {
        m_pages[i]->setFileActions(files);
        // "Reps & quotas": an ampersand in a menu is a mnemonic unless doubled.
        QAction *action = m_pageGroup->addAction(m_pages[i]->icon(),
                                                 UndoActions::menuText(m_pages[i]->title()));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { showPage(i); });
    }
    addActions({ m_undo->undoAction(), m_undo->redoAction(), m_findAction });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_book->newAction());
    file->addAction(m_book->openAction());
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recent->fillMenu(m_recentMenu);
    file->addSeparator();
    file->addAction(m_import->importAction());
    file->addAction(m_import->undoImportAction());
    file->addSeparator();
    if (auto *review = qobject_cast<ReviewPage *>(page(QStringLiteral("review"))))
        file->addAction(review->exportPackAction());
    file->addAction(m_publishMoves);
    file->addSeparator();
    file->addAction(m_book->saveCopyAction());
    file->addAction(m_book->closeAction());
    file->addSeparator();
    file->addAction(m_book->quitAction());

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addAction(m_undo->undoAction());
    m_editMenu->addAction(m_undo->redoAction());
    m_pageActionsSeparator = m_editMenu->addSeparator();
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_findAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_pageGroup->actions());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction =
            help->addAction(themeIcon(QStringLiteral("help-about")), tr("&About Territory Planner"),
                            this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar()
{
    m_bookLabel = new QLabel(this);
    m_countsLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setObjectName(QStringLiteral("StatusCancel"));
    m_cancelButton->setText(tr("Cancel"));
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        if (m_import->step()->isRunning())
            m_import->step()->cancel();
        else
            m_session->cancelLoading();
        updateProgress();
    });
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_bookLabel);
    m_progress->hide();
    m_cancelButton->hide();
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

Page *MainWindow::page(const QString &key) const
{
    for (Page *p : m_pages)
        if (p->key() == key)
            return p;
    return nullptr;
}

TablePage *MainWindow::tablePage(const QString &key) const
{
    return qobject_cast<TablePage *>(page(key));
}

QAction *MainWindow::undoAction() const
{
    return m_undo->undoAction();
}

QAction *MainWindow::redoAction() const
{
    return m_undo->redoAction();
}

QList<QAction *> MainWindow::pageSwitchActions() const
{
    return m_pageGroup->actions();
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    m_navigation->setCurrentRow(index);
    m_stack->setCurrentIndex(index);
    m_pageGroup->actions().at(index)->setChecked(true);
    updateEditMenu();
}

void MainWindow::updateEditMenu()
{
    // The Edit menu shows the current page's actions between Undo/Redo and Find.
    for (QAction *action : std::as_const(m_editMenuPageActions))
        m_editMenu->removeAction(action);
    m_editMenuPageActions.clear();
    if (Page *page = currentPage()) {
        const QList<QAction *> actions = page->pageActions();
        const QList<QAction *> all = m_editMenu->actions();
        const int at = int(all.indexOf(m_pageActionsSeparator));
        QAction *before = at + 1 < all.size() ? all.at(at + 1) : nullptr;
        m_editMenu->insertActions(before, actions);
        m_editMenuPageActions = actions;
    }
}

void MainWindow::publishMoves()
{
    if (!m_session->isOpen())
        return;
    auto *dialog = new PublishMovesDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PublishMovesDialog::statusMessage, this,
            [this](const QString &m) { showStatus(m); });
    dialog->open(); // window-modal, without a nested event loop
}

void MainWindow::updateTitleAndStatus()
{
    const bool open = m_session->isOpen();
    const QString file = open ? QFileInfo(m_session->path()).fileName() : QString();
    const QString name = open && m_session->isReadOnly() ? tr("%1 (read-only)").arg(file) : file;
    setWindowTitle(open ? name : tr("Territory Planner"));
    setWindowFilePath(open ? m_session->path() : QString());
    m_publishMoves->setEnabled(open);
    m_bookLabel->setText(name);
    m_bookLabel->setToolTip(open ? QDir::toNativeSeparators(m_session->path()) : QString());
    m_countsLabel->setText(
            open ? tr("%Ln accounts", nullptr, m_session->accountCount()) + QStringLiteral(" · ")
                            + tr("%Ln opportunities", nullptr, m_session->opportunityCount())
                 : QString());
    updateProgress();
    if (!m_session->isLoading())
        statusBar()->clearMessage();
}

void MainWindow::updateProgress()
{
    // A book opening, or an import's undo or redo (ImportStep).
    const ImportStep *step = m_import->step();
    const bool loading = m_session->isLoading();
    m_progress->setVisible(loading || step->isRunning());
    if (loading || step->isRunning())
        m_progress->setRange(0, 0); // busy until the first progress comes
    // A reload after an import is not for cancelling: the tables would stay out of date.
    m_cancelButton->setVisible(step->isRunning() ? step->canCancel()
                                                 : loading && !m_session->isReloading());
    m_cancelButton->setToolTip(step->isRunning()
                                       ? tr("Stop importing the file again; the book stays as "
                                            "it is")
                                       : tr("Stop opening the book; the current one stays open"));
}

void MainWindow::showProgress(qint64 done, qint64 total)
{
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
}

void MainWindow::updateReadOnlyBanner()
{
    const QString topic = QStringLiteral("readOnly");
    const QString path = m_session->path();
    if (!m_session->isReadOnly()) {
        m_banner->removeMessage(path, topic); // writable again
        return;
    }
    m_banner->showMessage(
            tr("%1 is open read-only: %2. You can look at everything and export, but edits and "
               "imports are off. To work on it, save a copy in a writable folder (File ▸ Save "
               "Copy As…) and open the copy, or make the file and its folder writable and open "
               "it again.")
                    .arg(QFileInfo(path).fileName(), Book::readOnlyReason(path)),
            path, topic);
}

void MainWindow::showStatus(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    if (m_interactive) {
        QMessageBox::warning(this, title, message);
    } else {
        showStatus(message, 10000);
        std::fprintf(stderr, "%s\n", qUtf8Printable(message));
    }
}

bool MainWindow::openBook(const QString &path, QString *error)
{
    QString message;
    if (m_session->openBook(path, &message))
        return true;
    if (!QFileInfo::exists(path))
        m_recent->remove(path);
    showError(tr("Cannot Open Book"), message);
    if (error)
        *error = message;
    return false;
}

bool MainWindow::createBook(const QString &path, QString *error)
{
    QString message;
    if (m_session->createBook(path, &message))
        return true;
    showError(tr("Cannot Create Book"), message);
    if (error)
        *error = message;
    return false;
}

void MainWindow::about()
{
    QMessageBox::about(
            this, tr("About Territory Planner"),
            tr("<h3>Territory Planner %1</h3>"
               "<p>Plan a B2B sales book of accounts: where to spend scarce selling time for the "
               "best return, and what is real in a pipeline.</p>"
               "<p>Local-first: each book is one file on your computer, and nothing is sent "
               "anywhere.</p>")
                    .arg(QStringLiteral(TP_VERSION)));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    const QByteArray splitter = settings.value(QStringLiteral("splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    showPage(settings.value(QStringLiteral("page"), 0).toInt());
    settings.endGroup();
    for (Page *page : std::as_const(m_pages))
        page->restoreState(
                settings.value(QStringLiteral("pages/%1/header").arg(page->key())).toByteArray());
    m_settingsRestored = true;
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("page"), m_stack->currentIndex());
    settings.endGroup();
    for (Page *page : m_pages)
        settings.setValue(QStringLiteral("pages/%1/header").arg(page->key()), page->saveState());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    const bool paletteChanged = event->type() == QEvent::PaletteChange
            || event->type() == QEvent::ApplicationPaletteChange;
    if (paletteChanged && m_navigation)
        updateNavigationColors();
}

void MainWindow::updateNavigationColors()
{
    // The current page is a tint of the highlight, not the full colour: the coloured page
    // icons stay clear on it, light or dark.
    const QPalette app = QApplication::palette();
    const QColor tint = theme::blend(app.color(QPalette::Base), app.color(QPalette::Highlight),
                                     theme::isDark(app) ? 0.35 : 0.22);
    QPalette p = m_navigation->palette();
    for (const QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive }) {
        p.setColor(group, QPalette::Highlight, tint);
        p.setColor(group, QPalette::HighlightedText, app.color(group, QPalette::Text));
    }
    m_navigation->setPalette(p);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settingsRestored)
        saveSettings();
    m_session->cancelLoading();
    event->accept();
}

} // namespace tp::ui
