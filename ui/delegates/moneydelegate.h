#pragma once

#include <QStyledItemDelegate>

namespace tp::ui {

// Edits money as a number in the user's locale ("1,234.50"), without the currency symbol.
// With `clearable`, an empty field clears the value (a derived potential, no quota).
class MoneyDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MoneyDelegate(bool clearable, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    bool m_clearable;
};

} // namespace tp::ui
