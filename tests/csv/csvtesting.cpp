#include "csvtesting.h"

#include "testsupport.h"

namespace tp::test {

ReadResult readAll(csv::Reader &reader)
{
    ReadResult result;
    csv::Record record;
    while (reader.next(record)) {
        result.records.emplace_back(record.fields.begin(), record.fields.end());
        result.lines.push_back(record.line);
    }
    return result;
}

QString csvFixture(const QString &name)
{
    return dataFile(QStringLiteral("csv/") + name);
}

ReadResult readFixture(const QString &name, const csv::Options &options)
{
    csv::Reader reader(csvFixture(name), options);
    return readAll(reader);
}

ReadResult readBytes(const QByteArray &bytes, const csv::Options &options)
{
    csv::Reader reader = csv::Reader::fromBytes(bytes, QStringLiteral("test.csv"), options);
    return readAll(reader);
}

std::string writeCsv(const Table &records, char delimiter, const std::string &lineEnd)
{
    std::string out;
    for (const auto &record : records) {
        for (std::size_t i = 0; i < record.size(); ++i) {
            if (i > 0)
                out += delimiter;
            const std::string &field = record[i];
            const bool blankLine = record.size() == 1 && field.empty(); // would be skipped
            const std::string special{ delimiter, '"', '\r', '\n' };
            if (!blankLine && field.find_first_of(special) == std::string::npos) {
                out += field;
                continue;
            }
            out += '"';
            for (const char c : field) {
                if (c == '"')
                    out += '"';
                out += c;
            }
            out += '"';
        }
        out += lineEnd;
    }
    return out;
}

QByteArray toUtf16(const std::string &utf8, bool littleEndian, bool bom)
{
    const QString text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    QByteArray out;
    if (bom)
        out += littleEndian ? QByteArray("\xFF\xFE", 2) : QByteArray("\xFE\xFF", 2);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const char hi = char(u >> 8);
        const char lo = char(u & 0xFF);
        out += littleEndian ? lo : hi;
        out += littleEndian ? hi : lo;
    }
    return out;
}

} // namespace tp::test
