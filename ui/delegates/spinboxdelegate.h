#pragma once

#include <QStyledItemDelegate>

namespace tp::ui {

// Edits a whole number that may be unset: the value below `minimum` shows `unsetText` and
// writes an empty value (the probability's "—" = stage default, the capacity's "Default").
class SpinBoxDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    struct Options
    {
        int minimum = 0;
        int maximum = 100;
        QString unsetText;
        QString suffix;
    };

    explicit SpinBoxDelegate(const Options &options, QObject *parent = nullptr);

    // Probability override in percent: 0..100, "—" for the stage default.
    static SpinBoxDelegate *probability(QObject *parent);
    // Rep capacity: 0..10000, "Default" for the book's default capacity.
    static SpinBoxDelegate *capacity(QObject *parent);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    Options m_options;
};

} // namespace tp::ui
