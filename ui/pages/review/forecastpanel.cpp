#include "forecastpanel.h"

#include "delegates/forecastdelegate.h"
#include "models/formatter.h"
#include "models/opportunitytablemodel.h"
#include "pages/health/healthstate.h"
#include "session/booksession.h"
#include "views/bookview.h"
#include "widgets/flowlayout.h"
#include "widgets/tablekeys.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tp::ui {

namespace {

using changes::categorySides;
using changes::outside;

QString sideName(int side, bool from)
{
    if (side == outside)
        return from ? ForecastPanel::tr("Came in") : ForecastPanel::tr("Moved out");
    return forecastCategoryName(ForecastCategory(side));
}

// Shades the diagonal (the deals that stayed in their category) in the palette of the moment.
class DiagonalDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.row() == index.column() && index.row() != outside)
            option->backgroundBrush = option->palette.alternateBase();
    }
};

} // namespace

ForecastPanel::ForecastPanel(BookSession *session, HealthState *health, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_health(health),
      m_period(new QLabel(this)),
      m_gatewayBox(new QCheckBox(tr("Leave Commit deals that &missed a gateway out of honest "
                                    "commit"),
                                 this)),
      m_movesTitle(new QLabel(this)),
      m_moves(new QTableWidget(categorySides, categorySides, this)),
      m_dealsTitle(new QLabel(this)),
      m_deals(new QTableView(this)),
      m_model(new OpportunityTableModel(session, this))
{
    // The figures in a row, and in two when the window is narrow, as Pipeline Health shows
    // coverage.
    auto *figures = new QWidget(this);
    auto *flow = new FlowLayout(figures, 18, 6);
    flow->setContentsMargins(0, 0, 0, 0);
    const QStringList names{ tr("Closed"), tr("Commit"), tr("Best case"), tr("Pipeline"),
                             tr("Honest commit") };
    const QStringList tips{
        tr("Won in the period"),
        tr("Closed plus the open Commit deals closing by the end of the period"),
        tr("Commit plus the open Best Case deals closing by the end of the period"),
        tr("Best case plus the open Pipeline deals closing by the end of the period"),
        tr("Commit without its stalled deals: the commit to believe"),
    };
    for (int f = 0; f < FigureCount; ++f) {
        auto *name = new QLabel(names.at(f), figures);
        auto *value = new QLabel(figures);
        QFont font = value->font();
        font.setPointSizeF(font.pointSizeF() * 1.25);
        font.setBold(true);
        value->setFont(font);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        name->setToolTip(tips.at(f));
        value->setToolTip(tips.at(f));
        auto *cell = new QWidget(figures);
        auto *column = new QVBoxLayout(cell);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(0);
        column->addWidget(name);
        column->addWidget(value);
        flow->addWidget(cell);
        m_names[std::size_t(f)] = name;
        m_values[std::size_t(f)] = value;
    }
    m_period->setWordWrap(true);
    m_period->setForegroundRole(QPalette::PlaceholderText);
    connect(m_gatewayBox, &QCheckBox::toggled, this, [this] { update(); });

    // The category moves: rows the category at the first snapshot, columns at the second.
    for (int side = 0; side < categorySides; ++side) {
        m_moves->setVerticalHeaderItem(side, new QTableWidgetItem(sideName(side, true)));
        m_moves->setHorizontalHeaderItem(side, new QTableWidgetItem(sideName(side, false)));
    }
    m_moves->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_moves->setItemDelegate(new DiagonalDelegate(m_moves));
    m_moves->setSelectionMode(QAbstractItemView::SingleSelection);
    m_moves->setWordWrap(false);
    m_moves->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_moves->horizontalHeader()->setMinimumSectionSize(m_moves->fontMetrics().averageCharWidth()
                                                       * 12);
    m_moves->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_moves->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_moves->setAccessibleName(tr("Forecast category moves"));
    m_moves->setToolTip(tr("Rows: the category at the first snapshot compared; columns: at the "
                           "second. Won deals become Closed, lost and removed ones Omitted."));
    letTabLeave(m_moves);
    m_movesTitle->setWordWrap(true);
    m_movesTitle->setBuddy(m_moves);

    // The period's open deals; the rep's call is edited in place.
    using Column = OpportunityColumn;
    m_deals->setModel(m_model);
    m_deals->setItemDelegateForColumn(int(Column::Forecast), new ForecastDelegate(this));
    m_deals->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_deals->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::SelectedClicked);
    m_deals->setAlternatingRowColors(true);
    m_deals->setWordWrap(false);
    m_deals->setSortingEnabled(true);
    m_deals->sortByColumn(int(Column::Amount), Qt::DescendingOrder);
    m_deals->verticalHeader()->hide();
    m_deals->verticalHeader()->setDefaultSectionSize(m_deals->fontMetrics().height() + 8);
    m_deals->horizontalHeader()->setStretchLastSection(true);
    m_deals->setAccessibleName(tr("The period's open deals and their forecast categories"));
    letTabLeave(m_deals);
    const int ch = m_deals->fontMetrics().averageCharWidth();
    const std::pair<Column, int> shown[] = { { Column::Name, 26 },    { Column::Account, 22 },
                                             { Column::Owner, 14 },   { Column::Stage, 11 },
                                             { Column::Amount, 13 },  { Column::CloseDate, 11 },
                                             { Column::Forecast, 16 } };
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_deals->setColumnHidden(c, true);
    for (const auto &[column, width] : shown) {
        m_deals->setColumnHidden(int(column), false);
        m_deals->horizontalHeader()->resizeSection(int(column), width * ch + 24);
    }
    m_dealsTitle->setText(tr("<b>The period's open deals</b> — change the rep's call in "
                             "<i>Forecast</i> (F2 or double-click); Edit ▸ Undo takes it back"));
    m_dealsTitle->setWordWrap(true);
    m_dealsTitle->setBuddy(m_deals);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(figures);
    layout->addWidget(m_period);
    layout->addWidget(m_gatewayBox);
    layout->addSpacing(4);
    layout->addWidget(m_movesTitle);
    layout->addWidget(m_moves);
    layout->addSpacing(4);
    layout->addWidget(m_dealsTitle);
    layout->addWidget(m_deals, 1);

    connect(health, &HealthState::evaluated, this, [this] { update(); });
}

