#pragma once

#include <QStyledItemDelegate>

namespace tp::ui {

class BookSession;

// Edits an owner with a combo box of the book's reps plus "Unassigned". The model's EditRole
// value is the rep id (qlonglong), empty for unassigned.
class OwnerDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit OwnerDelegate(BookSession *session, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    BookSession *m_session;
};

} // namespace tp::ui
