#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace tp::ui {

class BookSession;

// The File menu's book actions and their dialogs: New Book…, Open…, Close Book, Save Copy As…
// and Quit, enabled as the open book allows. Opening and creating go through the window
// (openRequested, createRequested), which reports what fails.
class BookActions : public QObject
{
    Q_OBJECT

public:
    BookActions(BookSession *session, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *closeAction() const { return m_close; }
    QAction *saveCopyAction() const { return m_saveCopy; }
    QAction *quitAction() const { return m_quit; }

    // File ▸ Close Book: the window is left with no book and says how to open one.
    void closeBook();

signals:
    void openRequested(const QString &path);
    void createRequested(const QString &path);
    void statusMessage(const QString &message);
    void errorMessage(const QString &title, const QString &message);

private:
    void newBook();
    void openBookDialog();
    void saveCopyDialog();
    void updateActions();

    BookSession *m_session;
    QWidget *m_window;
    QAction *m_new;
    QAction *m_open;
    QAction *m_close;
    QAction *m_saveCopy;
    QAction *m_quit;
};

} // namespace tp::ui
