#include "rejectionmodel.h"

namespace tp::ui {

RejectionModel::RejectionModel(QObject *parent) : QAbstractTableModel(parent) { }

void RejectionModel::setRejections(std::vector<crm::Rejection> rejections)
{
    beginResetModel();
    m_rows = std::move(rejections);
    endResetModel();
}

int RejectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RejectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const crm::Rejection &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Line:
            return m_locale.toString(r.line);
        case ColumnNumber:
            return r.column > 0 ? m_locale.toString(r.column) : tr("whole row");
        case Field:
            return r.field;
        case Value:
            // One line in the table; the tooltip shows the value as it is.
            return QString(r.value).replace(QLatin1Char('\n'), QChar(0x21b5));
        case Reason:
            return r.reason;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Value)
            return r.value;
        if (index.column() == Reason)
            return r.reason;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Line || (index.column() == ColumnNumber && r.column > 0))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant RejectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Line:
        return tr("Line");
    case ColumnNumber:
        return tr("Column");
    case Field:
        return tr("Field");
    case Value:
        return tr("Value");
    case Reason:
        return tr("Reason");
    }
    return {};
}

} // namespace tp::ui
