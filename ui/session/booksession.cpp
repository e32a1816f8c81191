#include "booksession.h"

#include "commands/accountcommand.h"
#include "commands/importcommand.h"
#include "commands/opportunitycommand.h"
#include "commands/repcommands.h"
#include "domain/dates.h"
#include "models/formatter.h"
#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/errors.h"
#include "storage/reps.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QThread>
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

bool sameEditableFields(const Opportunity &a, const Opportunity &b)
{
    return a.ownerId == b.ownerId && a.amount == b.amount && a.stage == b.stage
            && a.status == b.status && a.probabilityOverride == b.probabilityOverride
            && a.closeDate == b.closeDate && a.closedDate == b.closedDate
            && a.stageEntered == b.stageEntered && a.nextActivity == b.nextActivity
            && a.nextStep == b.nextStep && a.lostReason == b.lostReason;
}

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

// --- Edits -------------------------------------------------------------------------------------

QString BookSession::repName(std::optional<Id> rep) const
{
    if (!rep)
        return tr("Unassigned");
    const int index = m_view ? m_view->repIndex(*rep) : -1;
    return index >= 0 ? m_view->reps[std::size_t(index)].name : tr("Unknown rep");
}

bool BookSession::editOpportunity(const std::function<OpportunityChange(Book &)> &edit,
                                  const std::function<QString(const Opportunity &)> &describe)
{
    // The first write happens here rather than in the command's first redo(): a refused value
    // then never reaches the undo stack (and never discards its redo history).
    OpportunityChange change;
    if (!runGuarded([&](Book &book) { change = edit(book); }))
        return false;
    if (sameEditableFields(change.before, change.after) && change.stageRows.empty()
        && change.closeDateRows.empty())
        return true; // nothing changed: nothing to undo
    const QString text = describe(change.after);
    m_undoStack->push(new OpportunityCommand(this, std::move(change), text));
    return true;
}

bool BookSession::setOpportunityStage(Id opportunity, Stage stage)
{
    return editOpportunity(
            [&](Book &book) {
                return OpportunityRepository(book).setStage(opportunity, stage,
                                                            QDate::currentDate());
            },
            [&](const Opportunity &o) {
                return tr("Set stage of “%1” to %2").arg(o.name, stageName(stage));
            });
}

bool BookSession::setOpportunityAmount(Id opportunity, Minor amount)
{
    return editOpportunity(
            [&](Book &book) { return OpportunityRepository(book).setAmount(opportunity, amount); },
            [&](const Opportunity &o) { return tr("Change amount of “%1”").arg(o.name); });
}

bool BookSession::setOpportunityCloseDate(Id opportunity, const QDate &date)
{
    return editOpportunity(
            [&](Book &book) {
                return OpportunityRepository(book).setCloseDate(opportunity, date,
                                                                QDate::currentDate());
            },
            [&](const Opportunity &o) {
                return tr("Move expected close of “%1” to %2").arg(o.name, Formatter().date(date));
            });
}

bool BookSession::setOpportunityProbability(Id opportunity, std::optional<BasisPoints> probability)
{
    return editOpportunity(
            [&](Book &book) {
                return OpportunityRepository(book).setProbabilityOverride(opportunity, probability);
            },
            [&](const Opportunity &o) {
                return probability ? tr("Set probability of “%1”").arg(o.name)
                                   : tr("Clear probability override of “%1”").arg(o.name);
            });
}

bool BookSession::setOpportunityOwner(Id opportunity, std::optional<Id> owner)
{
    return editOpportunity(
            [&](Book &book) { return OpportunityRepository(book).setOwner(opportunity, owner); },
            [&](const Opportunity &o) {
                return tr("Assign “%1” to %2").arg(o.name, repName(owner));
            });
}

bool BookSession::setAccountPotential(Id account, std::optional<Minor> potential)
{
    AccountChange change;
    if (!runGuarded([&](Book &book) {
            change = AccountRepository(book).setPotential(account, potential);
        }))
        return false;
    if (change.before.potential == change.after.potential)
        return true;
    const QString text = potential ? tr("Set revenue potential of “%1”").arg(change.after.name)
                                   : tr("Clear revenue potential of “%1”").arg(change.after.name);
    m_undoStack->push(new AccountCommand(this, std::move(change), text));
    return true;
}

bool BookSession::setAccountOwner(Id account, std::optional<Id> owner)
{
    AccountChange change;
    if (!runGuarded([&](Book &book) { change = AccountRepository(book).setOwner(account, owner); }))
        return false;
    if (change.before.ownerId == change.after.ownerId)
        return true;
    const QString text = tr("Assign account “%1” to %2").arg(change.after.name, repName(owner));
    m_undoStack->push(new AccountCommand(this, std::move(change), text));
    return true;
}

bool BookSession::setAccountTerritory(Id account, std::optional<Id> territory)
{
    AccountChange change;
    if (!runGuarded([&](Book &book) {
            change = AccountRepository(book).setTerritory(account, territory);
        }))
        return false;
    if (change.before.territoryId == change.after.territoryId
        && change.before.ownerId == change.after.ownerId)
        return true;
    QString territoryName;
    if (territory && m_view) {
        const int index = m_view->territoryIndex(*territory);
        if (index >= 0)
            territoryName = m_view->territories[std::size_t(index)].name;
    }
    const QString text = territory
            ? tr("Move account “%1” to territory %2").arg(change.after.name, territoryName)
            : tr("Take account “%1” out of its territory").arg(change.after.name);
    m_undoStack->push(new AccountCommand(this, std::move(change), text));
    return true;
}

