#include "cleanupprompts.h"

#include "widgets/dateedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace tp::ui {

namespace {

constexpr qsizetype longestNameInTitle = 40;

// A name as a window title can carry it: window managers cut long titles at their end.
QString shortName(const QString &name)
{
    const QString simple = name.simplified();
    return simple.size() <= longestNameInTitle
            ? simple
            : simple.left(longestNameInTitle - 1) + QChar(0x2026);
}

// A label that elides its text to its width, the whole text in its tool-tip.
class ElidedLabel : public QLabel
{
public:
    ElidedLabel(const QString &text, QWidget *parent) : QLabel(parent), m_text(text)
    {
        setToolTip(text);
        setTextFormat(Qt::PlainText);
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        setMinimumWidth(fontMetrics().averageCharWidth() * 12);
    }
    QString fullText() const { return m_text; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        setText(fontMetrics().elidedText(m_text, Qt::ElideRight, contentsRect().width()));
    }

private:
    QString m_text;
};

// The frame every prompt shares: the title (also the heading, elided to the dialog's width),
// the names of several deals under it, the prompt's own fields, and buttons whose default one
// says what it does.
struct Prompt
{
    std::unique_ptr<QDialog> dialog;
    QFormLayout *form = nullptr;
};

Prompt makePrompt(QWidget *parent, const QString &title, const QString &fullTitle,
                  const QStringList &deals, const QString &accept)
{
    Prompt p;
    p.dialog = std::make_unique<QDialog>(parent);
    QDialog *dialog = p.dialog.get();
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    auto *heading = new ElidedLabel(fullTitle, dialog);
    heading->setObjectName(QStringLiteral("heading"));
    if (deals.size() == 1)
        heading->setToolTip(deals.front()); // the name whole
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    if (deals.size() > 1) {
        constexpr qsizetype listed = 3;
        QString names = deals.mid(0, listed).join(QStringLiteral(", "));
        if (deals.size() > listed)
            names = CleanupPrompts::tr("%1 and %n more", nullptr, int(deals.size() - listed))
                            .arg(names);
        auto *list = new ElidedLabel(names, dialog);
        list->setObjectName(QStringLiteral("deals"));
        list->setToolTip(deals.mid(0, 30).join(QLatin1Char('\n')));
        list->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(list);
    }
    p.form = new QFormLayout;
    layout->addLayout(p.form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(accept);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    // Wide enough for the title, within reason; a longer one is elided in the heading.
    const QFontMetrics metrics(bold);
    dialog->setMinimumWidth(std::clamp(metrics.horizontalAdvance(fullTitle) + 48, 380, 640));
    return p;
}

QString countOrName(const QStringList &deals, bool shorten, const QString &one, const QString &many)
{
    if (deals.size() != 1)
        return many;
    return one.arg(shorten ? shortName(deals.front()) : deals.front().simplified());
}

std::optional<QDate> datePrompt(QWidget *parent, const QString &title, const QString &fullTitle,
                                const QStringList &deals, const QString &label,
                                const QDate &initial, bool allowClear)
{
    Prompt p = makePrompt(parent, title, fullTitle, deals, CleanupPrompts::tr("Set"));
    auto *edit = new DateEdit(initial, p.dialog.get());
    p.form->addRow(label, edit);
    QCheckBox *clear = nullptr;
    if (allowClear) {
        clear = new QCheckBox(CleanupPrompts::tr("No date (clear it)"), p.dialog.get());
        QObject::connect(clear, &QCheckBox::toggled, edit, &QWidget::setDisabled);
        p.form->addRow(clear);
    }
    if (p.dialog->exec() != QDialog::Accepted)
        return std::nullopt;
    return clear && clear->isChecked() ? QDate() : edit->date();
}

} // namespace

QString CleanupPrompts::lostTitle(const QStringList &deals, bool shorten)
{
    return countOrName(deals, shorten, tr("Mark “%1” Lost"),
                       tr("Mark %n Deal(s) Lost", nullptr, int(deals.size())));
}

QString CleanupPrompts::closeDateTitle(const QStringList &deals, bool shorten)
{
    return countOrName(deals, shorten, tr("Push the Close Date of “%1”"),
                       tr("Push the Close Date of %n Deal(s)", nullptr, int(deals.size())));
}

QString CleanupPrompts::nextActivityTitle(const QStringList &deals, bool shorten)
{
    return countOrName(deals, shorten, tr("Next Activity of “%1”"),
                       tr("Next Activity of %n Deal(s)", nullptr, int(deals.size())));
}

QString CleanupPrompts::nextStepTitle(const QStringList &deals, bool shorten)
{
    return countOrName(deals, shorten, tr("Next Step of “%1”"),
                       tr("Next Step of %n Deal(s)", nullptr, int(deals.size())));
}

std::optional<QString> CleanupPrompts::lostReason(QWidget *parent, const QStringList &deals)
{
    Prompt p =
            makePrompt(parent, lostTitle(deals), lostTitle(deals, false), deals, tr("Mark Lost"));
    auto *reason = new QComboBox(p.dialog.get());
    reason->setEditable(true);
    reason->addItems({ tr("No decision"), tr("Lost to a competitor"), tr("No budget"),
                       tr("Went dark"), tr("Timing") });
    reason->setObjectName(QStringLiteral("reason"));
    p.form->addRow(tr("&Reason:"), reason);
    if (p.dialog->exec() != QDialog::Accepted)
        return std::nullopt;
    return reason->currentText().trimmed();
}

std::optional<QDate> CleanupPrompts::closeDate(QWidget *parent, const QStringList &deals,
                                               const QDate &initial)
{
    return datePrompt(parent, closeDateTitle(deals), closeDateTitle(deals, false), deals,
                      tr("New expected &close date:"), initial, false);
}

std::optional<QDate> CleanupPrompts::nextActivity(QWidget *parent, const QStringList &deals,
                                                  const QDate &initial)
{
    return datePrompt(parent, nextActivityTitle(deals), nextActivityTitle(deals, false), deals,
                      tr("Next &activity on:"), initial, true);
}

std::optional<QString> CleanupPrompts::nextStep(QWidget *parent, const QStringList &deals,
                                                const QString &current)
{
    Prompt p =
            makePrompt(parent, nextStepTitle(deals), nextStepTitle(deals, false), deals, tr("Set"));
    auto *step = new QLineEdit(current, p.dialog.get());
    step->setObjectName(QStringLiteral("step"));
    step->setMinimumWidth(step->fontMetrics().averageCharWidth() * 40);
    p.form->addRow(tr("&Next step:"), step);
    if (p.dialog->exec() != QDialog::Accepted)
        return std::nullopt;
    return step->text().trimmed();
}

} // namespace tp::ui
