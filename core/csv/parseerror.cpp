#include "parseerror.h"

#include <QCoreApplication>

namespace tp::csv {

ParseError::ParseError(const QString &file, qint64 line, int column, const QString &expected,
                       const QString &found)
    : InputError(
            QCoreApplication::translate("tp::csv", "%1, line %2, column %3: expected %4, found %5.")
                    .arg(file, QString::number(line), QString::number(column), expected, found)),
      m_file(file),
      m_line(line),
      m_column(column),
      m_expected(expected),
      m_found(found)
{ }

} // namespace tp::csv
