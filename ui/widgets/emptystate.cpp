#include "emptystate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tp::ui {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_buttonRow(new QWidget(this))
{
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setForegroundRole(QPalette::PlaceholderText);
    auto *row = new QHBoxLayout(m_buttonRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch(1);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(1);
    layout->addWidget(m_label);
    layout->addSpacing(8);
    layout->addWidget(m_buttonRow);
    layout->addStretch(1);
    m_buttonRow->hide();
}

void EmptyState::setMessage(const QString &text, const QList<QAction *> &actions)
{
    m_label->setText(text);
    if (actions == m_actions)
        return;
    m_actions = actions;
    qDeleteAll(m_buttons);
    m_buttons.clear();
    auto *row = static_cast<QHBoxLayout *>(m_buttonRow->layout());
    for (QAction *action : actions) {
        if (!action)
            continue;
        auto *button = new QPushButton(action->icon(), action->text(), m_buttonRow);
        button->setToolTip(action->statusTip());
        button->setEnabled(action->isEnabled());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] {
            button->setText(action->text());
            button->setEnabled(action->isEnabled());
        });
        row->insertWidget(row->count() - 1, button);
        m_buttons.append(button);
    }
    m_buttonRow->setVisible(!m_buttons.isEmpty());
}

QString EmptyState::text() const
{
    return m_label->text();
}

} // namespace tp::ui
