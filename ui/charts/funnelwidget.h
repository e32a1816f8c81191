#pragma once

#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

namespace tp::ui {

// The funnel from activities down to deals, painted: one band per step, its width by the
// logarithm of its count (a thousand activities and ten deals both stay readable), with the
// count and the per-week figure written in it. An undefined step is drawn hatched with "—".
class FunnelWidget : public QWidget
{
    Q_OBJECT

public:
    struct Step
    {
        QString name; // "Activities"
        std::optional<qint64> total;
        std::optional<qint64> perWeek;
    };

    explicit FunnelWidget(QWidget *parent = nullptr);

    // Widest (first) to narrowest.
    void setSteps(const std::vector<Step> &steps);
    const std::vector<Step> &steps() const { return m_steps; }
    // The band widths as shares of the widest possible (for tests, without pixels).
    std::vector<double> widthShares() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    std::vector<Step> m_steps;
};

} // namespace tp::ui
