#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace tp::crm {

// The day a CRM export was taken, the import's as-of date when the user does not set one: the
// snapshot and the stage changes the import finds are dated on it, so that last week's export
// imported today is still last week's (the wizard's default; the command line's --as-of stays
// today unless given).
struct ExportDate
{
    // Where the date was found, in the order it is looked for.
    enum class Source { FileName, Title, Modified, Today };

    QDate date;
    Source source = Source::Today;
};

// A date written in a file's name: pipeline-2026-11-13.csv, report_20261113.csv,
// export-20261113-0930.csv, Pipeline 13.11.2026.csv, deals 11-20-2026.csv (a day above 12 tells
// the order; 05-06-2026 is ambiguous and not taken), Deals 13 Nov 2026.csv. Years 1900–2199 in
// four digits only. Of several, the latest not after `today`; nothing when none is.
std::optional<QDate> dateInFileName(const QString &fileName, const QDate &today);

// A date in the title lines a report has above its header ("Pipeline report", "Generated
// 11/20/2026 9:31 AM", "Stand: 13.11.2026"), written as above or with an English month name
// (November 13, 2026). Lines that describe a filter ("Filtered By: Close Date …", "between …")
// name no export day and are skipped; a line that says when the report was made (as of,
// generated, exported, created, run, printed, date, Stand, erstellt, exportiert, Stichtag,
// Datum) wins over the others. The latest date not after `today`; nothing when none is.
std::optional<QDate> dateInTitleLines(const QStringList &lines, const QDate &today);

// The export's date for the file at `path`: a date in its name, else one in `titleLines` (the
// lines above its header, FilePreview::titleLines), else the day it was last modified (local
// time), else `today`. Never after `today`: a later date in a name is no export day (a plan's
// end, a fiscal period), and a modification time ahead of the clock is today.
ExportDate exportDate(const QString &path, const QStringList &titleLines = {},
                      const QDate &today = QDate::currentDate());

} // namespace tp::crm
