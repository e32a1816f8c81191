#include "reptablemodel.h"

#include "edits/bookeditor.h"
#include "modelroles.h"
#include "session/booksession.h"
#include "style/theme.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QPalette>

#include <algorithm>
#include <numeric>

namespace tp::ui {

RepTableModel::RepTableModel(BookSession *session, QObject *parent)
    : BookTableModel(session, parent),
      m_period(Period::containing(QDate::currentDate())),
      m_asOf(QDate::currentDate())
{
    connect(session, &BookSession::changed, this, [this](const BookChange &change) {
        const ChangeAspects aspects = change.aspects();
        if (aspects.testFlag(ChangeAspect::Reps))
            figuresChanged({ Column::Capacity, Column::Email, Column::CrmUserId });
        const bool periodQuota = std::any_of(
                change.quotas.begin(), change.quotas.end(),
                [&](const Delta<QuotaValue> &q) { return q.after.period == m_period.label(); });
        if (periodQuota)
            figuresChanged({ Column::Quota, Column::Attainment });
        if (aspects.testFlag(ChangeAspect::Opportunities))
            figuresChanged(
                    { Column::Won, Column::Attainment, Column::Active, Column::OpenPipeline });
    });
    populate();
}

void RepTableModel::figuresChanged(const QList<Column> &sortedBy)
{
    // Evaluated once when next read: a bulk edit sends one signal per deal.
    m_stale = true;
    if (!m_session->view() || rowCount() == 0)
        return;
    if (sortedBy.contains(Column(sortColumn())))
        invalidateSortCache(); // the rows stay put until the next sort or filter
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

const health::RepTable &RepTableModel::figures() const
{
    if (!m_stale)
        return m_figures;
    m_stale = false;
    m_figures = {};
    if (const BookView *view = m_session->view())
        m_figures = health::repTable(*view, health::evaluate(*view, {}, m_asOf, m_period));
    return m_figures;
}

int RepTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

int RepTableModel::totalCount() const
{
    const BookView *view = m_session->view();
    return view ? int(view->reps.size()) : 0;
}

Id RepTableModel::idAt(int row) const
{
    return m_session->view()->reps[std::size_t(sourceRow(row))].id;
}

int RepTableModel::rowOfId(Id id) const
{
    const BookView *view = m_session->view();
    return view ? rowOfSource(view->repIndex(id)) : -1;
}

int RepTableModel::capacityOf(int rep) const
{
    const BookView &v = *m_session->view();
    return v.reps[std::size_t(rep)].capacity.value_or(v.settings.defaultCapacity);
}

void RepTableModel::setPeriod(const Period &period, const QDate &asOf)
{
    const QDate date = asOf.isValid() ? asOf : QDate::currentDate();
    if (period.start == m_period.start && period.end == m_period.end && date == m_asOf)
        return;
    m_period = period;
    m_asOf = date;
    m_stale = true;
    const Column sorted = Column(sortColumn());
    if (sorted == Column::Quota || sorted == Column::Won || sorted == Column::Attainment)
        invalidateSortCache();
    refresh(); // a reset also refreshes the "Quota (period)" header
}

void RepTableModel::bookLoaded()
{
    m_stale = true;
}

std::vector<int> RepTableModel::sortedRows(int column, bool descending) const
{
    const BookView &v = *m_session->view();
    const auto &reps = figures().reps;
    std::vector<int> rows(v.reps.size());
    std::iota(rows.begin(), rows.end(), 0);
    const auto key = [&](int r) -> double {
        const health::RepFigures &f = reps[std::size_t(r)];
        switch (Column(column)) {
        case Column::Quota:
            return f.quota ? double(*f.quota) : -1.0;
        case Column::Won:
            return double(f.wonInPeriod);
        case Column::Attainment:
            return f.attainment ? *f.attainment : -1.0; // undefined before 0%
        case Column::Capacity:
            return capacityOf(r);
        case Column::Active:
            return double(f.active);
        case Column::OpenPipeline:
            return double(f.openAmount);
        default:
            return 0;
        }
    };
    const auto text = [&](int r) -> const QString & {
        const RepRow &rep = v.reps[std::size_t(r)];
        return Column(column) == Column::Email        ? rep.email
                : Column(column) == Column::CrmUserId ? rep.crmUserId
                                                      : rep.name;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int l, int r) {
        if (isText(Column(column))) {
            const int c = QString::compare(text(l), text(r), Qt::CaseInsensitive);
            return descending ? c > 0 : c < 0;
        }
        return descending ? key(l) > key(r) : key(l) < key(r);
    });
    return rows;
}

std::vector<int> RepTableModel::filteredRows(const std::vector<int> &sorted,
                                             const RowFilter &filter) const
{
    const BookView &v = *m_session->view();
    // In a territory's scope: the reps who work in it (own it, its accounts or their deals).
    std::vector<char> inTerritory;
    if (filter.scopeTerritory >= 0) {
        inTerritory.assign(v.reps.size(), 0);
        const int territoryOwner = v.territories[std::size_t(filter.scopeTerritory)].owner;
        if (territoryOwner >= 0)
            inTerritory[std::size_t(territoryOwner)] = 1;
        for (int i = 0; i < v.accounts.size(); ++i)
            if (v.accounts.territory[std::size_t(i)] == filter.scopeTerritory
                && v.accounts.owner[std::size_t(i)] >= 0)
                inTerritory[std::size_t(v.accounts.owner[std::size_t(i)])] = 1;
        const auto &o = v.opportunities;
        for (std::size_t i = 0; i < o.id.size(); ++i) {
            const int account = o.account[i];
            if (o.owner[i] >= 0 && account >= 0
                && v.accounts.territory[std::size_t(account)] == filter.scopeTerritory)
                inTerritory[std::size_t(o.owner[i])] = 1;
        }
    }
    const QString text = filter.text.trimmed();
    std::vector<int> rows;
    for (int r : sorted) {
        if (filter.scopeRep >= 0 && r != filter.scopeRep)
            continue;
        if (filter.owner >= 0 && r != filter.owner)
            continue;
        if (!inTerritory.empty() && !inTerritory[std::size_t(r)])
            continue;
        if (!text.isEmpty() && !v.reps[std::size_t(r)].name.contains(text, Qt::CaseInsensitive))
            continue;
        rows.push_back(r);
    }
    return rows;
}

QVariant RepTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return BookTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(Column(section)) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    const QString period = m_period.label();
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Column::Won:
            return tr("The amount of the deals won in %1").arg(period);
        case Column::Attainment:
            return tr("Won in %1 ÷ quota for %1").arg(period);
        case Column::Active:
            return tr("Open opportunities the rep owns, against the rep's capacity");
        case Column::OpenPipeline:
            return tr("The amount of the open opportunities the rep owns");
        case Column::Email:
            return tr("The rep's email in the CRM: HubSpot takes the new owner of a published "
                      "move by it");
        case Column::CrmUserId:
            return tr("The rep's user id in the CRM (Salesforce OwnerId): a published move "
                      "to Salesforce needs it");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Rep:
        return tr("Rep");
    case Column::Quota:
        return tr("Quota (%1)").arg(period);
    case Column::Won:
        return tr("Won (%1)").arg(period);
    case Column::Attainment:
        return tr("Attainment");
    case Column::Capacity:
        return tr("Capacity");
    case Column::Active:
        return tr("Active opportunities");
    case Column::OpenPipeline:
        return tr("Open pipeline");
    case Column::Email:
        return tr("Email");
    case Column::CrmUserId:
        return tr("CRM user id");
    case Column::Count:
        break;
    }
    return {};
}

