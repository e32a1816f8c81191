#pragma once

#include "domain/errors.h"

#include <QString>

namespace tp::csv {

// A place in a CSV file that is not CSV. message() reads, for example:
// "deals.csv, line 12, column 4: expected a delimiter or line end after the closing quote,
// found "d"." Lines are physical lines (1-based, every line break counts, also inside quoted
// fields; CRLF is one); columns are 1-based field numbers.
class ParseError : public InputError
{
public:
    ParseError(const QString &file, qint64 line, int column, const QString &expected,
               const QString &found);

    QString file() const { return m_file; }
    qint64 line() const { return m_line; }
    int column() const { return m_column; }
    QString expected() const { return m_expected; }
    QString found() const { return m_found; }

private:
    QString m_file;
    qint64 m_line;
    int m_column;
    QString m_expected;
    QString m_found;
};

} // namespace tp::csv
