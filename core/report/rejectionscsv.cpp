#include "rejectionscsv.h"

#include "csvwriter.h"

namespace tp {

bool RejectionsCsv::write(const QString &file, const std::vector<crm::Rejection> &rejections,
                          QIODevice &out)
{
    CsvWriter csv(out);
    for (const QString &h :
         { tr("File"), tr("Line"), tr("Column"), tr("Field"), tr("Value"), tr("Reason") })
        csv.text(h);
    csv.endRow();
    for (const crm::Rejection &r : rejections) {
        csv.text(file);
        csv.number(QString::number(r.line));
        if (r.column > 0)
            csv.number(QString::number(r.column));
        else
            csv.text(QString()); // the whole row is at fault
        csv.text(r.field);
        csv.text(r.value);
        csv.text(r.reason);
        csv.endRow();
    }
    return csv.ok();
}

} // namespace tp
