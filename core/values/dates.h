#pragma once

// Dates in CRM exports, to QDate.
//
// Accepted (after trimming, see common.h):
//   2026-09-12   2026-9-12   2026/09/12   2026.09.12   20260912 (years 1900–2199)  year first
//   12.09.2026   12.9.26                           dots and the year last: day first, always
//   9/12/2026   12/9/2026   09-12-2026   9/12/26    the year last: day/month order per column
//   Sep 12, 2026   September 12 2026   Sept. 12th, 2026   12 Sep 2026   12-SEP-26   2026-Sep-12
//   Sat, 12 Sep 2026        English month names and abbreviations in any case; weekday ignored
//   45000   45000.75        Excel serial numbers, per column (below)
// Any of these may be followed by a time, after 'T' or spaces (or ", "): H:MM[:SS[.fff]] with an
// optional AM/PM (a.m./p.m.), then an optional zone: Z, ±HH, ±HHMM, ±HH:MM, UTC or GMT.
// - without a zone the date is taken as written (2026-09-12 23:30 is 2026-09-12);
// - with a zone (2026-09-12T23:30:00.000Z, 2026-09-12T10:00:00+02:00) the instant is converted
//   to the process's local time zone and that date is taken. The zone is the C library's
//   (localtime_r) as of the last tzset(), which DateColumn::decide() calls: set TZ, then decide.
//   Beware: a date-only field that a CRM exports as midnight UTC lands on the previous day west
//   of Greenwich.
// Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (kTwoDigitYearPivot).
//
// Decided per column, over all values (DateColumn):
// - Day/month order of numeric dates with the year last. Each value is tried as D/M/Y and as
//   M/D/Y. Values that fit only one order settle the column; values of both kinds make the
//   column contradictory (an error, with counts and an example of each); a column where every
//   value fits both (all parts ≤ 12) is ambiguous, reported with counts, and never guessed: the
//   caller settles it with an explicit DateOrder (the user, or --date-order dmy|mdy|ymd). Values
//   where day = month (5/5/2026) read the same either way and are always accepted. YearMonthDay
//   applies to two-digit years written first (26/09/12) and is only ever an explicit choice,
//   since such values mostly fit day-first too. An explicit order overrides the data; values it
//   does not fit are rejected.
// - Excel serial numbers: plain numbers are dates (days since 1899-12-30; a fraction is the time
//   of day and is dropped) only when every plain number of the column lies in
//   kExcelSerialFirst..kExcelSerialLast (1954-10-03..2119-01-11); otherwise all are rejected.

#include "common.h"

#include <QDate>

#include <optional>

namespace tp::values {

enum class DateOrder : std::uint8_t { DayMonthYear, MonthDayYear, YearMonthDay };

inline constexpr int kTwoDigitYearPivot = 70; // yy < 70 → 20yy, else 19yy
inline constexpr int kExcelSerialFirst = 20000;
inline constexpr int kExcelSerialLast = 80000;

// "dmy", "mdy", "ymd" (the --date-order values), and back (case-insensitive).
QString dateOrderKey(DateOrder order);
std::optional<DateOrder> dateOrderFromKey(QStringView key);
// "day/month/year" and so on, for the user (translated).
QString dateOrderName(DateOrder order);

struct DateFormat
{
    std::optional<DateOrder> order; // for numeric dates with the year last; none: undecided
    bool excelSerials = false; // plain numbers are Excel serial dates
    bool ambiguous = false; // every day/month value fits both orders (data, not choice)
    bool contradictory = false; // some values fit only D/M, others only M/D (an error)

    // Over the non-empty values observed:
    qint64 values = 0;
    qint64 dayMonthOnly = 0; // numeric, fit D/M/Y only (25/12/2026)
    qint64 monthDayOnly = 0; // numeric, fit M/D/Y only (12/25/2026)
    qint64 bothOrders = 0; // numeric, fit both (3/4/2026, and 5/5/2026)
    qint64 sameEitherWay = 0; // of bothOrders: day = month, the same date both ways
    qint64 serials = 0; // plain numbers in the Excel serial range
    qint64 rejected = 0; // that parseDate rejects with this format
    std::string dayMonthExample, monthDayExample, ambiguousExample, rejectedExample;

    // The caller must choose an order before importing (ask the user or fail with problem()).
    bool needsOrder() const { return !order && (ambiguous || contradictory); }
    // A sentence for the user when the column is ambiguous or contradictory, else empty
    // (translated).
    QString problem() const;
};

class DateColumn
{
public:
    void observe(std::string_view value);
    void merge(const DateColumn &other);
    // `explicitOrder`: the user's choice; it wins over what the values say.
    DateFormat decide(std::optional<DateOrder> explicitOrder = std::nullopt) const;

private:
    qint64 m_values = 0, m_invalid = 0, m_serial = 0, m_plainOther = 0;
    // Numeric dates with the year last by the orders they fit: bit 0 D/M/Y, 1 M/D/Y, 2 Y/M/D.
    qint64 m_numeric[8] = {};
    qint64 m_differing = 0; // fit D/M/Y and M/D/Y with different dates
    std::string m_invalidExample, m_plainExample, m_differingExample;
    std::string m_numericExamples[8];
};

Result<QDate> parseDate(std::string_view value, const DateFormat &format);

} // namespace tp::values
