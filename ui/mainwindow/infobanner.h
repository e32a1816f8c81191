#pragma once

#include <QFrame>

class QLabel;

namespace tp::ui {

// A dismissable message bar at the top of the window: tells without blocking (no modal box).
// A message may be about one book (the demo book's "this is a demo"): it is shown while that
// book is open, hidden while another is, and shown again when it comes back, until dismissed.
class InfoBanner : public QFrame
{
    Q_OBJECT

public:
    explicit InfoBanner(QWidget *parent = nullptr);

    // `book`: the path of the book the message is about; empty for a message about the window.
    void showMessage(const QString &text, const QString &book = {});
    QString text() const;
    // The book open now (empty: none). A message about another book hides until it is back.
    void setCurrentBook(const QString &path);

signals:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    void updateVisibility();

    QLabel *m_icon;
    QLabel *m_label;
    QString m_book; // the message is about this book (empty: about the window)
    QString m_current; // the book open now
    bool m_dismissed = false;
};

} // namespace tp::ui
