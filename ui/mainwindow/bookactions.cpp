#include "bookactions.h"

#include "session/booksession.h"
#include "style/icons.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QWidget>

namespace tp::ui {

namespace {

QString bookFilter()
{
    return BookActions::tr("Territory Planner books (*.tpbook);;All files (*)");
}

QString withBookSuffix(QString path)
{
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".tpbook");
    return path;
}

} // namespace

BookActions::BookActions(BookSession *session, QWidget *window)
    : QObject(window),
      m_session(session),
      m_window(window),
      m_new(new QAction(themeIcon(QStringLiteral("document-new")), tr("&New Book…"), this)),
      m_open(new QAction(themeIcon(QStringLiteral("document-open")), tr("&Open…"), this)),
      m_close(new QAction(themeIcon(QStringLiteral("document-close")), tr("&Close Book"), this)),
      m_saveCopy(new QAction(themeIcon(QStringLiteral("document-save-as")), tr("Save &Copy As…"),
                             this)),
      m_quit(new QAction(themeIcon(QStringLiteral("application-exit")), tr("&Quit"), this))
{
    m_new->setShortcut(QKeySequence::New);
    m_new->setStatusTip(tr("Create a new, empty book"));
    connect(m_new, &QAction::triggered, this, &BookActions::newBook);

    m_open->setShortcut(QKeySequence::Open);
    m_open->setStatusTip(tr("Open a book"));
    connect(m_open, &QAction::triggered, this, &BookActions::openBookDialog);

    // Ctrl+W (Ctrl+F4 on Windows too): nothing else in the window takes it.
    m_close->setShortcut(QKeySequence::Close);
    m_close->setStatusTip(tr("Close the book; every change is in it already"));
    connect(m_close, &QAction::triggered, this, &BookActions::closeBook);

    m_saveCopy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveCopy->setStatusTip(tr("Write a copy of the whole book to another file"));
    connect(m_saveCopy, &QAction::triggered, this, &BookActions::saveCopyDialog);

    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, window, &QWidget::close);

    connect(session, &BookSession::loaded, this, &BookActions::updateActions);
    connect(session, &BookSession::loadingStarted, this, &BookActions::updateActions);
    connect(session, &BookSession::loadFailed, this, &BookActions::updateActions);
    connect(session, &BookSession::loadCancelled, this, &BookActions::updateActions);
    updateActions();
}

void BookActions::updateActions()
{
    const bool open = m_session->isOpen();
    m_saveCopy->setEnabled(open);
    m_close->setEnabled(open || m_session->isLoading());
}

void BookActions::closeBook()
{
    if (!m_session->isOpen() && !m_session->isLoading())
        return;
    const QString name =
            QFileInfo(m_session->isOpen() ? m_session->path() : m_session->loadingPath())
                    .fileName();
    m_session->closeBook();
    emit statusMessage(tr("Closed %1.").arg(name));
}

void BookActions::newBook()
{
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            + QStringLiteral("/") + tr("Untitled") + QStringLiteral(".tpbook");
    const QString path =
            QFileDialog::getSaveFileName(m_window, tr("New Book"), start, bookFilter());
    if (!path.isEmpty())
        emit createRequested(withBookSuffix(path));
}

void BookActions::openBookDialog()
{
    const QString start = m_session->isOpen()
            ? QFileInfo(m_session->path()).absolutePath()
            : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
            QFileDialog::getOpenFileName(m_window, tr("Open Book"), start, bookFilter());
    if (!path.isEmpty())
        emit openRequested(path);
}

void BookActions::saveCopyDialog()
{
    if (!m_session->isOpen())
        return;
    const QFileInfo current(m_session->path());
    const QString start = current.absolutePath() + QLatin1Char('/')
            + tr("%1 copy").arg(current.completeBaseName()) + QStringLiteral(".tpbook");
    const QString chosen =
            QFileDialog::getSaveFileName(m_window, tr("Save Copy As"), start, bookFilter());
    if (chosen.isEmpty())
        return;
    const QString path = withBookSuffix(chosen);
    QString error;
    if (m_session->saveCopyAs(path, &error))
        emit statusMessage(tr("Saved a copy as %1.").arg(QFileInfo(path).fileName()));
    else
        emit errorMessage(tr("Cannot Save Copy"), error);
}

} // namespace tp::ui
