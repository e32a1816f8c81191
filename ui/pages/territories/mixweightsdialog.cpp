#include "mixweightsdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace tp::ui {

namespace {

// The figures of a mix, in the order of the boxes.
constexpr std::array<territories::Metric, 5> parts{
    territories::Metric::Ev, territories::Metric::Potential, territories::Metric::Pipeline,
    territories::Metric::Accounts, territories::Metric::Active
};

std::array<double, 5> asArray(const territories::MixWeights &w)
{
    return { w.ev, w.potential, w.pipeline, w.accounts, w.active };
}

} // namespace

MixWeightsDialog::MixWeightsDialog(const territories::MixWeights &weights, QWidget *parent)
    : QDialog(parent), m_shares(new QLabel(this))
{
    setWindowTitle(tr("Weighted Mix"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 48); // the explanation in a few lines
    auto *intro = new QLabel(tr("Each figure is divided by its average over the territories, "
                                "then weighed: a weight of 1 on potential and 1 on accounts "
                                "balances half on each."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto *box = new QDoubleSpinBox(this);
        box->setRange(0, 10);
        box->setSingleStep(0.5);
        box->setDecimals(1);
        box->setAccessibleName(territories::metricName(parts[i]));
        connect(box, &QDoubleSpinBox::valueChanged, this, &MixWeightsDialog::updateShares);
        form->addRow(tr("%1:").arg(territories::metricName(parts[i])), box);
        m_boxes[i] = box;
    }
    m_shares->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_shares);
    layout->addWidget(buttons);
    setWeights(weights);
}

territories::MixWeights MixWeightsDialog::weights() const
{
    return { m_boxes[0]->value(), m_boxes[1]->value(), m_boxes[2]->value(), m_boxes[3]->value(),
             m_boxes[4]->value() };
}

void MixWeightsDialog::setWeights(const territories::MixWeights &weights)
{
    const std::array<double, 5> values = asArray(weights);
    for (std::size_t i = 0; i < values.size(); ++i)
        m_boxes[i]->setValue(values[i]);
    updateShares();
}

void MixWeightsDialog::updateShares()
{
    const std::array<double, 5> values = asArray(weights());
    double total = 0;
    for (const double v : values)
        total += v;
    m_ok->setEnabled(total > 0);
    if (total <= 0) {
        m_shares->setText(tr("Give at least one figure a weight."));
        return;
    }
    QStringList shares;
    const QLocale locale;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] > 0)
            shares.append(tr("%1 %2%").arg(territories::metricName(parts[i]),
                                           locale.toString(values[i] / total * 100, 'f', 0)));
    m_shares->setText(tr("The mix: %1.").arg(shares.join(QStringLiteral(", "))));
}

std::optional<territories::MixWeights> MixWeightsDialog::ask(QWidget *parent,
                                                             const territories::MixWeights &current)
{
    MixWeightsDialog dialog(current, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.weights();
}

} // namespace tp::ui
