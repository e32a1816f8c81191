#pragma once

#include <QIcon>
#include <QList>
#include <QWidget>

#include <functional>

class QAction;
class QStackedLayout;

namespace tp {
struct BookView;
}

namespace tp::ui {

class BookSession;
class EmptyState;

// One page of the main window's navigation: its key, title and icon, its actions (for its
// context menus and the Edit menu), and the layout state it wants remembered.
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Stable key for settings and screenshot file names ("accounts").
    virtual QString key() const = 0;
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;

    QList<QAction *> pageActions() const { return m_actions; }
    // Edit ▸ Find: the page's search field.
    virtual void focusSearch() = 0;
    // Column layouts, splitters and view options, for QSettings.
    virtual QByteArray saveState() const = 0;
    virtual void restoreState(const QByteArray &state) = 0;

    // The window's File actions that a page with nothing to show offers: Import CSV… for an
    // empty book, Open… and New Book… when no book is open.
    struct FileActions
    {
        QAction *importCsv = nullptr;
        QAction *open = nullptr;
        QAction *newBook = nullptr;
    };
    void setFileActions(const FileActions &actions);
    const FileActions &fileActions() const { return m_fileActions; }
    // The window shows this page (true) or another one (false). A page whose figures take work
    // to evaluate has them evaluated only while it is current (EvaluationSchedule); a page on
    // its own is never told and keeps them current.
    virtual void setCurrent(bool current) { Q_UNUSED(current); }
    // What the page says in place of its content, empty while it shows its content.
    QString emptyStateText() const;

signals:
    void statusMessage(const QString &message);

protected:
    void addPageAction(QAction *action)
    {
        addAction(action);
        m_actions.append(action);
    }

    // `content` fills the page while `hasData` holds for the open book; else (no book, or a
    // book without what the page shows) an empty state says so, with `emptyBookText` and how
    // to import, and offers the file actions.
    void setContent(QWidget *content, BookSession *session,
                    std::function<bool(const BookView &)> hasData, const QString &emptyBookText);
    // The file actions changed: a page showing its own empty state (a table's) shows them.
    virtual void fileActionsChanged() { }
    // The message and actions of a page with nothing to show; empty text when it has data.
    struct Emptiness
    {
        QString text;
        QList<QAction *> actions;
    };
    Emptiness emptiness(const BookSession *session, bool hasData,
                        const QString &emptyBookText) const;

private:
    void updateContent();

    QList<QAction *> m_actions;
    FileActions m_fileActions;
    // setContent's
    QStackedLayout *m_stack = nullptr;
    QWidget *m_content = nullptr;
    EmptyState *m_empty = nullptr;
    BookSession *m_session = nullptr;
    std::function<bool(const BookView &)> m_hasData;
    QString m_emptyBookText;
};

} // namespace tp::ui