Qt::ItemFlags RepTableModel::flags(const QModelIndex &index) const
{
    if (index.isValid() && isFooterRow(index.row()))
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren; // a total: not selected, not edited
    Qt::ItemFlags f = BookTableModel::flags(index);
    const auto column = Column(index.column());
    if (index.isValid()
        && (column == Column::Quota || column == Column::Capacity || column == Column::Email
            || column == Column::CrmUserId))
        f |= Qt::ItemIsEditable;
    return f;
}

QString RepTableModel::attainmentText(const std::optional<double> &attainment,
                                      const std::optional<Minor> &quota) const
{
    if (attainment)
        return m_format.ratio(*attainment);
    return quota ? tr("undefined") : tr("no quota");
}

bool RepTableModel::belowBar(const std::optional<double> &attainment) const
{
    const BookView *view = m_session->view();
    return view && attainment && *attainment < view->settings.attainmentBar;
}

QVariant RepTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_session->view())
        return {};
    const auto column = Column(index.column());
    if (isFooterRow(index.row()))
        return teamData(column, role);
    const BookView &v = *m_session->view();
    const int rep = sourceRow(index.row());
    const auto i = std::size_t(rep);
    const health::RepFigures &f = figures().reps[i];
    const bool defaultCapacity = !v.reps[i].capacity.has_value();
    const bool overCapacity = f.active > capacityOf(rep);
    switch (role) {
    case Qt::DisplayRole:
        return display(rep, column);
    case Qt::EditRole:
        if (column == Column::Quota)
            return f.quota ? QVariant(double(*f.quota) / 100.0) : QVariant();
        if (column == Column::Capacity)
            return v.reps[i].capacity ? QVariant(*v.reps[i].capacity) : QVariant();
        if (column == Column::Email)
            return v.reps[i].email;
        if (column == Column::CrmUserId)
            return v.reps[i].crmUserId;
        return display(rep, column);
    case RawValueRole:
        return rawValue(rep, column);
    case IdRole:
        return qlonglong(v.reps[i].id);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::FontRole:
        if ((column == Column::Capacity && defaultCapacity)
            || (column == Column::Active && overCapacity)) {
            QFont font;
            font.setItalic(column == Column::Capacity);
            font.setBold(column == Column::Active);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if ((column == Column::Capacity && defaultCapacity) || (column == Column::Quota && !f.quota)
            || (column == Column::Attainment && !f.attainment)
            || (column == Column::Email && v.reps[i].email.isEmpty())
            || (column == Column::CrmUserId && v.reps[i].crmUserId.isEmpty()))
            return QBrush(theme::derivedText());
        if ((column == Column::Active && overCapacity)
            || (column == Column::Attainment && belowBar(f.attainment)))
            return QBrush(theme::warningText());
        return {};
    case Qt::ToolTipRole:
        if (column == Column::Capacity && defaultCapacity)
            return tr("The book's default capacity");
        if (column == Column::Quota && !f.quota)
            return tr("No quota for %1").arg(m_period.label());
        if (column == Column::Attainment && !f.attainment)
            return f.quota ? tr("A quota of 0: attainment is undefined")
                           : tr("No quota for %1: attainment is undefined").arg(m_period.label());
        if (column == Column::Attainment && belowBar(f.attainment))
            return tr("Below the %1 attainment bar").arg(m_format.ratio(v.settings.attainmentBar));
        if (column == Column::Active && overCapacity)
            return tr("%1 active opportunities: more than the capacity of %2")
                    .arg(m_format.number(f.active), m_format.number(capacityOf(rep)));
        if (column == Column::Email && v.reps[i].email.isEmpty())
            return tr("No email: a move to this rep cannot be published to HubSpot");
        if (column == Column::CrmUserId && v.reps[i].crmUserId.isEmpty())
            return tr("No CRM user id: a move to this rep cannot be published to Salesforce");
        return {};
    default:
        return {};
    }
}

