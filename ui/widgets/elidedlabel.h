#pragma once

#include <QFrame>

namespace tp::ui {

// One line of text that gives way when space runs short: it shrinks to a few characters and
// ends in "…", with the whole text in its tooltip then (and the tooltip given, if any, below it).
// For counts and titles that must not set a page's minimum width.
class ElidedLabel : public QFrame
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    explicit ElidedLabel(const QString &text, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    // Shown in the tooltip; the whole text comes first when it does not fit.
    void setDescription(const QString &description);
    void setAlignment(Qt::Alignment alignment);
    // Whether the text is cut short now.
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateToolTip();

    QString m_text;
    QString m_description;
    Qt::Alignment m_alignment = Qt::AlignLeft | Qt::AlignVCenter;
};

} // namespace tp::ui
