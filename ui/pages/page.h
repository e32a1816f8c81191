#pragma once

#include <QIcon>
#include <QList>
#include <QWidget>

class QAction;

namespace tp::ui {

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

signals:
    void statusMessage(const QString &message);

protected:
    void addPageAction(QAction *action)
    {
        addAction(action);
        m_actions.append(action);
    }

private:
    QList<QAction *> m_actions;
};

} // namespace tp::ui
