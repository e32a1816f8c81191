#pragma once

#include "csv/reader.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace tp::test {

using Table = std::vector<std::vector<std::string>>;

// Everything a reader returns, copied out of its buffer.
struct ReadResult
{
    Table records;
    std::vector<qint64> lines;
};

ReadResult readAll(csv::Reader &reader);
ReadResult readFixture(const QString &name, const csv::Options &options = {});
ReadResult readBytes(const QByteArray &bytes, const csv::Options &options = {});
QString csvFixture(const QString &name); // tests/data/csv/<name>

// A minimal RFC 4180 writer (quotes a field only when it must), to produce test input.
std::string writeCsv(const Table &records, char delimiter, const std::string &lineEnd);

// UTF-8 to UTF-16 bytes, for test input in the other encodings.
QByteArray toUtf16(const std::string &utf8, bool littleEndian, bool bom);

} // namespace tp::test
