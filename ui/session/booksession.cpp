#include "booksession.h"

#include "commands/editcommand.h"
#include "edits/bookeditor.h"
#include "jobs/backgroundjob.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/usermessage.h"

#include <QAction>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QTimer>
#include <QUndoStack>

namespace tp::ui {

// What a load's job hands back: the view, or why there is none (neither: it was cancelled).
struct BookSession::LoadedView
{
    std::unique_ptr<BookView> view;
    QString error;
};

namespace {

const BookSettings &defaultSettings()
{
    static const BookSettings settings;
    return settings;
}

} // namespace

BookSession::BookSession(QObject *parent)
    : QObject(parent),
      m_undoStack(new QUndoStack(this)),
      m_loader(new BackgroundJob<LoadedView>(this)) // its end stops and waits for the load
{
    connect(m_loader, &BackgroundJobBase::progress, this, &BookSession::loadProgress);
    connect(m_loader, &BackgroundJobBase::finished, this, &BookSession::finishLoading);
}

BookSession::~BookSession()
{
    m_undoStack->clear(); // commands refer to the book: delete them first
}

bool BookSession::isLoading() const
{
    return m_loader->isRunning();
}

QString BookSession::loadingPath() const
{
    return isLoading() ? m_loadingPath : QString();
}

const BookSettings &BookSession::settings() const
{
    return m_view ? m_view->settings : defaultSettings();
}

bool BookSession::openBook(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    try {
        return startLoading(Book::openForReading(absolute), absolute);
    } catch (const std::exception &e) {
        if (error)
            *error = userMessage(e, absolute, BookTask::Open);
    }
    return false;
}

bool BookSession::createBook(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    try {
        return startLoading(Book::create(absolute), absolute);
    } catch (const std::exception &e) {
        if (error)
            *error = userMessage(e, absolute, BookTask::Create);
    }
    return false;
}

bool BookSession::saveCopyAs(const QString &path, QString *error)
{
    if (!m_book) {
        if (error)
            *error = tr("No book is open.");
        return false;
    }
    try {
        m_book->saveCopyAs(path);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = userMessage(e, path, BookTask::Create); // the copy is created
    }
    return false;
}

void BookSession::closeBook()
{
    if (isLoading()) {
        m_loader->discard(); // its end is never delivered
        m_opening.reset();
        emit loadCancelled(m_loadingPath);
    }
    if (!m_book && !m_view)
        return;
    m_repCarry.clear(); // indexes of a closed book mean nothing
    m_territoryCarry.clear();
    emit aboutToSwitchBook();
    m_undoStack->clear(); // its commands belong to the book
    m_view.reset();
    m_book.reset();
    m_path.clear();
    m_reloaded = false;
    emit loaded();
}

bool BookSession::startLoading(std::unique_ptr<Book> book, const QString &path)
{
    // The newest request wins: a load still going is cancelled and never delivered. The job
    // reads through its own connection (loadBookView opens one), never the book opened here.
    m_loadingPath = path;
    m_opening = std::move(book);
    m_loader->start([path](JobControl &control) {
        LoadedView result;
        try {
            result.view = loadBookView(path, [&control](qint64 done, qint64 total) {
                return control.progress(done, total);
            });
        } catch (const std::exception &e) {
            result.error = userMessage(e, path, BookTask::Read);
        }
        return result;
    });
    emit loadingStarted(path);
    return true;
}

void BookSession::finishLoading()
{
    std::unique_ptr<Book> book = std::move(m_opening);
    LoadedView result;
    if (m_loader->result())
        result = std::move(*m_loader->result());
    if (m_loader->isCanceled() || (!result.view && result.error.isEmpty())) {
        emit loadCancelled(m_loadingPath);
        return;
    }
    if (!result.view) {
        emit loadFailed(m_loadingPath, result.error);
        return;
    }
    m_reloaded = !book;
    carryIndexes(m_reloaded ? m_view.get() : nullptr, *result.view);
    emit aboutToSwitchBook();
    if (!m_reloaded) {
        m_undoStack->clear(); // its commands belong to the previous book
        m_book = std::move(book);
    }
    m_view = std::move(result.view);
    m_path = m_loadingPath;
    emit loaded();
}

void BookSession::carryIndexes(const BookView *previous, const BookView &next)
{
    m_repCarry.clear();
    m_territoryCarry.clear();
    if (!previous)
        return;
    QHash<Id, int> reps, territories;
    for (std::size_t i = 0; i < next.reps.size(); ++i)
        reps.insert(next.reps[i].id, int(i));
    for (std::size_t i = 0; i < next.territories.size(); ++i)
        territories.insert(next.territories[i].id, int(i));
    for (const RepRow &rep : previous->reps)
        m_repCarry.push_back(reps.value(rep.id, -1));
    for (const TerritoryRow &territory : previous->territories)
        m_territoryCarry.push_back(territories.value(territory.id, -1));
}

int BookSession::carriedRepIndex(int previous) const
{
    return previous >= 0 && previous < int(m_repCarry.size()) ? m_repCarry[std::size_t(previous)]
                                                              : -1;
}

int BookSession::carriedTerritoryIndex(int previous) const
{
    return previous >= 0 && previous < int(m_territoryCarry.size())
            ? m_territoryCarry[std::size_t(previous)]
            : -1;
}

QList<QAction *> BookSession::undoActions() const
{
    QList<QAction *> actions;
    for (const QPointer<QAction> &action : m_undoActions)
        if (action)
            actions.append(action);
    return actions;
}

void BookSession::setUndoActions(const QList<QAction *> &actions)
{
    m_undoActions.clear();
    for (QAction *action : actions)
        m_undoActions.append(action);
}

bool BookSession::isReadOnly() const
{
    return m_book && m_book->isReadOnly();
}

bool BookSession::isReloading() const
{
    return isLoading() && !m_opening;
}

bool BookSession::reloadView()
{
    if (!m_book)
        return false;
    if (isLoading() && m_opening)
        return true; // another book is opening: it replaces this one anyway
    return startLoading(nullptr, m_path);
}

void BookSession::cancelLoading()
{
    m_loader->cancel();
}

bool BookSession::waitUntilLoaded(int timeoutMs)
{
    return m_loader->waitForFinished(timeoutMs) && isOpen();
}

// --- Errors ------------------------------------------------------------------------------------

void BookSession::reportError(const QString &message)
{
    emit errorOccurred(message);
}

bool BookSession::runGuarded(const std::function<void(Book &)> &work)
{
    if (!m_book || !m_view) {
        reportError(tr("No book is open."));
        return false;
    }
    if (m_book->isReadOnly()) {
        reportError(tr("%1 is open read-only: its file or folder cannot be written, so it cannot "
                       "be changed. Save a copy in a writable folder (File ▸ Save Copy As…) to "
                       "work on it.")
                            .arg(QFileInfo(m_path).fileName()));
        return false;
    }
    if (!m_editsHeld.isEmpty()) {
        reportError(m_editsHeld);
        return false;
    }
    try {
        work(*m_book);
        return true;
    } catch (const std::exception &e) {
        reportError(userMessage(e, m_path));
    }
    return false;
}

// --- Edits ------------------------------------------------------------------------------------

QString BookSession::repName(std::optional<Id> rep) const
{
    if (!rep)
        return tr("Unassigned");
    const int index = m_view ? m_view->repIndex(*rep) : -1;
    return index >= 0 ? m_view->reps[std::size_t(index)].name : tr("Unknown rep");
}

bool BookSession::edit(const std::function<BookChange(BookEditor &)> &make)
{
    // Core writes the first time here rather than in the command's first redo(): a refused value
    // then never reaches the undo stack (and never discards its redo history).
    BookChange change;
    if (!runGuarded([&](Book &book) {
            book.deferCheckpoints();
            BookEditor editor(book);
            change = make(editor);
        }))
        return false;
    if (change.isEmpty())
        return true; // nothing changed: nothing to undo
    m_view->apply(change);
    emit changed(change);
    m_undoStack->push(new EditCommand(this, std::move(change)));
    scheduleCheckpoint();
    return true;
}

bool BookSession::applyChange(BookChange &change)
{
    if (!runGuarded([&](Book &book) {
            book.deferCheckpoints();
            BookEditor(book).write(change);
        }))
        return false;
    m_view->apply(change);
    emit changed(change);
    scheduleCheckpoint();
    return true;
}

void BookSession::scheduleCheckpoint()
{
    if (!m_checkpointTimer) {
        m_checkpointTimer = new QTimer(this);
        m_checkpointTimer->setSingleShot(true);
        m_checkpointTimer->setInterval(1500);
        m_checkpoint = new BackgroundJob<bool>(this);
        connect(m_checkpointTimer, &QTimer::timeout, this, [this] {
            if (!m_book || m_book->isReadOnly())
                return;
            m_checkpoint->start([path = m_path](JobControl &) { return Book::checkpoint(path); });
        });
    }
    m_checkpointTimer->start();
}

void BookSession::recordImport(QUndoCommand *import)
{
    m_undoStack->push(import);
    reloadView();
}

} // namespace tp::ui
