#include "healthdealsmodel.h"

#include "healthstate.h"
#include "models/modelroles.h"
#include "session/booksession.h"
#include "style/theme.h"

#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <bit>

namespace tp::ui {

namespace {

QIcon levelIcon(health::Level level)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(theme::healthColor(int(level), theme::isDark()));
    p.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

QString text(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

} // namespace

HealthDealsModel::HealthDealsModel(HealthState *state, QObject *parent)
    : QAbstractTableModel(parent), m_state(state)
{
    connect(state, &HealthState::evaluated, this, [this](bool scopeChanged) {
        if (scopeChanged) {
            Filter cleared;
            cleared.text = m_filter.text;
            m_filter = cleared;
        }
        rebuild();
    });
    rebuild();
}

int HealthDealsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HealthDealsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int HealthDealsModel::totalCount() const
{
    return int(m_state->report().openRows.size());
}

int HealthDealsModel::opportunityAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)] : -1;
}

Id HealthDealsModel::idAt(int row) const
{
    const int r = opportunityAt(row);
    const BookView *view = m_state->session()->view();
    return r >= 0 && view ? view->opportunities.id[std::size_t(r)] : 0;
}

void HealthDealsModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
}

health::DealFacts HealthDealsModel::factsOf(int r) const
{
    const health::HealthReport &report = m_state->report();
    return health::factsOf(*m_state->session()->view(), r, report.asOf.toJulianDay());
}

void HealthDealsModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    const BookView *view = m_state->session()->view();
    const health::HealthReport &report = m_state->report();
    if (view) {
        const auto &o = view->opportunities;
        const QString needle = m_filter.text.trimmed();
        for (const int r : report.openRows) {
            const auto i = std::size_t(r);
            const health::Assessment &a = report.assessments[i];
            if (!(m_filter.levels & (1u << unsigned(a.level))))
                continue;
            if (m_filter.stage && tp::Stage(o.stage[i]) != *m_filter.stage)
                continue;
            if (m_filter.age && health::ageBucketOf(factsOf(r).inStage) != *m_filter.age)
                continue;
            if (!needle.isEmpty()) {
                const int account = o.account[i];
                const bool match = o.name.at(i).contains(needle, Qt::CaseInsensitive)
                        || (account >= 0
                            && view->accounts.name.at(std::size_t(account))
                                       .contains(needle, Qt::CaseInsensitive));
                if (!match)
                    continue;
            }
            m_rows.push_back(r);
        }
        // Worst first, then the larger amounts: the order before, and within, a user's sort.
        health::sortWorstFirst(m_rows, *view, report);
    }
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

QVariant HealthDealsModel::sortKey(int r, int column) const
{
    const BookView &view = *m_state->session()->view();
    const auto &o = view.opportunities;
    const auto i = std::size_t(r);
    const health::DealFacts f = factsOf(r);
    switch (Column(column)) {
    case Health:
        return int(m_state->report().assessments[i].level);
    case Opportunity:
        return text(o.name.folded(i));
    case Account:
        return o.account[i] >= 0 ? text(view.accounts.name.folded(std::size_t(o.account[i])))
                                 : QString();
    case Owner:
        return o.owner[i] >= 0 ? view.reps[std::size_t(o.owner[i])].name.toCaseFolded() : QString();
    case Stage:
        return int(o.stage[i]);
    case Amount:
        return qlonglong(view.reportingAmount(r).value_or(o.amount[i]));
    case CloseDate:
        return o.closeDate[i];
    case Idle:
        return f.idle.value_or(-1);
    case InStage:
        return f.inStage.value_or(-1);
    case Pushes:
        return f.pushes;
    case Reasons:
        return int(std::popcount(unsigned(m_state->report().assessments[i].fired)));
    case ColumnCount:
        break;
    }
    return {};
}

void HealthDealsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_state->session()->view())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> persistentRows;
    for (const QModelIndex &index : before)
        persistentRows.push_back(opportunityAt(index.row()));
    std::vector<std::pair<QVariant, int>> keyed;
    keyed.reserve(m_rows.size());
    for (const int r : m_rows)
        keyed.emplace_back(sortKey(r, column), r);
    std::stable_sort(keyed.begin(), keyed.end(), [order](const auto &a, const auto &b) {
        const auto c = QVariant::compare(a.first, b.first);
        return order == Qt::AscendingOrder ? c == QPartialOrdering::Less
                                           : c == QPartialOrdering::Greater;
    });
    std::vector<int> position(std::size_t(m_state->session()->view()->opportunities.size()), -1);
    for (std::size_t k = 0; k < keyed.size(); ++k) {
        m_rows[k] = keyed[k].second;
        position[std::size_t(keyed[k].second)] = int(k);
    }
    QModelIndexList after;
    for (qsizetype k = 0; k < before.size(); ++k) {
        const int r = persistentRows[std::size_t(k)];
        after.append(r >= 0 && position[std::size_t(r)] >= 0
                             ? index(position[std::size_t(r)], before[k].column())
                             : QModelIndex());
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QVariant HealthDealsModel::data(const QModelIndex &index, int role) const
{
    const int r = opportunityAt(index.row());
    const BookView *view = m_state->session()->view();
    if (r < 0 || !view)
        return {};
    const auto &o = view->opportunities;
    const auto i = std::size_t(r);
    const health::HealthReport &report = m_state->report();
    const health::Assessment &a = report.assessments[i];
    if (role == IdRole)
        return qlonglong(o.id[i]);
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Amount:
        case Idle:
        case InStage:
        case Pushes:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    if (role == Qt::DecorationRole && index.column() == Health)
        return levelIcon(a.level);
    if (role == Qt::DecorationRole && index.column() == Stage)
        return theme::stageIcon(tp::Stage(o.stage[i]));
    if (role == Qt::ToolTipRole && (index.column() == Reasons || index.column() == Health)) {
        const QStringList reasons = health::Reasons::describe(factsOf(r), a, report.context);
        return reasons.isEmpty() ? QVariant() : QVariant(reasons.join(QLatin1Char('\n')));
    }
    if (role != Qt::DisplayRole)
        return {};
    const health::DealFacts f = factsOf(r);
    const auto days = [&](const std::optional<int> &d) {
        return d ? m_format.number(*d) : tr("unknown");
    };
    switch (Column(index.column())) {
    case Health:
        return health::levelName(a.level);
    case Opportunity:
        return o.name.at(i);
    case Account:
        return o.account[i] >= 0 ? view->accounts.name.at(std::size_t(o.account[i])) : QString();
    case Owner:
        return o.owner[i] >= 0 ? view->reps[std::size_t(o.owner[i])].name : QString();
    case Stage:
        return stageName(tp::Stage(o.stage[i]));
    case Amount:
        return m_format.money(o.amount[i], o.currencies.value(o.currency[i]));
    case CloseDate:
        return m_format.dateFromDay(o.closeDate[i]);
    case Idle:
        return days(f.idle);
    case InStage:
        return days(f.inStage);
    case Pushes:
        return m_format.number(f.pushes);
    case Reasons:
        return health::Reasons::describe(f, a, report.context).join(QStringLiteral("; "));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HealthDealsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Health:
        return tr("Health");
    case Opportunity:
        return tr("Opportunity");
    case Account:
        return tr("Account");
    case Owner:
        return tr("Owner");
    case Stage:
        return tr("Stage");
    case Amount:
        return tr("Amount");
    case CloseDate:
        return tr("Expected Close");
    case Idle:
        return tr("Days Idle");
    case InStage:
        return tr("Days in Stage");
    case Pushes:
        return tr("Pushes");
    case Reasons:
        return tr("Reasons");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tp::ui
