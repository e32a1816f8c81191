#include "gatewayspanel.h"

#include "edits/bookeditor.h"
#include "models/formatter.h"
#include "session/booksession.h"
#include "views/bookview.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tp::ui {

namespace {

constexpr int idRole = Qt::UserRole + 1;

} // namespace

GatewaysPanel::GatewaysPanel(BookSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_deals(new QTreeWidget(this)),
      m_checklist(new QListWidget(this)),
      m_summary(new QLabel(this)),
      m_dealTitle(new QLabel(this))
{
    m_deals->setHeaderLabels(
            { tr("Deal"), tr("Stage"), tr("Amount"), tr("Criteria met"), tr("Missed gateway") });
    m_deals->setRootIsDecorated(false);
    m_deals->setAlternatingRowColors(true);
    m_deals->setUniformRowHeights(true);
    m_deals->setAccessibleName(tr("Open deals and their gateway criteria"));
    m_deals->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_deals->header()->setStretchLastSection(true);
    const int ch = fontMetrics().averageCharWidth();
    const int widths[] = { 22, 10, 12, 10 };
    for (int c = 0; c < 4; ++c)
        m_deals->header()->resizeSection(c, widths[c] * ch + 16);
    m_deals->setSortingEnabled(false);
    connect(m_deals, &QTreeWidget::currentItemChanged, this, [this] { showChecklist(); });

    m_checklist->setAccessibleName(tr("Gateway criteria of the deal"));
    m_checklist->setWordWrap(true);
    connect(m_checklist, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling || !(item->flags() & Qt::ItemIsUserCheckable))
            return;
        setMet(item->data(idRole).toLongLong(), item->checkState() == Qt::Checked);
    });
    m_summary->setWordWrap(true);
    m_dealTitle->setWordWrap(true);
    m_dealTitle->setTextFormat(Qt::PlainText);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_dealTitle);
    rightLayout->addWidget(m_checklist, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_deals);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
}

void GatewaysPanel::show(std::vector<Deal> deals, const std::vector<StageCriterion> &criteria,
                         const QDate &on)
{
    const Id current =
            m_deals->currentItem() ? m_deals->currentItem()->data(0, idRole).toLongLong() : 0;
    m_rows = std::move(deals);
    m_criteria = criteria;
    m_on = on;
    const BookView *view = m_session->view();
    const Formatter format;
    // Deals that missed a gateway first, larger ones first.
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Deal &a, const Deal &b) {
        const bool am = !a.standing.missed.empty(), bm = !b.standing.missed.empty();
        if (am != bm)
            return am;
        return view->opportunities.amount[std::size_t(a.row)]
                > view->opportunities.amount[std::size_t(b.row)];
    });
    m_deals->clear();
    Minor missedAmount = 0;
    int missed = 0;
    QTreeWidgetItem *again = nullptr;
    for (const Deal &d : m_rows) {
        const auto r = std::size_t(d.row);
        const auto &o = view->opportunities;
        auto *item = new QTreeWidgetItem(m_deals);
        item->setText(0, o.name.at(r));
        item->setText(1, stageName(Stage(o.stage[r])));
        item->setText(2, format.money(o.amount[r], o.currencies.value(o.currency[r])));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(3, tr("%1 of %2").arg(d.standing.met).arg(d.standing.total));
        QStringList missedTexts;
        for (const StageCriterion &c : d.standing.missed)
            missedTexts.append(tr("%1: %2").arg(stageName(c.stage), c.text));
        item->setText(4, missedTexts.join(QStringLiteral("; ")));
        item->setToolTip(4, missedTexts.join(QLatin1Char('\n')));
        item->setData(0, idRole, d.id);
        if (!d.standing.missed.empty()) {
            ++missed;
            missedAmount += o.amount[r];
            item->setIcon(4, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        }
        if (d.id == current)
            again = item;
    }
    m_summary->setText(m_rows.empty()
                               ? tr("No open deal in this review.")
                               : tr("%n open deal(s) went past a stage without meeting its "
                                    "criteria (%1). Tick what each deal meets on the right.",
                                    nullptr, missed)
                                         .arg(format.money(missedAmount, view->settings.currency)));
    m_deals->setCurrentItem(again ? again : m_deals->topLevelItem(0));
    showChecklist();
}

void GatewaysPanel::showChecklist()
{
    m_filling = true;
    m_checklist->clear();
    const QTreeWidgetItem *item = m_deals->currentItem();
    const auto deal = item ? std::find_if(m_rows.begin(), m_rows.end(),
                                          [&](const Deal &d) {
                                              return d.id == item->data(0, idRole).toLongLong();
                                          })
                           : m_rows.end();
    if (deal == m_rows.end()) {
        m_dealTitle->clear();
        m_filling = false;
        return;
    }
    const BookView *view = m_session->view();
    const auto r = std::size_t(deal->row);
    const Stage stage = Stage(view->opportunities.stage[r]);
    m_dealTitle->setText(tr("%1 — in %2").arg(view->opportunities.name.at(r), stageName(stage)));
    std::optional<Stage> heading;
    for (const StageCriterion &c : m_criteria) {
        if (int(c.stage) > int(stage))
            continue;
        if (heading != c.stage) {
            heading = c.stage;
            auto *title = new QListWidgetItem(
                    c.stage == stage ? tr("%1 (this stage)").arg(stageName(c.stage))
                                     : stageName(c.stage),
                    m_checklist);
            QFont bold = title->font();
            bold.setBold(true);
            title->setFont(bold);
            title->setFlags(Qt::ItemIsEnabled);
        }
        auto *box = new QListWidgetItem(c.text, m_checklist);
        box->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const bool met =
                std::find(deal->ticked.begin(), deal->ticked.end(), c.id) != deal->ticked.end();
        box->setCheckState(met ? Qt::Checked : Qt::Unchecked);
        box->setData(idRole, c.id);
    }
    m_filling = false;
}

bool GatewaysPanel::setMet(Id criterion, bool met)
{
    const QTreeWidgetItem *item = m_deals->currentItem();
    if (!item)
        return false;
    return m_session->edit(&BookEditor::setCriterion, item->data(0, idRole).toLongLong(), criterion,
                           met, m_on);
}

} // namespace tp::ui
