#pragma once

#include "import/analysis.h"

#include <QAbstractTableModel>
#include <QLocale>

#include <vector>

namespace tp::ui {

// The rows an import rejects, for the preview's table: line, column, field, value, reason.
class RejectionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Line, ColumnNumber, Field, Value, Reason, ColumnCount };

    explicit RejectionModel(QObject *parent = nullptr);

    void setRejections(std::vector<crm::Rejection> rejections);
    const std::vector<crm::Rejection> &rejections() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<crm::Rejection> m_rows;
    QLocale m_locale;
};

} // namespace tp::ui
