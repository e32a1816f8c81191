#include "moneydelegate.h"

#include <QDoubleValidator>
#include <QLineEdit>

namespace tp::ui {

MoneyDelegate::MoneyDelegate(bool clearable, QObject *parent)
    : QStyledItemDelegate(parent), m_clearable(clearable)
{ }

QWidget *MoneyDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                     const QModelIndex &) const
{
    auto *edit = new QLineEdit(parent);
    edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *validator = new QDoubleValidator(0.0, 9.0e13, 2, edit);
    validator->setNotation(QDoubleValidator::StandardNotation);
    validator->setLocale(edit->locale());
    edit->setValidator(validator);
    edit->setPlaceholderText(m_clearable ? tr("None") : QString());
    edit->setClearButtonEnabled(m_clearable);
    return edit;
}

void MoneyDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<QLineEdit *>(editor);
    const QVariant value = index.data(Qt::EditRole);
    if (!value.isValid()) {
        edit->clear();
        return;
    }
    // Group separators make long amounts readable; the validator accepts them back.
    edit->setText(edit->locale().toString(value.toDouble(), 'f', 2));
    edit->selectAll();
}

void MoneyDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    const auto *edit = static_cast<QLineEdit *>(editor);
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) {
        if (m_clearable)
            model->setData(index, QVariant(), Qt::EditRole);
        // else: leaving a required amount empty keeps it as it was
        return;
    }
    // The model parses in the same locale and reports what it refuses.
    model->setData(index, text, Qt::EditRole);
}

} // namespace tp::ui
