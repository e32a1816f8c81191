#pragma once

#include <QFrame>

class QLabel;

namespace tp::ui {

// A dismissable message bar at the top of the window: tells without blocking (no modal box).
// A message may be about one book (the demo book's "this is a demo", a read-only book's "why
// nothing can be changed"): it is shown while that book is open, hidden while another is, and
// shown again when it comes back, until dismissed. Each book (and the window) keeps a message
// per topic; the newest that applies is shown.
class InfoBanner : public QFrame
{
    Q_OBJECT

public:
    explicit InfoBanner(QWidget *parent = nullptr);

    // `book`: the path of the book the message is about; empty for a message about the window.
    // It replaces the message of the same book and topic (shown again if it was dismissed).
    void showMessage(const QString &text, const QString &book = {}, const QString &topic = {});
    // Takes back the message of `book` and `topic` (the book is writable again).
    void removeMessage(const QString &book, const QString &topic);
    // The message shown, or that would be shown were the window visible.
    QString text() const;
    // The book open now (empty: none). A message about another book hides until it is back.
    void setCurrentBook(const QString &path);

signals:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Message
    {
        QString text;
        QString book; // empty: about the window
        QString topic;
        bool dismissed = false;
    };

    void updateColors();
    void updateVisibility();
    // The newest message not dismissed that is about the window or the book open now.
    const Message *current() const;

    QLabel *m_icon;
    QLabel *m_label;
    QList<Message> m_messages; // oldest first
    QString m_current; // the book open now
};

} // namespace tp::ui
