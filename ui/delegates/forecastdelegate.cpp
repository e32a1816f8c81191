#include "forecastdelegate.h"

#include "domain/forecast.h"
#include "models/modelroles.h"

#include <QComboBox>

namespace tp::ui {

QWidget *ForecastDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                        const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    const QString fallback = index.data(FallbackRole).toString();
    combo->addItem(fallback.isEmpty() ? tr("From CRM or stage")
                                      : tr("From CRM or stage (%1)").arg(fallback),
                   -1);
    combo->setItemData(0, tr("Clear the rep's call: the CRM's category, else the stage's, applies"),
                       Qt::ToolTipRole);
    combo->insertSeparator(1);
    for (ForecastCategory category : allForecastCategories)
        combo->addItem(forecastCategoryName(category), int(category));
    // Choosing a category is the whole edit: write it and close.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<ForecastDelegate *>(this);
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

void ForecastDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int at = combo->findData(index.data(Qt::EditRole).toInt());
    combo->setCurrentIndex(at >= 0 ? at : 0);
}

void ForecastDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace tp::ui
