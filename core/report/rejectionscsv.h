#pragma once

#include "import/analysis.h"

#include <QCoreApplication>
#include <QIODevice>

#include <vector>

namespace tp {

// The rows an import rejected, as CSV for fixing the file in a spreadsheet: file, line, column,
// field, value and reason, one rejection a row (formula-injection safe, see CsvWriter).
class RejectionsCsv
{
    Q_DECLARE_TR_FUNCTIONS(tp::RejectionsCsv)

public:
    static bool write(const QString &file, const std::vector<crm::Rejection> &rejections,
                      QIODevice &out);
};

} // namespace tp
