#pragma once

#include <QChartView>

namespace tp::ui {

// What the page's bar charts share: a chart themed from the application palette (again when
// it changes), the legend below, localized numbers, antialiasing, and a title a page can set
// without touching Qt Charts.
class BarChartView : public QChartView
{
    Q_OBJECT

public:
    explicit BarChartView(QWidget *parent = nullptr);

    void setChartTitle(const QString &title);

protected:
    // Applies the palette to the chart; subclasses colour their series after calling it.
    virtual void updateTheme();
    void changeEvent(QEvent *event) override;
};

} // namespace tp::ui
