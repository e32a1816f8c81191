#include "ownerdelegate.h"

#include "session/booksession.h"

#include <QComboBox>

namespace tp::ui {

OwnerDelegate::OwnerDelegate(BookSession *session, QObject *parent)
    : QStyledItemDelegate(parent), m_session(session)
{ }

QWidget *OwnerDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                     const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->addItem(tr("Unassigned"), QVariant());
    if (const BookView *view = m_session->view()) {
        combo->insertSeparator(1);
        for (const RepRow &rep : view->reps) // the view keeps reps sorted by name
            combo->addItem(rep.name, qlonglong(rep.id));
    }
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<OwnerDelegate *>(this);
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

void OwnerDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const QVariant owner = index.data(Qt::EditRole);
    const int at = owner.isValid() ? combo->findData(owner) : 0;
    combo->setCurrentIndex(at >= 0 ? at : 0);
}

void OwnerDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace tp::ui
