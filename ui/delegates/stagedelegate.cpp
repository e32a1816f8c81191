#include "stagedelegate.h"

#include "models/formatter.h"
#include "style/theme.h"

#include <QComboBox>

namespace tp::ui {

QWidget *StageDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                     const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    for (Stage stage : allStages) {
        if (stage == Stage::Won)
            combo->insertSeparator(combo->count());
        combo->addItem(theme::stageIcon(stage), stageName(stage), int(stage));
    }
    // Choosing a stage is the whole edit: write it and close.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<StageDelegate *>(this);
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

void StageDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int at = combo->findData(index.data(Qt::EditRole).toInt());
    combo->setCurrentIndex(at >= 0 ? at : 0);
}

void StageDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace tp::ui
