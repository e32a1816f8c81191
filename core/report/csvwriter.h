#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace tp {

// Writes RFC 4180 CSV (UTF-8 with a BOM so spreadsheets read the accents, CRLF line ends).
// Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab, CR or
// LF) are neutralised with a leading apostrophe, and so is text that starts with an apostrophe
// before one of those (or another apostrophe), so that the import, which reads one guarding
// apostrophe off (values::withoutFormulaGuard), gets every text back as it was; number cells
// are written as they are.
class CsvWriter
{
public:
    // Omit the BOM for a file of ASCII ids meant for a CRM's import tool (MovesExport).
    enum class ByteOrderMark { Write, Omit };
    explicit CsvWriter(QIODevice &device, ByteOrderMark bom = ByteOrderMark::Write);
    void text(const QString &value);
    void number(const QString &plainNumber);
    void endRow();
    bool ok() const { return m_ok; }

    static QString neutralise(const QString &text);
    static QString escape(const QString &text);

private:
    void cell(const QString &raw);
    QIODevice &m_device;
    QString m_line;
    bool m_firstCell = true;
    bool m_ok = true;
};

} // namespace tp
