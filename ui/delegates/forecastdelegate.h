#pragma once

#include <QStyledItemDelegate>

namespace tp::ui {

// Edits the rep's forecast call with a combo box: what the CRM or the stage says (clears the
// call), then Pipeline, Best Case, Commit, Closed and Omitted. The model's EditRole value is
// int(tp::ForecastCategory) of the call, -1 for none; FallbackRole names what applies without.
class ForecastDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace tp::ui
