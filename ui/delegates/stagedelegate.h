#pragma once

#include <QStyledItemDelegate>

namespace tp::ui {

// Edits a stage with a combo box of the open stages, then Won and Lost. The model's EditRole
// value is int(tp::Stage).
class StageDelegate : public QStyledItemDelegate
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
