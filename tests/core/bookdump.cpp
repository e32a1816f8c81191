#include "bookdump.h"

#include <QStringList>

namespace tp::test {

QString dumpBook(sql::Database &db)
{
    QStringList tables;
    {
        auto st = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND name NOT LIKE 'sqlite_%' ORDER BY name");
        while (st.step())
            tables.append(st.text(0));
    }
    QString out;
    for (const QString &table : tables) {
        out += QStringLiteral("## ") + table + QLatin1Char('\n');
        // Ordered by the first column, and the second where there is one.
        auto columns = db.prepare("SELECT count(*) FROM pragma_table_info(?)");
        columns.bind(1, table);
        columns.step();
        auto st = db.prepare("SELECT * FROM \"" + table.toStdString() + "\" ORDER BY 1"
                             + (columns.integer(0) > 1 ? ", 2" : ""));
        QStringList rows;
        while (st.step()) {
            QStringList cells;
            for (int c = 0; c < st.columnCount(); ++c)
                cells.append(st.isNull(c) ? QStringLiteral("NULL") : st.text(c));
            rows.append(cells.join(QLatin1Char('|')));
        }
        out += rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    return out;
}

qint64 scalar(sql::Database &db, const char *sql)
{
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

} // namespace tp::test
