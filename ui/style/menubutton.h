#pragma once

#include <QToolButton>

namespace tp::ui {

// A tool button that opens its menu on a click, with the menu's arrow in a room of its own
// right of the label. QToolButton's InstantPopup mode leaves no room for it: styles paint the
// arrow over the end of the text ("Export Chart" with its last letters under the arrow).
class MenuButton : public QToolButton
{
    Q_OBJECT

public:
    explicit MenuButton(const QString &text, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Where the label and the arrow are painted (tests).
    QRect labelRect() const;
    QRect arrowRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int arrowRoom() const;
};

} // namespace tp::ui
