#include "csvwriter.h"

namespace tp {

CsvWriter::CsvWriter(QIODevice &device, ByteOrderMark bom) : m_device(device)
{
    if (bom == ByteOrderMark::Write)
        m_ok = m_device.write("\xEF\xBB\xBF", 3) == 3;
}

QString CsvWriter::neutralise(const QString &text)
{
    if (text.isEmpty())
        return text;
    switch (text.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\n':
        return QLatin1Char('\'') + text;
    case '\'':
        // Guarded too when a guard would be read off it (values::withoutFormulaGuard), so that
        // "'=x" exports as "''=x" and imports back as "'=x".
        if (text.size() > 1 && QStringView(u"=+-@\t\r\n'").contains(text.at(1)))
            return QLatin1Char('\'') + text;
        return text;
    default:
        return text;
    }
}

QString CsvWriter::escape(const QString &text)
{
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
            || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
            || text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void CsvWriter::cell(const QString &raw)
{
    if (!m_firstCell)
        m_line += QLatin1Char(',');
    m_firstCell = false;
    m_line += raw;
}

void CsvWriter::text(const QString &value)
{
    cell(escape(neutralise(value)));
}

void CsvWriter::number(const QString &plainNumber)
{
    cell(plainNumber);
}

void CsvWriter::endRow()
{
    m_line += QLatin1String("\r\n");
    const QByteArray bytes = m_line.toUtf8();
    m_ok = m_ok && m_device.write(bytes) == bytes.size();
    m_line.clear();
    m_firstCell = true;
}

} // namespace tp
