#pragma once

#include <QStyledItemDelegate>

namespace tp::ui {

// The share-of-average column: a bar from 0 to the territory's share, the average (100%) as a
// line across every row, and the tolerance band around it shaded; a bar inside the band in the
// palette's highlight, one outside in the warning colour. The text stays for screen readers,
// copying and sorting (Qt::DisplayRole), drawn beside the bar.
class ShareBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ShareBarDelegate(QObject *parent = nullptr);

    // The share at the right end of the bars (at least 2: twice the average).
    void setScale(double largestShare);
    void setTolerance(double tolerance) { m_tolerance = tolerance; }
    double tolerance() const { return m_tolerance; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    double m_scale = 2.0;
    double m_tolerance = 0.10;
};

} // namespace tp::ui
