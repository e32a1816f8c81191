#pragma once

#include <QList>
#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace tp::ui {

class AccountSelection;
class BookActions;
class BookSession;
class ImportActions;
class InfoBanner;
class RecentBooks;
class ScopeBar;
class ScopeState;
class Page;
class TablePage;
class UndoActions;

// Composes the window: the page navigation and stack, the scope bar, menus and status bar.
// Pages own their tables and actions; the session owns the data and the undo stack.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    BookSession *session() const { return m_session; }
    ScopeState *scope() const { return m_scope; }
    AccountSelection *accountSelection() const { return m_accountSelection; }
    ScopeBar *scopeBar() const { return m_scopeBar; }
    InfoBanner *banner() const { return m_banner; }
    QList<Page *> pages() const { return m_pages; }
    Page *currentPage() const;
    Page *page(const QString &key) const;
    // The page of `key` when it is a table page, else null.
    TablePage *tablePage(const QString &key) const;
    void showPage(int index);

    // Starts opening a book. A file that is not a book, is corrupt or newer is refused with the
    // book's own message (a message box when interactive) and the current book stays.
    bool openBook(const QString &path, QString *error = nullptr);
    bool createBook(const QString &path, QString *error = nullptr);

    // Non-interactive windows (screenshots, tests) never open modal dialogs: messages go to
    // the status bar and stderr instead.
    void setInteractive(bool interactive);
    bool isInteractive() const { return m_interactive; }

    // Window geometry and state, splitter, last page and column layouts from QSettings.
    // Writing them back on close happens only after a restore.
    void restoreSettings();
    void saveSettings() const;

    QAction *undoAction() const;
    QAction *redoAction() const;
    QAction *findAction() const { return m_findAction; }
    // File ▸ Publish Moves…: opens a PublishMovesDialog (window-modal) on the open book.
    QAction *publishMovesAction() const { return m_publishMoves; }
    // File ▸ New Book…, Open…, Close Book, Save Copy As… and Quit.
    BookActions *bookActions() const { return m_book; }
    QList<QAction *> pageSwitchActions() const;
    RecentBooks *recentBooks() const { return m_recent; }
    // File ▸ Import CSV… and Undo Last Import, and the wizard they open (also on a dropped CSV).
    ImportActions *importActions() const { return m_import; }

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createPages();
    void createActions();
    void createMenus();
    void createStatusBar();
    void updateTitleAndStatus();
    void updateProgress();
    void showProgress(qint64 done, qint64 total);
    // The banner says why a read-only book cannot be changed, and what to do.
    void updateReadOnlyBanner();
    void updateEditMenu();
    void updateNavigationColors();
    void showError(const QString &title, const QString &message);
    void showStatus(const QString &message, int timeoutMs = 6000);
    void onLoaded();

    void about();
    void publishMoves();

    BookSession *m_session;
    ScopeState *m_scope;
    AccountSelection *m_accountSelection;
    ScopeBar *m_scopeBar = nullptr;
    InfoBanner *m_banner = nullptr;
    RecentBooks *m_recent;
    ImportActions *m_import = nullptr;
    BookActions *m_book = nullptr;
    UndoActions *m_undo = nullptr;
    QSplitter *m_splitter = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Page *> m_pages;

    QAction *m_findAction = nullptr;
    QAction *m_publishMoves = nullptr;
    QAction *m_pageActionsSeparator = nullptr;
    QActionGroup *m_pageGroup = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_editMenuPageActions;

    QLabel *m_bookLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;

    bool m_interactive = true;
    bool m_settingsRestored = false;
};

} // namespace tp::ui
