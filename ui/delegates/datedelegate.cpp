#include "datedelegate.h"

#include <QDateEdit>

namespace tp::ui {

namespace {

// The short format with a four-digit year: "yy" is too easy to mistype in an editor.
QString editFormat(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

} // namespace

QWidget *DateDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &) const
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(editFormat(edit->locale()));
    return edit;
}

void DateDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<QDateEdit *>(editor);
    const QDate date = index.data(Qt::EditRole).toDate();
    edit->setDate(date.isValid() ? date : QDate::currentDate());
}

void DateDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    const auto *edit = static_cast<QDateEdit *>(editor);
    model->setData(index, edit->date(), Qt::EditRole);
}

} // namespace tp::ui
