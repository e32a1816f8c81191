#include "importcounts.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace tp::ui {

namespace {

enum Count { Created, Updated, Unchanged, Removed, Rejected, Duplicates, CountCount };

const char *const keys[CountCount] = { "created", "updated",  "unchanged",
                                       "removed", "rejected", "duplicates" };

} // namespace

ImportCounts::ImportCounts(QWidget *parent) : QWidget(parent)
{
    const QString labels[CountCount] = { tr("New:"),       tr("Updated:"),
                                         tr("Unchanged:"), tr("Marked removed:"),
                                         tr("Rejected:"),  tr("Likely duplicates:") };
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < CountCount; ++i) {
        auto *label = new QLabel(labels[i], this);
        auto *value = new QLabel(this);
        value->setObjectName(QString::fromLatin1(keys[i]));
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        label->setBuddy(value);
        layout->addWidget(label, i, 0);
        layout->addWidget(value, i, 1);
        m_labels.append(label);
        m_values.append(value);
    }
    layout->setColumnStretch(2, 1);
    for (const int hidden : { Removed, Duplicates }) {
        m_labels[hidden]->hide();
        m_values[hidden]->hide();
    }
}

void ImportCounts::setReport(const crm::ImportReport &report, bool showRemoved)
{
    const QLocale locale;
    const crm::UpsertCounts &c = report.counts;
    const qint64 values[CountCount] = { c.created, c.updated,           c.unchanged,
                                        c.removed, report.rejectedRows, c.duplicates };
    for (int i = 0; i < CountCount; ++i)
        m_values[i]->setText(locale.toString(values[i]));
    m_labels[Removed]->setVisible(showRemoved);
    m_values[Removed]->setVisible(showRemoved);
    m_labels[Duplicates]->setVisible(c.duplicates > 0);
    m_values[Duplicates]->setVisible(c.duplicates > 0);
}

void ImportCounts::clear()
{
    for (QLabel *value : std::as_const(m_values))
        value->clear();
}

QString ImportCounts::text(const QString &key) const
{
    for (const QLabel *value : m_values) {
        if (value->objectName() == key)
            return value->text();
    }
    return {};
}

} // namespace tp::ui