void ForecastPanel::setScope(int repIndex, int territoryIndex, const Period &period)
{
    RowFilter filter;
    filter.scopeRep = repIndex;
    filter.scopeTerritory = territoryIndex;
    filter.status = Status::Open;
    filter.closingBy = period.end;
    m_model->setFilter(filter);
    m_deals->setColumnHidden(int(OpportunityColumn::Owner), repIndex >= 0);
}

void ForecastPanel::setComparison(const ReviewChanges::Compared &compared)
{
    m_compared = !compared.b.date.isNull();
    m_from = compared.a.date;
    m_to = compared.b.date;
    m_categoryMoves = m_compared
            ? changes::categoryMoves(compared.a, compared.b, compared.comparison)
            : changes::CategoryMoves{};
    const BookView *view = m_session->view();
    fillMoves(view ? view->settings.currency : QString());
}

void ForecastPanel::fillMoves(const QString &currency)
{
    const Formatter format;
    if (!m_compared) {
        m_movesTitle->setText(tr("<b>Category moves</b> — no snapshots compared yet: every import "
                                 "keeps one, and the Changes tab picks two."));
    } else {
        m_movesTitle->setText(
                tr("<b>Category moves</b> from %1 to %2 (the snapshots of the Changes tab): %n "
                   "deal(s) of the period's pipeline changed category",
                   nullptr, int(m_categoryMoves.moved()))
                        .arg(m_from.isValid() ? format.date(m_from) : tr("the empty book"),
                             format.date(m_to)));
    }
    QFont bold = m_moves->font();
    bold.setBold(true);
    for (int from = 0; from < categorySides; ++from) {
        bool any = false;
        for (int to = 0; to < categorySides; ++to) {
            const changes::CategoryCell &cell = m_categoryMoves.at(from, to);
            any = any || cell.deals > 0;
            auto *item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (cell.deals > 0) {
                item->setText(tr("%1 · %2").arg(format.number(cell.deals),
                                                format.money(cell.amount, currency)));
                item->setToolTip(tr("%n deal(s) worth %1: %2 → %3", nullptr, int(cell.deals))
                                         .arg(format.money(cell.amount, currency),
                                              sideName(from, true), sideName(to, false)));
                if (from != to)
                    item->setFont(bold);
            }
            m_moves->setItem(from, to, item);
        }
        // Closed and Omitted open deals are rare: their rows show when they hold any.
        const bool rare =
                from == int(ForecastCategory::Closed) || from == int(ForecastCategory::Omitted);
        m_moves->setRowHidden(from, rare && !any);
    }
    m_moves->setEnabled(m_compared);
    // As tall as its shown rows: the deals below get the rest.
    int height = m_moves->horizontalHeader()->sizeHint().height() + 2 * m_moves->frameWidth();
    for (int row = 0; row < categorySides; ++row)
        if (!m_moves->isRowHidden(row))
            height += m_moves->verticalHeader()->sectionSizeHint(row);
    m_moves->setFixedHeight(height);
}

void ForecastPanel::setMissedGatewayCommit(Minor amount, int deals)
{
    m_missedCommit = amount;
    m_missedDeals = deals;
    update();
}

QString ForecastPanel::figureText(Figure figure) const
{
    return m_values[std::size_t(figure)]->text();
}

void ForecastPanel::update()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    const health::HealthReport &report = m_health->report();
    const QString currency = view->settings.currency;
    const Formatter format;
    const health::ForecastFigures &f = report.forecast;
    Minor honest = f.commitHonest;
    const bool withoutMissed = m_gatewayBox->isChecked() && m_missedDeals > 0;
    if (withoutMissed)
        honest = std::max<Minor>(0, honest - m_missedCommit);
    const Minor values[] = { f.closed, f.commit, f.bestCase, f.pipeline, honest };
    for (int i = 0; i < FigureCount; ++i)
        m_values[std::size_t(i)]->setText(format.money(values[i], currency));
    m_names[HonestCommit]->setText(
            withoutMissed ? tr("Honest commit, without %n deal(s) that missed a gateway", nullptr,
                               m_missedDeals)
                          : tr("Honest commit"));
    m_period->setText(tr("For %1, as of %2. Each figure includes the one before; honest commit "
                         "leaves the stalled deals out.")
                              .arg(report.period.label(), format.date(report.asOf)));
    m_gatewayBox->setEnabled(m_missedDeals > 0);
    m_gatewayBox->setToolTip(
            m_missedDeals > 0
                    ? tr("%n Commit deal(s) worth %1 went past a stage without meeting its "
                         "criteria (Gateways tab).",
                         nullptr, m_missedDeals)
                              .arg(format.money(m_missedCommit, currency))
                    : tr("No Commit deal missed a gateway."));
}

} // namespace tp::ui
