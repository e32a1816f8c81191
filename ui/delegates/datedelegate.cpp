#include "datedelegate.h"

#include "widgets/dateedit.h"

namespace tp::ui {

QWidget *DateDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &) const
{
    return new DateEdit(parent);
}

void DateDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<DateEdit *>(editor);
    const QDate date = index.data(Qt::EditRole).toDate();
    edit->setDate(date.isValid() ? date : QDate::currentDate());
}

void DateDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    auto *edit = static_cast<DateEdit *>(editor);
    // Enter reaches the delegate before the editor: what was typed is read here.
    if (!edit->readTyped())
        return;
    model->setData(index, edit->date(), Qt::EditRole);
}

} // namespace tp::ui
