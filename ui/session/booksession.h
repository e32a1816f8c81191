#pragma once

#include "domain/bookchange.h"
#include "views/bookview.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QTimer;
class QUndoCommand;
class QUndoStack;

namespace tp {
class Book;
class BookEditor; // edits/bookeditor.h, where a page edits
class BookReader; // storage/bookreader.h, where a page reads what the view does not hold
} // namespace tp

namespace tp::ui {

template<typename Result>
class BackgroundJob;

// The open book: the one object through which data changes (Tiled's document). It owns the
// book, the in-memory BookView the tables show, and the undo stack; it knows no field of the
// book. Every edit is core's change record (docs/ARCHITECTURE.md, "The edit path"): one
// transaction, one undo command, one changed() signal, however many rows it touches.
//
// Opening checks the file on the calling (GUI) thread with Book::open, then loads the view on a
// background job (the newest open wins); the book shown so far stays until the new one is
// loaded, so a bad file or a cancelled load leaves it as it was.
class BookSession : public QObject
{
    Q_OBJECT

public:
    explicit BookSession(QObject *parent = nullptr);
    ~BookSession() override;

    // Starts opening `path`. False (with the user-facing reason in *error) when the file is not
    // a book, is corrupt, newer, locked or missing: nothing changed then.
    bool openBook(const QString &path, QString *error = nullptr);
    // Creates a new empty book at `path` and opens it.
    bool createBook(const QString &path, QString *error = nullptr);
    // Writes a consistent copy of the open book (Book::saveCopyAs).
    bool saveCopyAs(const QString &path, QString *error = nullptr);
    // Closes the open book (File ▸ Close Book): no book is open afterwards, its undo history is
    // gone and a book still opening is dropped. Every edit is written already: nothing to save.
    // aboutToSwitchBook() and loaded() tell the views, with isOpen() false.
    void closeBook();
    void cancelLoading();
    // Loads the view again from the open book, after an import or its undo wrote to it through
    // another connection. Unlike opening, the undo history stays. The current view stays shown
    // until the new one is in place (aboutToSwitchBook(), loaded()).
    bool reloadView();
    // Whether the last loaded() came from reloadView() rather than opening a book.
    bool wasReloaded() const { return m_reloaded; }
    // Where a rep or territory index of the view shown before the last loaded() is in the view
    // now: a reload may add or drop rows before it. -1 when it is gone, was -1, or when another
    // book was opened (indexes of another book mean nothing here).
    int carriedRepIndex(int previous) const;
    int carriedTerritoryIndex(int previous) const;
    // Spins the event loop until the pending load ends; true when a book is loaded then.
    bool waitUntilLoaded(int timeoutMs = 60000);

    bool isOpen() const { return m_book && m_view; }
    // The book's file or folder cannot be written: it is shown, and every edit is refused with
    // that reason (Book::openForReading).
    bool isReadOnly() const;
    // While a background step writes to the book on its own connection (an import's undo or
    // redo), edits wait: each is refused with `reason` until holdEdits({}) lets them in again.
    void holdEdits(const QString &reason) { m_editsHeld = reason; }
    bool isLoading() const;
    bool isReloading() const;
    QString path() const { return m_path; }
    QString loadingPath() const;
    // The data the tables show; null until a book is loaded. Changes only through this session.
    const BookView *view() const { return m_view.get(); }
    const BookSettings &settings() const;
    QUndoStack *undoStack() const { return m_undoStack; }
    // The window's Edit ▸ Undo and Redo, for a modal dialog that edits the book to add to itself
    // so that their shortcuts work there too (empty without a window).
    QList<QAction *> undoActions() const;
    void setUndoActions(const QList<QAction *> &actions);

    // Edits (docs/ARCHITECTURE.md, "The edit path"): core's BookEditor works out the change and
    // writes it in one transaction, however many rows it touches; the session brings the view in
    // line with it (BookView::apply), says so once (changed()) and pushes one EditCommand. False
    // when the book refuses the value: errorOccurred() carries the reason and nothing changed. A
    // change that changes nothing is not pushed. For example:
    //     session->edit(&BookEditor::setAmount, deal, amount);
    bool edit(const std::function<BookChange(BookEditor &)> &make);
    template<typename... Params, typename... Args>
    bool edit(BookChange (BookEditor::*function)(Params...), Args &&...args)
    {
        return edit([&](BookEditor &editor) {
            return (editor.*function)(std::forward<Args>(args)...);
        });
    }
    // For EditCommand: writes a change again (redo) or its inverse (undo) and applies it.
    bool applyChange(BookChange &change);

    // A committed CSV import becomes one undo step (an ImportCommand, which this takes), and the
    // view is reloaded to show it.
    void recordImport(QUndoCommand *import);

    // Reads of what the view does not hold, through core (nothing when no book is open).
    std::optional<BookReader> reader() const;
    int opportunityCount() const;
    int accountCount() const;

    // Reports a refused input from a model, delegate or dialog like a refused edit.
    void reportError(const QString &message);

    // The name of a rep by id ("Unassigned" for nobody), for texts.
    QString repName(std::optional<Id> rep) const;

signals:
    void loadingStarted(const QString &path);
    void loadProgress(qint64 done, qint64 total);
    void loadFailed(const QString &path, const QString &message);
    void loadCancelled(const QString &path);
    // The book and view are about to be replaced: models begin their reset.
    void aboutToSwitchBook();
    // A (new) book and its view are in place, or the book was closed (isOpen() false then):
    // models end their reset.
    void loaded();

    // An edit, its undo or its redo changed the book and the view: what changed, in which rows
    // and columns (BookChange::aspects(), opportunityIds(), opportunityFields()...). One signal
    // per edit, however many rows it touched.
    void changed(const tp::BookChange &change);
    void errorOccurred(const QString &message);

private:
    struct LoadedView;

    // Runs a core call on the open book, turning its exceptions into errorOccurred().
    bool runGuarded(const std::function<void(Book &)> &work);
    // Edits leave their pages in the book's log; once the user pauses, a background job copies
    // them into the book (Book::checkpoint), so that no edit waits for it.
    void scheduleCheckpoint();
    QTimer *m_checkpointTimer = nullptr;
    BackgroundJob<bool> *m_checkpoint = nullptr; // waited for when the session goes

    // A null book reloads the view of the open one.
    bool startLoading(std::unique_ptr<Book> book, const QString &path);
    void finishLoading();
    // Fills the carried indexes from `previous` (null: another book) to `next`.
    void carryIndexes(const BookView *previous, const BookView &next);

    std::unique_ptr<Book> m_book;
    std::unique_ptr<BookView> m_view;
    QString m_path;
    QUndoStack *m_undoStack;
    QList<QPointer<QAction>> m_undoActions;
    BackgroundJob<LoadedView> *m_loader;
    QString m_loadingPath; // of the newest load
    std::unique_ptr<Book> m_opening; // the book it opens; null: a reload of the open one
    bool m_reloaded = false;
    QString m_editsHeld; // why edits wait (holdEdits())
    std::vector<int> m_repCarry, m_territoryCarry; // old index → new index, after a reload
};

} // namespace tp::ui
