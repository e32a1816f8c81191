#include "spinboxdelegate.h"

#include <QSpinBox>

#include <cmath>

namespace tp::ui {

SpinBoxDelegate::SpinBoxDelegate(const Options &options, QObject *parent)
    : QStyledItemDelegate(parent), m_options(options)
{ }

SpinBoxDelegate *SpinBoxDelegate::probability(QObject *parent)
{
    return new SpinBoxDelegate({ 0, 100, QStringLiteral("—"), QLocale().percent() }, parent);
}

SpinBoxDelegate *SpinBoxDelegate::capacity(QObject *parent)
{
    return new SpinBoxDelegate({ 0, 10000, tr("Default"), QString() }, parent);
}

QWidget *SpinBoxDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                       const QModelIndex &) const
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(m_options.minimum - 1, m_options.maximum);
    spin->setSpecialValueText(m_options.unsetText);
    spin->setSuffix(m_options.suffix);
    spin->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return spin;
}

void SpinBoxDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *spin = static_cast<QSpinBox *>(editor);
    const QVariant value = index.data(Qt::EditRole);
    spin->setValue(value.isValid() ? int(std::lround(value.toDouble())) : spin->minimum());
    spin->selectAll();
}

void SpinBoxDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                   const QModelIndex &index) const
{
    auto *spin = static_cast<QSpinBox *>(editor);
    spin->interpretText();
    const int value = spin->value();
    model->setData(index, value == spin->minimum() ? QVariant() : QVariant(value), Qt::EditRole);
}

} // namespace tp::ui