QVariant RepTableModel::teamData(Column column, int role) const
{
    const BookView &v = *m_session->view();
    const health::TeamLine &team = figures().team;
    const QString currency = v.settings.currency;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case Column::Rep:
            return tr("Team (%n rep(s))", nullptr, int(v.reps.size()));
        case Column::Quota:
            return team.quota ? m_format.money(*team.quota, currency) : QStringLiteral("—");
        case Column::Won:
            return m_format.money(team.wonInPeriod, currency);
        case Column::Attainment:
            return attainmentText(team.attainment, team.quota);
        case Column::Capacity:
            return m_format.number(team.capacity);
        case Column::Active:
            return m_format.number(team.active);
        case Column::OpenPipeline:
            return m_format.money(team.openAmount, currency);
        case Column::Email:
        case Column::CrmUserId:
        case Column::Count:
            break;
        }
        return {};
    case RawValueRole:
        switch (column) {
        case Column::Quota:
            return team.quota ? QVariant(qlonglong(*team.quota)) : QVariant();
        case Column::Won:
            return qlonglong(team.wonInPeriod);
        case Column::Attainment:
            return team.attainment ? QVariant(*team.attainment) : QVariant();
        case Column::Capacity:
            return qlonglong(team.capacity);
        case Column::Active:
            return qlonglong(team.active);
        case Column::OpenPipeline:
            return qlonglong(team.openAmount);
        default:
            return teamData(column, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::BackgroundRole: {
        // A band of its own, in the light and the dark palette alike.
        const QPalette palette = QApplication::palette();
        return QBrush(theme::blend(palette.color(QPalette::Base),
                                   palette.color(QPalette::Highlight), 0.14));
    }
    case Qt::ForegroundRole:
        if ((column == Column::Quota && !team.quota)
            || (column == Column::Attainment && !team.attainment))
            return QBrush(theme::derivedText());
        if (column == Column::Attainment && belowBar(team.attainment))
            return QBrush(theme::warningText());
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Rep:
            return tr("The whole team's figures for %1, whatever the scope and the search")
                    .arg(m_period.label());
        case Column::Quota:
            return team.quota ? tr("The reps' quotas for %1 together").arg(m_period.label())
                              : tr("No rep has a quota for %1").arg(m_period.label());
        case Column::Won:
            return team.unassignedWonInPeriod != 0
                    ? tr("Includes %1 won in deals that no rep owns")
                              .arg(m_format.money(team.unassignedWonInPeriod, currency))
                    : QVariant();
        case Column::Attainment:
            return team.attainment
                    ? tr("The team's won ÷ the team's quota")
                    : tr("No quota for %1: attainment is undefined").arg(m_period.label());
        case Column::OpenPipeline:
            return team.unassignedOpen != 0
                    ? tr("Includes %1 in %n open deal(s) that no rep owns", nullptr,
                         int(team.unassignedOpen))
                              .arg(m_format.money(team.unassignedOpenAmount, currency))
                    : QVariant();
        case Column::Active:
            return tr("Open opportunities the reps own, against their capacity together");
        default:
            return {};
        }
    case IdRole:
    default:
        return {};
    }
}

