#include "opportunitytablemodel.h"

#include "domain/dates.h"
#include "edits/bookeditor.h"
#include "modelroles.h"
#include "session/booksession.h"
#include "style/theme.h"

#include <QBrush>
#include <QFont>

#include <cmath>

namespace tp::ui {

namespace {

using Column = OpportunityColumn;

bool sortDependsOnEdits(int column)
{
    switch (Column(column)) {
    case Column::Owner:
    case Column::Stage:
    case Column::Status:
    case Column::Amount:
    case Column::Probability:
    case Column::Weighted:
    case Column::Forecast:
    case Column::CloseDate:
        return true;
    default:
        return false;
    }
}

} // namespace

OpportunityTableModel::OpportunityTableModel(BookSession *session, QObject *parent)
    : BookTableModel(session, parent)
{
    connect(session, &BookSession::changed, this, [this](const BookChange &change) {
        const BookView *view = m_session->view();
        if (!view || !change.aspects().testFlag(ChangeAspect::Opportunities))
            return;
        if (sortDependsOnEdits(sortColumn()))
            invalidateSortCache(); // the rows stay put until the next sort or filter
        // ... unless the edit took one out of the filter or the scope (another owner, stage or
        // status): then it leaves at once, or comes in.
        std::vector<int> rows;
        for (const Id id : change.opportunityIds())
            rows.push_back(view->opportunities.indexOf(id));
        updateRows(std::move(rows));
    });
    populate();
}

int OpportunityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

int OpportunityTableModel::totalCount() const
{
    const BookView *view = m_session->view();
    return view ? view->opportunities.size() : 0;
}

Id OpportunityTableModel::idAt(int row) const
{
    return m_session->view()->opportunities.id[std::size_t(sourceRow(row))];
}

int OpportunityTableModel::rowOfId(Id id) const
{
    const BookView *view = m_session->view();
    return view ? rowOfSource(view->opportunities.indexOf(id)) : -1;
}

bool OpportunityTableModel::isNumeric(Column column)
{
    return column == Column::Amount || column == Column::Probability || column == Column::Weighted;
}

std::vector<int> OpportunityTableModel::sortedRows(int column, bool descending) const
{
    return sortedOpportunities(*m_session->view(), Column(column), descending);
}

std::vector<int> OpportunityTableModel::filteredRows(const std::vector<int> &sorted,
                                                     const RowFilter &filter) const
{
    return filterOpportunities(*m_session->view(), sorted, filter);
}

QVariant OpportunityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return BookTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(Column(section)) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Account:
        return tr("Account");
    case Column::Owner:
        return tr("Owner");
    case Column::Stage:
        return tr("Stage");
    case Column::Status:
        return tr("Status");
    case Column::Amount:
        return tr("Amount");
    case Column::Probability:
        return tr("Probability");
    case Column::Weighted:
        return tr("Weighted");
    case Column::Forecast:
        return tr("Forecast");
    case Column::Created:
        return tr("Created");
    case Column::CloseDate:
        return tr("Expected close");
    case Column::LastActivity:
        return tr("Last activity");
    case Column::CrmId:
        return tr("CRM id");
    case Column::Count:
        break;
    }
    return {};
}

Qt::ItemFlags OpportunityTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = BookTableModel::flags(index);
    if (!index.isValid())
        return f;
    switch (Column(index.column())) {
    case Column::Owner:
    case Column::Stage:
    case Column::Amount:
    case Column::Probability:
    case Column::CloseDate: {
        const auto status = Status(
                m_session->view()->opportunities.status[std::size_t(sourceRow(index.row()))]);
        if (status != Status::Removed)
            f |= Qt::ItemIsEditable;
        break;
    }
    case Column::Forecast: {
        // Won deals are Closed and lost ones Omitted, whatever anyone calls them.
        const auto status = Status(
                m_session->view()->opportunities.status[std::size_t(sourceRow(index.row()))]);
        if (status == Status::Open)
            f |= Qt::ItemIsEditable;
        break;
    }
    default:
        break;
    }
    return f;
}