bool BookSession::setRepCapacity(Id rep, std::optional<int> capacity)
{
    RepCapacityChange change{ rep, std::nullopt, capacity };
    if (!runGuarded([&](Book &book) {
            RepRepository reps(book);
            const auto before = reps.byId(rep);
            if (!before)
                throw InputError(tr("That rep does not exist."));
            change.before = before->capacity;
            reps.setCapacity(rep, capacity);
        }))
        return false;
    if (change.before == change.after)
        return true;
    const QString text = tr("Change capacity of %1").arg(repName(rep));
    m_undoStack->push(new RepCapacityCommand(this, change, text));
    return true;
}

bool BookSession::setQuota(Id rep, const QString &period, std::optional<Minor> amount)
{
    QuotaChange change{ rep, period, std::nullopt, amount };
    if (!runGuarded([&](Book &book) {
            RepRepository reps(book);
            if (!reps.byId(rep))
                throw InputError(tr("That rep does not exist."));
            change.before = reps.quota(rep, period);
            reps.setQuota(rep, period, amount);
        }))
        return false;
    if (change.before == change.after)
        return true;
    const QString text = tr("Change %1 quota of %2").arg(period, repName(rep));
    m_undoStack->push(new QuotaCommand(this, change, text));
    return true;
}

void BookSession::recordImport(const ImportRecord &record, ImportCommand::Steps steps)
{
    m_undoStack->push(new ImportCommand(record, std::move(steps)));
    reloadView();
}

void BookSession::beginEditGroup(const QString &text)
{
    m_undoStack->beginMacro(text);
}

void BookSession::endEditGroup()
{
    m_undoStack->endMacro();
}

// --- Reads -------------------------------------------------------------------------------------

std::optional<Minor> BookSession::quota(Id rep, const QString &period) const
{
    if (!m_book)
        return std::nullopt;
    try {
        return RepRepository(*m_book).quota(rep, period);
    } catch (const std::exception &) {
        return std::nullopt; // shown as "no quota"; a broken book reports itself on the next edit
    }
}

int BookSession::opportunityCount() const
{
    return m_view ? m_view->opportunities.size() : 0;
}

int BookSession::accountCount() const
{
    return m_view ? m_view->accounts.size() : 0;
}

// --- Keeping the view in line with the book -----------------------------------------------------

void BookSession::contributeToAccount(int row, int sign)
{
    auto &o = m_view->opportunities;
    const auto r = std::size_t(row);
    const int account = o.account[r];
    if (account < 0 || o.status[r] != std::uint8_t(Status::Open))
        return;
    auto &a = m_view->accounts;
    a.openCount[std::size_t(account)] += sign;
    if (o.currency[r] < o.currencies.size()
        && o.currencies.at(o.currency[r]) == m_view->settings.currency)
        a.openAmount[std::size_t(account)] += sign * o.amount[r];
}

void BookSession::applyOpportunity(const Opportunity &row)
{
    if (!m_view)
        return;
    const int r = m_view->opportunities.indexOf(row.id);
    if (r < 0)
        return;
    auto &o = m_view->opportunities;
    const auto i = std::size_t(r);
    // The account's open totals change with amount and status; patch them rather than summing a
    // million rows again (same result as BookView::recomputeAccountTotals).
    contributeToAccount(r, -1);
    o.owner[i] = row.ownerId ? m_view->repIndex(*row.ownerId) : -1;
    o.amount[i] = row.amount;
    o.stage[i] = std::uint8_t(row.stage);
    o.status[i] = std::uint8_t(row.status);
    o.override[i] = std::int16_t(row.probabilityOverride ? *row.probabilityOverride : -1);
    const auto closeDate = std::int32_t(dateToDay(row.closeDate));
    // Only a moved close date writes or takes back a push: count them again then.
    if (closeDate != o.closeDate[i] && m_book) {
        int pushes = o.pushes[i];
        runGuarded([&](Book &book) { pushes = OpportunityRepository(book).pushCount(row.id); });
        o.pushes[i] = std::uint8_t(std::min(pushes, 255));
    }
    o.closeDate[i] = closeDate;
    o.closedDate[i] = std::int32_t(dateToDay(row.closedDate));
    o.stageEntered[i] = std::int32_t(dateToDay(row.stageEntered));
    o.closedStage[i] = std::uint8_t(row.closedStage ? int(*row.closedStage) : 0);
    o.lastActivity[i] = std::int32_t(dateToDay(row.lastActivity));
    contributeToAccount(r, +1);
    emit opportunityChanged(row.id);
}

void BookSession::applyAccount(const Account &row)
{
    if (!m_view)
        return;
    const int r = m_view->accounts.indexOf(row.id);
    if (r < 0)
        return;
    auto &a = m_view->accounts;
    const auto i = std::size_t(r);
    a.owner[i] = row.ownerId ? m_view->repIndex(*row.ownerId) : -1;
    a.potential[i] = row.potential ? *row.potential : -1;
    a.territory[i] = row.territoryId ? m_view->territoryIndex(*row.territoryId) : -1;
    emit accountChanged(row.id);
}

void BookSession::applyRepCapacity(Id rep, std::optional<int> capacity)
{
    if (!m_view)
        return;
    const int index = m_view->repIndex(rep);
    if (index < 0)
        return;
    m_view->reps[std::size_t(index)].capacity = capacity;
    emit repChanged(rep);
}

void BookSession::applyQuota(Id rep, const QString &period)
{
    if (m_view) {
        const int index = m_view->repIndex(rep);
        if (index >= 0)
            m_view->setQuota(index, period, quota(rep, period));
    }
    emit quotaChanged(rep, period);
}

} // namespace tp::ui