QVariant RepTableModel::display(int rep, Column column) const
{
    const BookView &v = *m_session->view();
    const health::RepFigures &f = figures().reps[std::size_t(rep)];
    switch (column) {
    case Column::Rep:
        return v.reps[std::size_t(rep)].name;
    case Column::Quota:
        return f.quota ? m_format.money(*f.quota, v.settings.currency) : QStringLiteral("—");
    case Column::Won:
        return m_format.money(f.wonInPeriod, v.settings.currency);
    case Column::Attainment:
        return attainmentText(f.attainment, f.quota);
    case Column::Capacity:
        return m_format.number(capacityOf(rep));
    case Column::Active:
        return m_format.number(f.active);
    case Column::OpenPipeline:
        return m_format.money(f.openAmount, v.settings.currency);
    case Column::Email: {
        const QString &email = v.reps[std::size_t(rep)].email;
        return email.isEmpty() ? QStringLiteral("—") : email;
    }
    case Column::CrmUserId: {
        const QString &id = v.reps[std::size_t(rep)].crmUserId;
        return id.isEmpty() ? QStringLiteral("—") : id;
    }
    case Column::Count:
        break;
    }
    return {};
}

QVariant RepTableModel::rawValue(int rep, Column column) const
{
    const health::RepFigures &f = figures().reps[std::size_t(rep)];
    switch (column) {
    case Column::Quota:
        return f.quota ? QVariant(qlonglong(*f.quota)) : QVariant();
    case Column::Won:
        return qlonglong(f.wonInPeriod);
    case Column::Attainment:
        return f.attainment ? QVariant(*f.attainment) : QVariant();
    case Column::Capacity:
        return capacityOf(rep);
    case Column::Active:
        return qlonglong(f.active);
    case Column::OpenPipeline:
        return qlonglong(f.openAmount);
    case Column::Email:
        return m_session->view()->reps[std::size_t(rep)].email;
    case Column::CrmUserId:
        return m_session->view()->reps[std::size_t(rep)].crmUserId;
    default:
        return display(rep, column);
    }
}

bool RepTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Id id = idAt(index.row());
    const bool empty = !value.isValid() || value.isNull() || value.toString().trimmed().isEmpty();
    if (Column(index.column()) == Column::Email || Column(index.column()) == Column::CrmUserId) {
        // The other half of the identity stays as it is; empty clears this one. BookEditor
        // checks the value and says what is wrong.
        const RepRow &rep = m_session->view()->reps[std::size_t(sourceRow(index.row()))];
        const QString text = empty ? QString() : value.toString().trimmed();
        const bool email = Column(index.column()) == Column::Email;
        return m_session->edit(&BookEditor::setRepIdentity, id, email ? rep.crmUserId : text,
                               email ? text : rep.email);
    }
    if (Column(index.column()) == Column::Quota) {
        // Empty removes the quota for the period.
        bool ok = false;
        const auto amount = m_format.moneyFromVariant(value, &ok);
        if (!ok) {
            m_session->reportError(tr("“%1” is not an amount.").arg(value.toString()));
            return false;
        }
        return m_session->edit(&BookEditor::setQuota, only(id), m_period.label(), amount);
    }
    // Capacity: empty goes back to the book's default.
    if (empty)
        return m_session->edit(&BookEditor::setRepCapacity, only(id), std::nullopt);
    bool ok = false;
    const int capacity = value.typeId() == QMetaType::QString
            ? m_format.locale().toInt(value.toString().trimmed(), &ok)
            : value.toInt(&ok);
    if (!ok) {
        m_session->reportError(tr("“%1” is not a whole number.").arg(value.toString()));
        return false;
    }
    return m_session->edit(&BookEditor::setRepCapacity, only(id), capacity);
}

} // namespace tp::ui