QVariant OpportunityTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_session->view())
        return {};
    const int row = sourceRow(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::EditRole:
        return editValue(row, column);
    case RawValueRole:
        return rawValue(row, column);
    case IdRole:
        return qlonglong(m_session->view()->opportunities.id[std::size_t(row)]);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::DecorationRole:
        if (column == Column::Stage)
            return theme::stageIcon(
                    Stage(m_session->view()->opportunities.stage[std::size_t(row)]));
        return {};
    case Qt::ForegroundRole:
        return foreground(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::FontRole:
        return font(row, column);
    case FallbackRole:
        if (column == Column::Forecast)
            return forecastFallback(row);
        return {};
    default:
        return {};
    }
}

QVariant OpportunityTableModel::display(int row, Column column) const
{
    const BookView &v = *m_session->view();
    const auto &o = v.opportunities;
    const auto i = std::size_t(row);
    switch (column) {
    case Column::Name:
        return o.name.at(i);
    case Column::Account:
        return o.account[i] >= 0 ? v.accounts.name.at(std::size_t(o.account[i])) : QString();
    case Column::Owner:
        return o.owner[i] >= 0 ? v.reps[std::size_t(o.owner[i])].name : tr("Unassigned");
    case Column::Stage:
        return stageName(Stage(o.stage[i]));
    case Column::Status:
        return statusName(Status(o.status[i]));
    case Column::Amount:
        return m_format.money(o.amount[i], o.currencies.value(o.currency[i]));
    case Column::Probability:
        return m_format.percent(v.probability(row));
    case Column::Weighted:
        return m_format.money(v.weightedAmount(row), o.currencies.value(o.currency[i]));
    case Column::Forecast:
        return forecastCategoryName(v.forecast(row));
    case Column::Created:
        return m_format.dateFromDay(o.created[i]);
    case Column::CloseDate:
        return m_format.dateFromDay(o.closeDate[i]);
    case Column::LastActivity:
        return m_format.dateFromDay(o.lastActivity[i]);
    case Column::CrmId:
        return o.crmId.at(i);
    case Column::Count:
        break;
    }
    return {};
}

QVariant OpportunityTableModel::editValue(int row, Column column) const
{
    const BookView &v = *m_session->view();
    const auto &o = v.opportunities;
    const auto i = std::size_t(row);
    switch (column) {
    case Column::Stage:
        return int(o.stage[i]);
    case Column::Amount:
        return double(o.amount[i]) / 100.0;
    case Column::CloseDate:
        return dayToDate(o.closeDate[i]);
    case Column::Probability:
        // Empty when the stage default (or the import) applies: the editor shows "—".
        return o.override[i] >= 0 ? QVariant(double(o.override[i]) / 100.0) : QVariant();
    case Column::Owner:
        return o.owner[i] >= 0 ? QVariant(qlonglong(v.reps[std::size_t(o.owner[i])].id))
                               : QVariant();
    case Column::Forecast:
        // The rep's call, -1 when there is none (the CRM's or the stage's category applies).
        return int(o.forecastCall[i]) - 1;
    default:
        return display(row, column);
    }
}

QVariant OpportunityTableModel::rawValue(int row, Column column) const
{
    const BookView &v = *m_session->view();
    const auto &o = v.opportunities;
    const auto i = std::size_t(row);
    switch (column) {
    case Column::Name:
        return o.name.at(i);
    case Column::Account:
        return o.account[i] >= 0 ? QVariant(qlonglong(v.accounts.id[std::size_t(o.account[i])]))
                                 : QVariant();
    case Column::Owner:
        return o.owner[i] >= 0 ? QVariant(qlonglong(v.reps[std::size_t(o.owner[i])].id))
                               : QVariant();
    case Column::Stage:
        return int(o.stage[i]);
    case Column::Status:
        return int(o.status[i]);
    case Column::Amount:
        return qlonglong(o.amount[i]);
    case Column::Probability:
        return v.probability(row);
    case Column::Weighted:
        return qlonglong(v.weightedAmount(row));
    case Column::Forecast:
        return int(v.forecast(row));
    case Column::Created:
        return dayToDate(o.created[i]);
    case Column::CloseDate:
        return dayToDate(o.closeDate[i]);
    case Column::LastActivity:
        return dayToDate(o.lastActivity[i]);
    case Column::CrmId:
        return o.crmId.at(i);
    case Column::Count:
        break;
    }
    return {};
}

