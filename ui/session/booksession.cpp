#include "booksession.h"

#include "commands/editcommand.h"
#include "domain/errors.h"
#include "edits/bookeditor.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>

#include <atomic>

namespace tp::ui {

// One load of a book's view on a worker thread. The session keeps the newest job; an older
// job that finishes after a newer one started is dropped.
struct BookSession::LoadJob
{
    QString path;
    std::unique_ptr<Book> book; // opened on the GUI thread; used there once loaded; null: reload
    std::unique_ptr<BookView> view;
    QString error;
    std::atomic<bool> cancel{ false };
};

namespace {

const BookSettings &defaultSettings()
{
    static const BookSettings settings;
    return settings;
}

} // namespace

BookSession::BookSession(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this)) { }

BookSession::~BookSession()
{
    // The worker only touches its job; stop it and wait so nothing outlives the session.
    if (m_job)
        m_job->cancel = true;
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
    m_undoStack->clear(); // commands refer to the book: delete them first
}

QString BookSession::loadingPath() const
{
    return m_job ? m_job->path : QString();
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
    } catch (const BookError &e) {
        if (error)
            *error = e.message();
    } catch (const sql::Error &e) {
        if (error)
            *error = Book::explain(absolute, e).message();
    } catch (const std::exception &e) {
        if (error)
            *error = tr("%1 cannot be opened: %2")
                             .arg(QFileInfo(path).fileName(), QString::fromLocal8Bit(e.what()));
    }
    return false;
}

bool BookSession::createBook(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    try {
        return startLoading(Book::create(absolute), absolute);
    } catch (const BookError &e) {
        if (error)
            *error = e.message();
    } catch (const std::exception &e) {
        if (error)
            *error = tr("Cannot create %1: %2")
                             .arg(QFileInfo(path).fileName(), QString::fromLocal8Bit(e.what()));
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
    } catch (const BookError &e) {
        if (error)
            *error = e.message();
    } catch (const sql::Error &e) {
        if (error)
            *error = Book::explain(path, e).message();
    }
    return false;
}

void BookSession::closeBook()
{
    if (m_job) {
        m_job->cancel = true;
        const QString path = m_job->path;
        m_job.reset(); // its end is ignored (finishLoading)
        emit loadCancelled(path);
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
    if (m_job)
        m_job->cancel = true; // the newest request wins

    auto job = std::make_shared<LoadJob>();
    job->path = path;
    job->book = std::move(book);
    m_job = job;

    // The worker reads through its own connection (loadBookView opens one) and reports
    // progress through queued calls; the session outlives it (the destructor waits).
    QThread *thread = QThread::create([this, job] {
        try {
            job->view = loadBookView(job->path, [this, job](qint64 done, qint64 total) {
                if (job->cancel)
                    return false;
                QMetaObject::invokeMethod(
                        this,
                        [this, job, done, total] {
                            if (m_job == job)
                                emit loadProgress(done, total);
                        },
                        Qt::QueuedConnection);
                return true;
            });
        } catch (const BookError &e) {
            job->error = e.message();
        } catch (const sql::Error &e) {
            job->error = Book::explain(job->path, e).message();
        } catch (const std::exception &e) {
            job->error =
                    tr("%1 cannot be read: %2")
                            .arg(QFileInfo(job->path).fileName(), QString::fromLocal8Bit(e.what()));
        }
    });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, job] {
        m_threads.removeOne(thread);
        thread->deleteLater();
        finishLoading(job);
    });
    emit loadingStarted(path);
    thread->start();
    return true;
}

void BookSession::finishLoading(const std::shared_ptr<LoadJob> &job)
{
    if (m_job != job)
        return; // superseded by a newer open
    m_job.reset();
    if (job->cancel || (!job->view && job->error.isEmpty())) {
        emit loadCancelled(job->path);
        return;
    }
    if (!job->view) {
        emit loadFailed(job->path, job->error);
        return;
    }
    m_reloaded = !job->book;
    carryIndexes(m_reloaded ? m_view.get() : nullptr, *job->view);
    emit aboutToSwitchBook();
    if (!m_reloaded) {
        m_undoStack->clear(); // its commands belong to the previous book
        m_book = std::move(job->book);
    }
    m_view = std::move(job->view);
    m_path = job->path;
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

bool BookSession::isReadOnly() const
{
    return m_book && m_book->isReadOnly();
}

bool BookSession::isReloading() const
{
    return m_job && !m_job->book;
}

bool BookSession::reloadView()
{
    if (!m_book)
        return false;
    if (m_job && m_job->book)
        return true; // another book is opening: it replaces this one anyway
    return startLoading(nullptr, m_path);
}

void BookSession::cancelLoading()
{
    if (m_job)
        m_job->cancel = true;
}

bool BookSession::waitUntilLoaded(int timeoutMs)
{
    if (!m_job)
        return isOpen();
    QEventLoop loop;
    const auto quit = [&loop] { loop.quit(); };
    const auto c1 = connect(this, &BookSession::loaded, &loop, quit);
    const auto c2 = connect(this, &BookSession::loadFailed, &loop, quit);
    const auto c3 = connect(this, &BookSession::loadCancelled, &loop, quit);
    QTimer::singleShot(timeoutMs, &loop, quit);
    if (m_job)
        loop.exec();
    disconnect(c1);
    disconnect(c2);
    disconnect(c3);
    return !m_job && isOpen();
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
    try {
        work(*m_book);
        return true;
    } catch (const InputError &e) {
        reportError(e.message());
    } catch (const BookError &e) {
        reportError(e.message());
    } catch (const sql::Error &e) {
        reportError(Book::explain(m_path, e).message());
    } catch (const std::exception &e) {
        reportError(tr("The book was not changed: %1").arg(QString::fromLocal8Bit(e.what())));
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
        connect(m_checkpointTimer, &QTimer::timeout, this, [this] {
            if (!m_book || m_book->isReadOnly())
                return;
            QThreadPool::globalInstance()->start([path = m_path] { Book::checkpoint(path); });
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
