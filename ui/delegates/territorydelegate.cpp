#include "territorydelegate.h"

#include "session/booksession.h"

#include <QComboBox>

#include <algorithm>

namespace tp::ui {

TerritoryDelegate::TerritoryDelegate(BookSession *session, QObject *parent)
    : QStyledItemDelegate(parent), m_session(session)
{ }

QWidget *TerritoryDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                         const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->addItem(tr("No territory"), QVariant());
    if (const BookView *view = m_session->view(); view && !view->territories.empty()) {
        combo->insertSeparator(1);
        std::vector<const TerritoryRow *> byName;
        for (const TerritoryRow &t : view->territories)
            byName.push_back(&t);
        std::sort(byName.begin(), byName.end(), [](const TerritoryRow *a, const TerritoryRow *b) {
            return a->name.localeAwareCompare(b->name) < 0;
        });
        for (const TerritoryRow *t : byName)
            combo->addItem(t->name, qlonglong(t->id));
    }
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<TerritoryDelegate *>(this);
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

void TerritoryDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const QVariant territory = index.data(Qt::EditRole);
    const int at = territory.isValid() ? combo->findData(territory) : 0;
    combo->setCurrentIndex(at >= 0 ? at : 0);
}

void TerritoryDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace tp::ui
