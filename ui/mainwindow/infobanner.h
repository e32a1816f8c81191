#pragma once

#include <QFrame>

class QLabel;

namespace tp::ui {

// A dismissable message bar at the top of the window: tells without blocking (no modal box).
class InfoBanner : public QFrame
{
    Q_OBJECT

public:
    explicit InfoBanner(QWidget *parent = nullptr);

    void showMessage(const QString &text);
    QString text() const;

signals:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    QLabel *m_icon;
    QLabel *m_label;
};

} // namespace tp::ui
