#pragma once

#include <QLabel>
#include <QStringList>

namespace tp::ui {

// What blocks an import (in the warning colour) and what it merely notes, as a short list.
// Follows light and dark palettes.
class MessageLabel : public QLabel
{
    Q_OBJECT

public:
    explicit MessageLabel(QWidget *parent = nullptr);

    void setMessages(const QStringList &problems, const QStringList &notes = {});
    QStringList problems() const { return m_problems; }
    QStringList notes() const { return m_notes; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QStringList m_problems;
    QStringList m_notes;
};

} // namespace tp::ui
