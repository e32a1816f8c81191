#include "worklistmodel.h"

#include "models/modelroles.h"
#include "roistate.h"
#include "session/booksession.h"
#include "style/theme.h"

#include <QBrush>
#include <QFont>

#include <cmath>

namespace tp::ui {

WorkListModel::WorkListModel(RoiState *state, QObject *parent)
    : QAbstractTableModel(parent), m_state(state)
{
    // Another view: RoiState drops the figures of this one at once, so do the rows (the new
    // figures come with the scope's change after the load).
    connect(state->session(), &BookSession::aboutToSwitchBook, this, [this] {
        beginResetModel();
        m_positions.clear();
        m_rowOfPosition.clear();
        endResetModel();
    });
    connect(state, &RoiState::evaluated, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    rebuild();
}

void WorkListModel::rebuild()
{
    m_positions.clear();
    const auto &list = m_state->evaluatedResult().workList;
    m_rowOfPosition.assign(list.size(), -1);
    const BookView *view = m_state->session()->view();
    const std::string needle = m_text.trimmed().toCaseFolded().toStdString();
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!needle.empty() && view
            && view->accounts.name.folded(std::size_t(list[i].row)).find(needle)
                    == std::string_view::npos)
            continue;
        m_rowOfPosition[i] = int(m_positions.size());
        m_positions.push_back(int(i));
    }
}

void WorkListModel::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    beginResetModel();
    m_text = text;
    rebuild();
    endResetModel();
}

int WorkListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_positions.size());
}

int WorkListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int WorkListModel::totalCount() const
{
    return int(m_state->evaluatedResult().workList.size());
}

int WorkListModel::accountAt(int row) const
{
    if (row < 0 || row >= int(m_positions.size()))
        return -1;
    return m_state->evaluatedResult().workList[std::size_t(m_positions[std::size_t(row)])].row;
}

int WorkListModel::rowOfAccount(int account) const
{
    const int position = m_state->rankOf(account);
    return position >= 0 && std::size_t(position) < m_rowOfPosition.size()
            ? m_rowOfPosition[std::size_t(position)]
            : -1;
}

QVariant WorkListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const bool numeric = section == Rank || section == Likelihood || section == Potential
            || section == ExpectedValue || section == OpenPipeline || section == ActiveDeals;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
                Qt::Alignment((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ExpectedValue:
            return tr("Revenue potential × likelihood of engagement");
        case Contributions:
            return tr("What each engagement factor adds to the likelihood");
        case Potential:
            return tr("The potential set for the account, else its open pipeline (in italics)");
        case Likelihood:
            return tr("Likelihood of engagement; “· 1/6”: scored on 1 of its 6 factors (in "
                      "italics when fewer than half)");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank:
        return tr("Rank");
    case Account:
        return tr("Account");
    case Owner:
        return tr("Owner");
    case Likelihood:
        return tr("Likelihood");
    case Potential:
        return tr("Potential");
    case ExpectedValue:
        return tr("Expected value");
    case Quadrant:
        return tr("Quadrant");
    case Contributions:
        return tr("Factors");
    case OpenPipeline:
        return tr("Open pipeline");
    case ActiveDeals:
        return tr("Active deals");
    }
    return {};
}

QVariant WorkListModel::data(const QModelIndex &index, int role) const
{
    const BookView *view = m_state->session()->view();
    if (!view || !index.isValid() || index.row() >= int(m_positions.size()))
        return {};
    // The figures this model announced: an edit evaluated later resets it when it is.
    const roi::RoiResult &result = m_state->evaluatedResult();
    const int position = m_positions[std::size_t(index.row())];
    const roi::ScoredAccount &s = result.workList[std::size_t(position)];
    const auto row = std::size_t(s.row);
    const auto &a = view->accounts;
    const QString currency = view->settings.currency;
    switch (role) {
    case IdRole:
        return qlonglong(a.id[row]);
    case CapacityLineRole:
        return position + 1 == result.withinCapacity;
    case ContributionsRole: {
        if (index.column() != Contributions)
            return {};
        QVariantList shares;
        for (const double share : roi::contributions(view->scoring, view->scores, s))
            shares.append(share);
        return shares;
    }
    case Qt::TextAlignmentRole:
        return headerData(index.column(), Qt::Horizontal, role);
    case Qt::FontRole:
        if ((index.column() == Potential && s.potentialDerived)
            || (index.column() == Likelihood && s.thinlyScored())) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == Potential && s.potentialDerived)
            || (index.column() == Likelihood && s.thinlyScored()))
            return QBrush(theme::derivedText());
        if (index.column() == Quadrant)
            return QBrush(theme::quadrantColor(int(s.quadrant), theme::isDark()));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Contributions || index.column() == Account)
            return m_state->describe(s);
        if (index.column() == Likelihood) {
            QString text = RoiState::factorCoverageText(s);
            text[0] = text[0].toUpper();
            return s.thinlyScored() ? tr("%1: fewer than half, the likelihood rests on little "
                                         "evidence")
                                              .arg(text)
                                    : text;
        }
        if (position >= result.withinCapacity)
            return tr("Beyond the capacity of %n active deal(s)", nullptr, result.capacity);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Rank:
        return m_format.number(position + 1);
    case Account:
        return a.name.at(row);
    case Owner:
        return a.owner[row] >= 0 ? view->reps[std::size_t(a.owner[row])].name : QString();
    case Likelihood:
        // Scored on some of its factors only: how many, next to the figure.
        if (s.scoredFactors < s.weightedFactors)
            return tr("%1 · %2/%3")
                    .arg(m_format.share(s.likelihood), m_format.number(s.scoredFactors),
                         m_format.number(s.weightedFactors));
        return m_format.share(s.likelihood);
    case Potential:
        return m_format.money(s.potential, currency);
    case ExpectedValue:
        return m_format.money(s.ev, currency);
    case Quadrant:
        return s.belowFloor ? tr("%1 (below floor)").arg(roi::quadrantName(s.quadrant))
                            : roi::quadrantName(s.quadrant);
    case OpenPipeline:
        return m_format.money(a.openAmount[row], currency);
    case ActiveDeals:
        return m_format.number(a.openCount[row]);
    default:
        return {};
    }
}

} // namespace tp::ui
