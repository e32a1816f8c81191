#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLabel;
class QPushButton;

namespace tp::ui {

// What a page shows when it has nothing to show: why, in words, and a button for each action
// that would change that (Import CSV…, Open…, New Book…), each enabled as its action is.
class EmptyState : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyState(QWidget *parent = nullptr);

    void setMessage(const QString &text, const QList<QAction *> &actions = {});
    QString text() const;
    QList<QPushButton *> buttons() const { return m_buttons; }

private:
    QLabel *m_label;
    QWidget *m_buttonRow;
    QList<QPushButton *> m_buttons;
    QList<QAction *> m_actions;
};

} // namespace tp::ui