QVariant OpportunityTableModel::toolTip(int row, Column column) const
{
    const BookView &v = *m_session->view();
    const auto &o = v.opportunities;
    const auto i = std::size_t(row);
    switch (column) {
    case Column::Name:
    case Column::Account:
        return display(row, column);
    case Column::Probability:
        if (o.override[i] >= 0)
            return tr("Set by hand (stage default %1)")
                    .arg(m_format.percent(v.settings.defaultProbability(Stage(o.stage[i]))));
        if (o.probability[i] >= 0)
            return tr("From the CRM import");
        return tr("Default of the %1 stage").arg(stageName(Stage(o.stage[i])));
    case Column::Weighted:
        return tr("Amount × probability");
    case Column::Forecast:
        return forecastToolTip(row);
    default:
        return {};
    }
}

std::optional<ForecastCategory> OpportunityTableModel::forecastCall(int row) const
{
    return forecastCategoryFromInt(
            int(m_session->view()->opportunities.forecastCall[std::size_t(row)]) - 1);
}

QString OpportunityTableModel::forecastFallback(int row) const
{
    const auto &o = m_session->view()->opportunities;
    const auto i = std::size_t(row);
    return forecastCategoryName(effectiveForecastCategory(
            Status(o.status[i]), Stage(o.stage[i]),
            forecastCategoryFromInt(int(o.forecastCategory[i]) - 1), std::nullopt));
}

QString OpportunityTableModel::forecastToolTip(int row) const
{
    const auto &o = m_session->view()->opportunities;
    const auto i = std::size_t(row);
    const auto status = Status(o.status[i]);
    if (status == Status::Won)
        return tr("Won deals count as Closed");
    if (status != Status::Open)
        return tr("Lost and removed deals count as Omitted");
    const std::optional<ForecastCategory> crm =
            forecastCategoryFromInt(int(o.forecastCategory[i]) - 1);
    const QString stage = stageName(Stage(o.stage[i]));
    if (forecastCall(row))
        return crm ? tr("Rep's call; CRM says %1").arg(forecastCategoryName(*crm))
                   : tr("Rep's call; the CRM gives none, the %1 stage says %2")
                             .arg(stage, forecastFallback(row));
    if (crm)
        return tr("From the CRM import");
    return tr("Default of the %1 stage").arg(stage);
}

QVariant OpportunityTableModel::font(int row, Column column) const
{
    if (column != Column::Forecast || !forecastCall(row))
        return {};
    // A rep's call reads apart from what the CRM or the stage says.
    QFont italic;
    italic.setItalic(true);
    return italic;
}

QVariant OpportunityTableModel::foreground(int row, Column column) const
{
    const auto &o = m_session->view()->opportunities;
    const auto i = std::size_t(row);
    switch (column) {
    case Column::Owner:
        return o.owner[i] < 0 ? QVariant(QBrush(theme::derivedText())) : QVariant();
    case Column::Status:
        switch (Status(o.status[i])) {
        case Status::Won:
            return QBrush(theme::positiveText());
        case Status::Lost:
            return QBrush(theme::negativeText());
        case Status::Removed:
            return QBrush(theme::derivedText());
        case Status::Open:
            break;
        }
        return {};
    case Column::Probability:
        return o.override[i] < 0 && o.probability[i] < 0 ? QVariant(QBrush(theme::derivedText()))
                                                         : QVariant();
    case Column::Forecast:
        // Like a probability: the stage's default is derived, the CRM's and the rep's are not.
        return o.forecastCall[i] == 0 && o.forecastCategory[i] == 0
                        && Status(o.status[i]) == Status::Open
                ? QVariant(QBrush(theme::derivedText()))
                : QVariant();
    default:
        return {};
    }
}

bool OpportunityTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    return apply(idAt(index.row()), Column(index.column()), value);
}

