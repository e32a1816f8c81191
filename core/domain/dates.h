#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

#include <optional>
#include <string_view>

namespace tp {

// A fast parser for the book's ISO dates ("YYYY-MM-DD"); invalid or empty gives an invalid date.
QDate parseIsoDate(std::string_view text);

// The locale's short date format with a four-digit year ("M/d/yyyy" in the United States): how
// the app writes a day, in tables and in texts such as Edit ▸ Undo's.
QString localDateFormat(const QLocale &locale);
QString localDate(const QDate &date, const QLocale &locale = QLocale());
// Same, as a Julian day number (0 when invalid): the columnar views keep dates this way.
qint64 parseIsoDay(std::string_view text);
// Writes "YYYY-MM-DD" (10 characters, no terminator) for a valid date with a four-digit year;
// returns false otherwise. No allocation: the import writes several dates per row.
bool formatIsoDate(const QDate &date, char (&out)[10]);
inline QDate dayToDate(qint64 day)
{
    return day ? QDate::fromJulianDay(day) : QDate();
}
inline qint64 dateToDay(const QDate &date)
{
    return date.isValid() ? date.toJulianDay() : 0;
}

// days(a, b) = b − a in whole calendar days.
inline qint64 daysBetween(const QDate &a, const QDate &b)
{
    return a.daysTo(b);
}

// A planning period: a fiscal quarter. Label "2026-Q4" names the fiscal year by the calendar
// year of its first month when the fiscal year starts in January, else by the year it ends in.
struct Period
{
    int fiscalYear = 0;
    int quarter = 0; // 1..4
    QDate start;
    QDate end; // inclusive

    bool isValid() const { return start.isValid(); }
    QString label() const;
    bool contains(const QDate &d) const { return d >= start && d <= end; }
    int days() const { return int(start.daysTo(end)) + 1; }

    static Period containing(const QDate &date, int fiscalStartMonth = 1);
    static std::optional<Period> parse(const QString &label, int fiscalStartMonth = 1);
    static Period of(int fiscalYear, int quarter, int fiscalStartMonth = 1);
};

} // namespace tp
