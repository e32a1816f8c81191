#include "keymetricspanel.h"

#include "models/formatter.h"
#include "style/theme.h"
#include "widgets/tablekeys.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace tp::ui {

namespace {

enum Column {
    Rep,
    WinRate,
    AverageDeal,
    AverageCycle,
    Won,
    Attainment,
    CoverageRaw,
    CoverageHonest,
    Active,
    Stalled,
    AtRisk,
    ColumnCount
};

} // namespace

KeyMetricsPanel::KeyMetricsPanel(QWidget *parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_table(new QTableWidget(this)),
      m_conversionTitle(new QLabel(tr("Stage conversion"), this)),
      m_conversion(new QTableWidget(this)),
      m_conversionNote(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({ tr("Rep"), tr("Win Rate"), tr("Avg Deal"), tr("Avg Cycle"),
                                         tr("Won"), tr("Attainment"), tr("Raw Coverage"),
                                         tr("Honest Coverage"), tr("Active / Capacity"),
                                         tr("Stalled"), tr("At Risk") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Key metrics"));
    letTabLeave(m_table);

    QFont bold = m_conversionTitle->font();
    bold.setBold(true);
    m_conversionTitle->setFont(bold);
    layout->addWidget(m_conversionTitle);
    layout->addWidget(m_conversion);
    m_conversionNote->setWordWrap(true);
    m_conversionNote->setObjectName(QStringLiteral("conversionNote"));
    m_conversionNote->hide();
    layout->addWidget(m_conversionNote);
    m_conversion->setColumnCount(6);
    m_conversion->setHorizontalHeaderLabels({ tr("Stage"), tr("Reached"), tr("Left It"),
                                              tr("Moved On"), tr("Conversion"),
                                              tr("Avg Days in Stage") });
    m_conversion->verticalHeader()->hide();
    m_conversion->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversion->setAlternatingRowColors(true);
    m_conversion->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_conversion->setAccessibleName(tr("Stage conversion"));
    letTabLeave(m_conversion);
    m_conversion->setToolTip(tr("Of the deals that reached a stage and are no longer in it, the "
                                "share that reached a later stage or Won; over the open deals and "
                                "those closed in the window"));
    m_conversion->setRowCount(int(openStages.size()));
    m_conversion->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_conversion->setFixedHeight(m_conversion->horizontalHeader()->sizeHint().height()
                                 + int(openStages.size())
                                         * m_conversion->verticalHeader()->defaultSectionSize()
                                 + 2 * m_conversion->frameWidth() + 2);
    layout->setStretch(1, 1);
}

void KeyMetricsPanel::setConversion(const std::optional<health::StageConversion> &conversion,
                                    const BookView &view)
{
    const Formatter format;
    m_conversionTitle->setText(conversion ? tr("Stage conversion")
                                          : tr("Stage conversion (reading the stage history…)"));
    const qint64 unknown = conversion ? conversion->lostAtUnknownStage : 0;
    m_conversionNote->setVisible(unknown > 0);
    m_conversionNote->setText(
            tr("%Ln lost deal(s) left out: stage unknown (nothing in the CRM's "
               "export or the book's history says at which stage they were lost).",
               nullptr, int(std::min<qint64>(unknown, std::numeric_limits<int>::max()))));
    for (Stage stage : openStages) {
        const auto s = std::size_t(stageIndex(stage));
        QStringList cells{
            stageName(stage), QString(), QString(), QString(), QString(), QString()
        };
        bool slow = false;
        if (conversion) {
            const health::StageConversion::Row &row = conversion->stages[s];
            cells[1] = format.number(row.reached);
            cells[2] = format.number(row.left);
            cells[3] = format.number(row.converted);
            cells[4] = row.rate ? format.ratio(*row.rate) : tr("none left it");
            const int limit = view.settings.stageLimitDays[s];
            cells[5] = row.averageDays
                    ? tr("%1 (limit %2)")
                              .arg(format.locale().toString(*row.averageDays, 'f', 1),
                                   format.number(limit))
                    : tr("unknown");
            slow = row.averageDays && *row.averageDays > limit;
        }
        for (int c = 0; c < int(cells.size()); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter
                                          : Qt::AlignRight | Qt::AlignVCenter);
            if (c == 0)
                item->setIcon(theme::stageIcon(stage));
            if (c == 5 && slow) {
                item->setForeground(theme::warningText());
                item->setToolTip(tr("Longer than the stage limit on average"));
            }
            m_conversion->setItem(int(s), c, item);
        }
    }
}

void KeyMetricsPanel::setReport(const health::HealthReport &report, const BookView &view)
{
    const Formatter format;
    const QString currency = view.settings.currency;
    const health::WindowMetrics &m = report.metrics;
    const auto share = [&](const std::optional<double> &v, const QString &undefined) {
        return v ? format.ratio(*v) : undefined;
    };
    const QString noClosed = tr("no closed deals");
    QString spread = share(m.repSpread, tr("undefined"));
    if (m.repSpread && *m.repSpread < view.settings.spreadBar)
        spread = tr("%1, below the %2 bar").arg(spread, format.ratio(view.settings.spreadBar));
    m_summary->setText(tr("Last %1 days (from %2): rep spread %3. Attainment bar %4.")
                               .arg(format.number(m.windowDays), format.date(m.windowStart), spread,
                                    format.ratio(view.settings.attainmentBar)));

    m_table->setRowCount(0);
    const QColor warning = theme::warningText();
    const auto addRow = [&](const QString &name, const std::optional<double> &winRate,
                            const std::optional<Minor> &averageDeal,
                            const std::optional<double> &averageCycle, Minor won,
                            const std::optional<double> &attainment,
                            const std::optional<double> &raw, const std::optional<double> &honest,
                            const QString &active, bool overCapacity, qint64 stalled, qint64 atRisk,
                            bool bold) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{ name,
                                 share(winRate, noClosed),
                                 averageDeal ? format.money(*averageDeal, currency) : tr("no wins"),
                                 averageCycle ? tr("%1 days").arg(
                                         format.locale().toString(*averageCycle, 'f', 1))
                                              : tr("no wins"),
                                 format.money(won, currency),
                                 share(attainment, tr("no quota")),
                                 share(raw, tr("n/a")),
                                 share(honest, tr("n/a")),
                                 active,
                                 format.number(stalled),
                                 format.number(atRisk) };
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment(c == Rep ? Qt::AlignLeft | Qt::AlignVCenter
                                            : Qt::AlignRight | Qt::AlignVCenter);
            if (bold) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            const bool belowBar =
                    c == Attainment && attainment && *attainment < view.settings.attainmentBar;
            if (belowBar || (c == Active && overCapacity)) {
                item->setForeground(warning);
                item->setToolTip(belowBar ? tr("Below the %1 attainment bar")
                                                    .arg(format.ratio(view.settings.attainmentBar))
                                          : tr("More active deals than capacity"));
            }
            m_table->setItem(row, c, item);
        }
    };
    qint64 active = 0;
    qint64 capacity = 0;
    for (const health::RepFigures &r : report.reps) {
        active += r.active;
        capacity += r.capacity;
    }
    addRow(tr("Team"), m.winRate, m.averageDealSize, m.averageCycleDays, m.wonAmount, m.attainment,
           report.coverage.raw, report.coverage.honestRatio,
           tr("%1 / %2").arg(format.number(active), format.number(capacity)), active > capacity,
           report.stalled.count, report.atRisk.count, true);
    for (const health::RepFigures &r : report.reps) {
        addRow(view.reps[std::size_t(r.rep)].name, r.winRate, r.averageDealSize, r.averageCycleDays,
               r.wonAmount, r.attainment, r.coverageRaw, r.coverageHonest,
               tr("%1 / %2").arg(format.number(r.active), format.number(r.capacity)),
               r.active > r.capacity, r.stalled, r.atRisk, false);
    }
}

} // namespace tp::ui