bool OpportunityTableModel::apply(Id id, Column column, const QVariant &value)
{
    switch (column) {
    case Column::Stage: {
        std::optional<Stage> stage;
        bool isNumber = false;
        const int n = value.toInt(&isNumber);
        if (isNumber && n >= 1 && n <= 6)
            stage = Stage(n);
        else if (!isNumber)
            for (Stage s : allStages)
                if (value.toString().trimmed().compare(stageName(s), Qt::CaseInsensitive) == 0
                    || value.toString().trimmed().compare(stageKey(s), Qt::CaseInsensitive) == 0)
                    stage = s;
        if (!stage) {
            m_session->reportError(tr("“%1” is not a stage.").arg(value.toString()));
            return false;
        }
        return m_session->edit(&BookEditor::setStage, only(id), *stage, QDate::currentDate());
    }
    case Column::Amount: {
        bool ok = false;
        const auto amount = m_format.moneyFromVariant(value, &ok);
        if (!ok) {
            m_session->reportError(tr("“%1” is not an amount.").arg(value.toString()));
            return false;
        }
        if (!amount) {
            m_session->reportError(tr("An opportunity needs an amount."));
            return false;
        }
        return m_session->edit(&BookEditor::setAmount, id, *amount);
    }
    case Column::CloseDate: {
        QDate date = value.toDate();
        if (!date.isValid() && value.typeId() == QMetaType::QString)
            date = m_format.parseDate(value.toString());
        if (!date.isValid()) {
            m_session->reportError(tr("“%1” is not a valid date.").arg(value.toString()));
            return false;
        }
        return m_session->edit(&BookEditor::setCloseDate, only(id), date, QDate::currentDate());
    }
    case Column::Probability: {
        // Empty clears the override: the import's or the stage's probability applies again.
        if (!value.isValid() || value.isNull() || value.toString().trimmed().isEmpty())
            return m_session->edit(&BookEditor::setProbabilityOverride, only(id), std::nullopt);
        bool ok = false;
        double percent = 0;
        if (value.typeId() == QMetaType::QString) {
            QString text = value.toString().trimmed();
            if (text.endsWith(m_format.locale().percent()) || text.endsWith(QLatin1Char('%')))
                text.chop(1);
            percent = m_format.locale().toDouble(text.trimmed(), &ok);
            if (!ok)
                percent = QLocale::c().toDouble(text.trimmed(), &ok);
        } else {
            percent = value.toDouble(&ok);
        }
        if (!ok || !std::isfinite(percent)) {
            m_session->reportError(tr("“%1” is not a percentage.").arg(value.toString()));
            return false;
        }
        if (percent < 0 || percent > 100) {
            m_session->reportError(tr("A probability lies between 0% and 100%."));
            return false;
        }
        return m_session->edit(&BookEditor::setProbabilityOverride, only(id),
                               BasisPoints(std::lround(percent * 100)));
    }
    case Column::Forecast: {
        // -1 or empty clears the rep's call: the CRM's or the stage's category applies again.
        if (!value.isValid() || value.isNull() || value.toString().trimmed().isEmpty())
            return m_session->edit(&BookEditor::setForecastCall, only(id), std::nullopt);
        bool isNumber = false;
        const int n = value.toInt(&isNumber);
        std::optional<ForecastCategory> category;
        if (isNumber && n < 0)
            return m_session->edit(&BookEditor::setForecastCall, only(id), std::nullopt);
        if (isNumber)
            category = forecastCategoryFromInt(n);
        else
            for (ForecastCategory c : allForecastCategories)
                if (value.toString().trimmed().compare(forecastCategoryName(c), Qt::CaseInsensitive)
                    == 0)
                    category = c;
        if (!category && !isNumber)
            category = forecastCategoryFromCrm(value.toString());
        if (!category) {
            m_session->reportError(tr("“%1” is not a forecast category.").arg(value.toString()));
            return false;
        }
        return m_session->edit(&BookEditor::setForecastCall, only(id), *category);
    }
    case Column::Owner: {
        if (!value.isValid() || value.isNull())
            return m_session->edit(&BookEditor::setOpportunityOwner, only(id), std::nullopt);
        bool isNumber = false;
        const qlonglong rep = value.toLongLong(&isNumber);
        if (isNumber)
            return m_session->edit(&BookEditor::setOpportunityOwner, only(id),
                                   rep > 0 ? std::optional<Id>(rep) : std::nullopt);
        const QString name = value.toString().trimmed();
        if (name.isEmpty() || name == tr("Unassigned"))
            return m_session->edit(&BookEditor::setOpportunityOwner, only(id), std::nullopt);
        for (const RepRow &r : m_session->view()->reps)
            if (r.name.compare(name, Qt::CaseInsensitive) == 0)
                return m_session->edit(&BookEditor::setOpportunityOwner, only(id), r.id);
        m_session->reportError(tr("There is no rep named “%1”.").arg(name));
        return false;
    }
    default:
        return false;
    }
}

} // namespace tp::ui
