#pragma once

#include <QStyledItemDelegate>

namespace tp::ui {

class BookSession;

// Edits an account's territory with a combo box of the book's territories plus "No territory".
// The model's EditRole value is the territory id (qlonglong), empty for none.
class TerritoryDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TerritoryDelegate(BookSession *session, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    BookSession *m_session;
};

} // namespace tp::ui
