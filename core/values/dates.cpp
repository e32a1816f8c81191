#include "dates.h"

#include <QCoreApplication>
#include <QStringView>

#include <ctime>

namespace tp::values {

using detail::isAsciiLetter;
using detail::isDigit;

namespace {

struct Clock
{
    int hour = 0, minute = 0, second = 0, msec = 0;
    bool zoned = false;
    int offsetSeconds = 0; // east of UTC
};

// What a value looks like, before any column decision.
struct Shape
{
    enum Kind : std::uint8_t { Invalid, Fixed, Numeric, PlainNumber } kind = Invalid;
    int y = 0, m = 0, d = 0; // Fixed (maybe not a valid date)
    int a = 0, b = 0, c = 0; // Numeric: a sep b sep c, the year last or first
    int aDigits = 0, cDigits = 0; // Numeric
    qint64 whole = 0; // PlainNumber, saturated
    Clock clock;
};

constexpr int bitOf(DateOrder order)
{
    return 1 << int(order);
}

int expandYear(int year, int digits)
{
    if (digits == 4)
        return year;
    if (digits == 2)
        return year < kTwoDigitYearPivot ? 2000 + year : 1900 + year;
    return -1;
}

class Cursor
{
public:
    explicit Cursor(std::string_view text) : s(text) { }

    bool atEnd() const { return i >= s.size(); }
    char peek(std::size_t ahead = 0) const { return i + ahead < s.size() ? s[i + ahead] : '\0'; }
    bool eat(char c)
    {
        if (peek() != c || atEnd())
            return false;
        ++i;
        return true;
    }
    int spaces()
    {
        int n = 0;
        while (const int w = whitespaceLength(s, i)) {
            i += std::size_t(w);
            ++n;
        }
        return n;
    }
    // Up to 9 digits; `count` 0 when there is none, 10 when there are more.
    int number(int &count)
    {
        int value = 0;
        count = 0;
        while (isDigit(peek())) {
            if (count < 9)
                value = value * 10 + (peek() - '0');
            ++count;
            ++i;
        }
        if (count > 9)
            count = 10;
        return value;
    }
    std::string_view word()
    {
        const std::size_t from = i;
        while (isAsciiLetter(peek()))
            ++i;
        return s.substr(from, i - from);
    }
    // A run of separators between the parts of a written-out date: spaces , - / .
    int separators()
    {
        int n = 0;
        for (;;) {
            const char c = peek();
            if (!atEnd() && (c == ',' || c == '-' || c == '/' || c == '.')) {
                ++i;
                ++n;
            } else if (const int w = whitespaceLength(s, i)) {
                i += std::size_t(w);
                ++n;
            } else {
                return n;
            }
        }
    }

    std::string_view s;
    std::size_t i = 0;
};

int monthFromName(std::string_view w)
{
    static constexpr std::string_view names[12][2] = {
        { "jan", "january" },   { "feb", "february" }, { "mar", "march" },    { "apr", "april" },
        { "may", "may" },       { "jun", "june" },     { "jul", "july" },     { "aug", "august" },
        { "sep", "september" }, { "oct", "october" },  { "nov", "november" }, { "dec", "december" },
    };
    for (int m = 0; m < 12; ++m) {
        if (detail::equalsIgnoringCase(w, names[m][0])
            || detail::equalsIgnoringCase(w, names[m][1]))
            return m + 1;
    }
    return detail::equalsIgnoringCase(w, "sept") ? 9 : 0;
}

bool isWeekday(std::string_view w)
{
    for (const std::string_view day :
         { "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
           "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday" }) {
        if (detail::equalsIgnoringCase(w, day))
            return true;
    }
    return false;
}

// 1st, 2nd, 3rd, 12th.
void skipOrdinal(Cursor &c)
{
    const Cursor save = c;
    const std::string_view w = c.word();
    if (w.empty())
        return;
    for (const std::string_view suffix : { "st", "nd", "rd", "th" }) {
        if (detail::equalsIgnoringCase(w, suffix))
            return;
    }
    c = save;
}

// Time and zone after the date: [T| |, ]H:MM[:SS[.fff]] [AM|PM] [Z|±HH[:MM]|UTC|GMT]
bool readRest(Cursor &c, Clock &clock)
{
    if (c.atEnd())
        return true;
    if (c.peek() == 'T' && isDigit(c.peek(1))) {
        c.eat('T');
    } else {
        c.eat(',');
        if (c.spaces() == 0)
            return false;
    }
    int n = 0;
    int hour = c.number(n);
    if (n < 1 || n > 2 || !c.eat(':'))
        return false;
    clock.minute = c.number(n);
    if (n != 2 || clock.minute > 59)
        return false;
    if (c.eat(':')) {
        clock.second = c.number(n);
        if (n != 2 || clock.second > 59)
            return false;
        if ((c.peek() == '.' || c.peek() == ',') && isDigit(c.peek(1))) {
            c.eat(c.peek());
            int scale = 100;
            while (isDigit(c.peek())) {
                clock.msec += (c.peek() - '0') * scale;
                scale /= 10;
                c.eat(c.peek());
            }
        }
    }
    const Cursor beforeSuffix = c;
    c.spaces();
    const char p0 = detail::asciiLower(c.peek()), p1 = detail::asciiLower(c.peek(1));
    bool meridiem = false;
    if ((p0 == 'a' || p0 == 'p') && (p1 == 'm' || p1 == '.')) {
        const bool pm = p0 == 'p';
        const Cursor save = c;
        c.eat(c.peek());
        if (p1 == '.') {
            c.eat('.');
            if (detail::asciiLower(c.peek()) != 'm' || c.peek(1) != '.')
                return false;
            c.eat(c.peek());
            c.eat('.');
        } else {
            c.eat(c.peek());
        }
        if (isAsciiLetter(c.peek())) {
            c = save; // a word such as "America": not ours, fails below
        } else {
            if (hour < 1 || hour > 12)
                return false;
            meridiem = true;
            hour = hour % 12 + (pm ? 12 : 0);
        }
    }
    if (!meridiem)
        c = beforeSuffix;
    if (hour > 23)
        return false;
    clock.hour = hour;

    c.spaces();
    if (c.atEnd())
        return true;
    clock.zoned = true;
    if (c.eat('Z'))
        return c.atEnd();
    const std::string_view zoneWord = c.word();
    if (!zoneWord.empty() && !detail::equalsIgnoringCase(zoneWord, "UTC")
        && !detail::equalsIgnoringCase(zoneWord, "GMT"))
        return false;
    if (c.atEnd())
        return !zoneWord.empty();
    const char sign = c.peek();
    if (sign != '+' && sign != '-')
        return false;
    c.eat(sign);
    int digits = 0;
    const int hhmm = c.number(digits);
    int hours = 0, minutes = 0;
    if (digits == 4) {
        hours = hhmm / 100;
        minutes = hhmm % 100;
    } else if (digits == 2 || digits == 1) {
        hours = hhmm;
        if (c.eat(':')) {
            minutes = c.number(digits);
            if (digits != 2)
                return false;
        }
    } else {
        return false;
    }
    if (hours > 18 || minutes > 59)
        return false;
    clock.offsetSeconds = (hours * 60 + minutes) * 60 * (sign == '-' ? -1 : 1);
    return c.atEnd();
}

// "12 Sep 2026", "Sep 12, 2026", "2026-Sep-12" and their kin; `c` is at the start (after
// any weekday) or, when `first` is given, just after a first number and its separator.
Shape readWrittenMonth(Cursor &c, int first, int firstDigits)
{
    Shape shape;
    int n = 0;
    if (firstDigits == 0) { // the month comes first
        const int month = monthFromName(c.word());
        if (month == 0 || c.separators() == 0)
            return shape;
        const int day = c.number(n);
        if (n < 1 || n > 2)
            return shape;
        skipOrdinal(c);
        if (c.separators() == 0)
            return shape;
        const int written = c.number(n);
        const int year = expandYear(written, n);
        if (year < 0)
            return shape;
        shape.y = year;
        shape.m = month;
        shape.d = day;
    } else {
        const int month = monthFromName(c.word());
        if (month == 0 || c.separators() == 0)
            return shape;
        const int last = c.number(n);
        if (firstDigits == 4) {
            if (n < 1 || n > 2)
                return shape;
            shape.y = first;
            shape.d = last;
        } else {
            const int year = expandYear(last, n);
            if (firstDigits > 2 || year < 0)
                return shape;
            shape.y = year;
            shape.d = first;
        }
        shape.m = month;
    }
    if (!readRest(c, shape.clock))
        return shape;
    shape.kind = Shape::Fixed;
    return shape;
}

bool isPlainNumber(std::string_view t, qint64 &whole, bool &fraction)
{
    whole = 0;
    fraction = false;
    std::size_t i = 0;
    for (; i < t.size() && isDigit(t[i]); ++i)
        whole = std::min<qint64>(whole * 10 + (t[i] - '0'), 1'000'000'000);
    if (i == 0)
        return false;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
        fraction = true;
        const std::size_t start = ++i;
        while (i < t.size() && isDigit(t[i]))
            ++i;
        if (i == start)
            return false;
    }
    return i == t.size();
}

Shape shapeOf(std::string_view t)
{
    Shape shape;
    bool fraction = false;
    if (isPlainNumber(t, shape.whole, fraction)) {
        if (!fraction && t.size() == 8) { // 20260912
            const int y = int(shape.whole / 10000), m = int(shape.whole / 100 % 100),
                      d = int(shape.whole % 100);
            if (y >= 1900 && y <= 2199 && QDate::isValid(y, m, d)) {
                shape.kind = Shape::Fixed;
                shape.y = y;
                shape.m = m;
                shape.d = d;
                return shape;
            }
        }
        shape.kind = Shape::PlainNumber;
        return shape;
    }

    Cursor c(t);
    if (isAsciiLetter(c.peek())) {
        const Cursor start = c;
        if (isWeekday(c.word())) {
            if (c.separators() == 0)
                return shape;
        } else {
            c = start;
        }
        if (isDigit(c.peek())) { // Sat, 12 Sep 2026
            int n = 0;
            const int first = c.number(n);
            if (n > 2 || c.separators() == 0)
                return shape;
            return readWrittenMonth(c, first, n);
        }
        return readWrittenMonth(c, 0, 0);
    }
    if (!isDigit(c.peek()))
        return shape;

    int aDigits = 0, bDigits = 0, cDigits = 0;
    const int a = c.number(aDigits);
    const char sep = c.peek();
    if (sep == '-' || sep == '/' || sep == '.') {
        c.eat(sep);
        if (isAsciiLetter(c.peek())) // 12-Sep-2026, 2026-Sep-12
            return readWrittenMonth(c, a, aDigits);
    } else if (c.spaces() > 0 && isAsciiLetter(c.peek())) { // 12 Sep 2026
        return readWrittenMonth(c, a, aDigits);
    } else {
        return shape;
    }
    const int b = c.number(bDigits);
    if (bDigits < 1 || bDigits > 2 || !c.eat(sep))
        return shape;
    const int last = c.number(cDigits);
    if (!readRest(c, shape.clock))
        return shape;

    if (aDigits == 4) { // year first: 2026-09-12, 2026/9/12, 2026.09.12
        if (cDigits < 1 || cDigits > 2)
            return shape;
        shape.kind = Shape::Fixed;
        shape.y = a;
        shape.m = b;
        shape.d = last;
    } else if (aDigits <= 2 && sep == '.') { // 12.09.2026: day first, always
        const int year = expandYear(last, cDigits);
        if (year < 0)
            return shape;
        shape.kind = Shape::Fixed;
        shape.y = year;
        shape.m = b;
        shape.d = a;
    } else if (aDigits <= 2 && (cDigits == 1 || cDigits == 2 || cDigits == 4)) {
        shape.kind = Shape::Numeric;
        shape.a = a;
        shape.b = b;
        shape.c = last;
        shape.aDigits = aDigits;
        shape.cDigits = cDigits;
    }
    return shape;
}

// The date of a numeric shape in `order`; false when it does not fit.
bool resolve(const Shape &s, DateOrder order, int &y, int &m, int &d)
{
    switch (order) {
    case DateOrder::DayMonthYear:
        y = expandYear(s.c, s.cDigits);
        m = s.b;
        d = s.a;
        break;
    case DateOrder::MonthDayYear:
        y = expandYear(s.c, s.cDigits);
        m = s.a;
        d = s.b;
        break;
    case DateOrder::YearMonthDay:
        if (s.aDigits != 2 || s.cDigits > 2)
            return false;
        y = expandYear(s.a, 2);
        m = s.b;
        d = s.c;
        break;
    }
    return y > 0 && QDate::isValid(y, m, d);
}

bool fits(const Shape &s, DateOrder order)
{
    int y = 0, m = 0, d = 0;
    return resolve(s, order, y, m, d);
}

bool isSerial(qint64 whole)
{
    return whole >= kExcelSerialFirst && whole <= kExcelSerialLast;
}

QDate withClock(int y, int m, int d, const Clock &clock)
{
    if (!clock.zoned)
        return QDate(y, m, d);
    constexpr qint64 unixEpochDay = 2440588; // 1970-01-01
    const qint64 utcDay = QDate(y, m, d).toJulianDay() - unixEpochDay;
    const std::time_t seconds = std::time_t(utcDay * 86400 + (clock.hour * 60 + clock.minute) * 60
                                            + clock.second - clock.offsetSeconds);
    // The C library's local time, which Qt's LocalTime uses too, without QDateTime's overhead
    // (40 times faster): a million zoned timestamps are a plain HubSpot export.
    // The zone is the C library's, as of the last tzset(): DateColumn::decide() calls it, so a
    // column decided after a change of TZ sees the new zone. Calling it here would cost more
    // than the rest of the parse (glibc checks /etc/localtime every time).
    std::tm local{};
#ifdef Q_OS_WIN
    const bool converted = localtime_s(&local, &seconds) == 0;
#else
    const bool converted = localtime_r(&seconds, &local) != nullptr;
#endif
    if (!converted) { // out of the C library's range: the UTC date is the best we know
        const qint64 days = qint64(seconds) / 86400 - (qint64(seconds) % 86400 < 0 ? 1 : 0);
        return QDate::fromJulianDay(unixEpochDay + days);
    }
    return QDate(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

QString expectedDate(std::string_view t)
{
    return QCoreApplication::translate("tp::values", "expected a date such as 2026-09-12, found %1")
            .arg(quoted(t));
}

QString notValidDate(std::string_view t)
{
    return QCoreApplication::translate("tp::values", "%1 is not a valid date").arg(quoted(t));
}

} // namespace

QString dateOrderKey(DateOrder order)
{
    switch (order) {
    case DateOrder::DayMonthYear:
        return QStringLiteral("dmy");
    case DateOrder::MonthDayYear:
        return QStringLiteral("mdy");
    case DateOrder::YearMonthDay:
        return QStringLiteral("ymd");
    }
    return {};
}

std::optional<DateOrder> dateOrderFromKey(QStringView key)
{
    for (const DateOrder order :
         { DateOrder::DayMonthYear, DateOrder::MonthDayYear, DateOrder::YearMonthDay }) {
        if (key.trimmed().compare(dateOrderKey(order), Qt::CaseInsensitive) == 0)
            return order;
    }
    return std::nullopt;
}

QString dateOrderName(DateOrder order)
{
    switch (order) {
    case DateOrder::DayMonthYear:
        return QCoreApplication::translate("tp::values", "day/month/year");
    case DateOrder::MonthDayYear:
        return QCoreApplication::translate("tp::values", "month/day/year");
    case DateOrder::YearMonthDay:
        return QCoreApplication::translate("tp::values", "year/month/day");
    }
    return {};
}

void DateColumn::observe(std::string_view value)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return;
    ++m_values;
    const Shape s = shapeOf(t);
    switch (s.kind) {
    case Shape::Invalid:
        ++m_invalid;
        keepExample(m_invalidExample, t);
        break;
    case Shape::Fixed:
        if (!QDate::isValid(s.y, s.m, s.d)) {
            ++m_invalid;
            keepExample(m_invalidExample, t);
        }
        break;
    case Shape::PlainNumber:
        ++(isSerial(s.whole) ? m_serial : m_plainOther);
        keepExample(m_plainExample, t);
        break;
    case Shape::Numeric: {
        const bool dmy = fits(s, DateOrder::DayMonthYear), mdy = fits(s, DateOrder::MonthDayYear);
        const int bits = (dmy ? bitOf(DateOrder::DayMonthYear) : 0)
                | (mdy ? bitOf(DateOrder::MonthDayYear) : 0)
                | (fits(s, DateOrder::YearMonthDay) ? bitOf(DateOrder::YearMonthDay) : 0);
        ++m_numeric[bits];
        keepExample(m_numericExamples[bits], t);
        if (dmy && mdy && s.a != s.b) {
            ++m_differing;
            keepExample(m_differingExample, t);
        }
        break;
    }
    }
}

void DateColumn::merge(const DateColumn &other)
{
    m_values += other.m_values;
    m_invalid += other.m_invalid;
    m_serial += other.m_serial;
    m_plainOther += other.m_plainOther;
    m_differing += other.m_differing;
    for (int bits = 0; bits < 8; ++bits) {
        m_numeric[bits] += other.m_numeric[bits];
        keepExample(m_numericExamples[bits], other.m_numericExamples[bits]);
    }
    keepExample(m_invalidExample, other.m_invalidExample);
    keepExample(m_plainExample, other.m_plainExample);
    keepExample(m_differingExample, other.m_differingExample);
}

DateFormat DateColumn::decide(std::optional<DateOrder> explicitOrder) const
{
    // Zoned values convert to the local zone of the C library; let it pick up a changed TZ.
#ifdef Q_OS_WIN
    _tzset();
#else
    tzset();
#endif
    constexpr int dmyBit = bitOf(DateOrder::DayMonthYear), mdyBit = bitOf(DateOrder::MonthDayYear);
    DateFormat f;
    f.values = m_values;
    f.serials = m_serial;
    for (int bits = 0; bits < 8; ++bits) {
        const qint64 n = m_numeric[bits];
        if ((bits & dmyBit) && !(bits & mdyBit)) {
            f.dayMonthOnly += n;
            keepExample(f.dayMonthExample, m_numericExamples[bits]);
        } else if (!(bits & dmyBit) && (bits & mdyBit)) {
            f.monthDayOnly += n;
            keepExample(f.monthDayExample, m_numericExamples[bits]);
        } else if ((bits & dmyBit) && (bits & mdyBit)) {
            f.bothOrders += n;
        }
    }
    f.sameEitherWay = f.bothOrders - m_differing;
    f.ambiguousExample = m_differingExample;
    f.contradictory = f.dayMonthOnly > 0 && f.monthDayOnly > 0;
    f.ambiguous = f.dayMonthOnly == 0 && f.monthDayOnly == 0 && m_differing > 0;
    if (explicitOrder)
        f.order = explicitOrder;
    else if (!f.contradictory && f.dayMonthOnly > 0)
        f.order = DateOrder::DayMonthYear;
    else if (!f.contradictory && f.monthDayOnly > 0)
        f.order = DateOrder::MonthDayYear;
    f.excelSerials = m_serial > 0 && m_plainOther == 0;

    // What parseDate will reject with this format.
    f.rejected = m_invalid;
    keepExample(f.rejectedExample, m_invalidExample);
    if (!f.excelSerials) {
        f.rejected += m_serial + m_plainOther;
        keepExample(f.rejectedExample, m_plainExample);
    }
    for (int bits = 0; bits < 8; ++bits) {
        bool rejected = false;
        if (f.order) {
            rejected = !(bits & bitOf(*f.order));
        } else {
            const bool dmy = bits & dmyBit, mdy = bits & mdyBit;
            rejected = (!dmy && !mdy) || (f.contradictory && dmy != mdy);
        }
        if (rejected) {
            f.rejected += m_numeric[bits];
            keepExample(f.rejectedExample, m_numericExamples[bits]);
        }
    }
    if (!f.order) {
        f.rejected += m_differing;
        keepExample(f.rejectedExample, m_differingExample);
    }
    return f;
}

QString DateFormat::problem() const
{
    QString text;
    if (contradictory) {
        text = QCoreApplication::translate("tp::values",
                                           "Some dates fit only day/month (%1, such as %2) and "
                                           "others only month/day (%3, "
                                           "such as %4): the column mixes both orders.")
                       .arg(QString::number(dayMonthOnly), quoted(dayMonthExample),
                            QString::number(monthDayOnly), quoted(monthDayExample));
    } else if (ambiguous) {
        text = QCoreApplication::translate(
                       "tp::values",
                       "Day and month cannot be told apart: %1 dates fit day/month only, %2 "
                       "month/day only, %3 both (such as %4).")
                       .arg(QString::number(dayMonthOnly), QString::number(monthDayOnly),
                            QString::number(bothOrders), quoted(ambiguousExample));
    } else {
        return {};
    }
    if (order) {
        text += QLatin1Char(' ')
                + QCoreApplication::translate("tp::values",
                                              "They are read as %1; dates that do not fit are "
                                              "rejected.")
                          .arg(dateOrderName(*order));
    } else {
        text += QLatin1Char(' ')
                + QCoreApplication::translate("tp::values", "Choose a date order.");
    }
    return text;
}

Result<QDate> parseDate(std::string_view value, const DateFormat &format)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return Result<QDate>::empty();
    const Shape s = shapeOf(t);
    int y = 0, m = 0, d = 0;
    switch (s.kind) {
    case Shape::Invalid:
        return Result<QDate>::invalid(expectedDate(t));
    case Shape::PlainNumber:
        if (format.excelSerials && isSerial(s.whole))
            return Result<QDate>::of(QDate(1899, 12, 30).addDays(s.whole));
        return Result<QDate>::invalid(expectedDate(t));
    case Shape::Fixed:
        if (!QDate::isValid(s.y, s.m, s.d))
            return Result<QDate>::invalid(notValidDate(t));
        y = s.y;
        m = s.m;
        d = s.d;
        break;
    case Shape::Numeric:
        if (format.order) {
            if (!resolve(s, *format.order, y, m, d)) {
                return Result<QDate>::invalid(
                        QCoreApplication::translate("tp::values", "%1 is not a valid date as %2")
                                .arg(quoted(t), dateOrderName(*format.order)));
            }
            break;
        }
        {
            int y2 = 0, m2 = 0, d2 = 0;
            const bool dmy = resolve(s, DateOrder::DayMonthYear, y, m, d);
            const bool mdy = resolve(s, DateOrder::MonthDayYear, y2, m2, d2);
            if (dmy && mdy && s.a != s.b) {
                return Result<QDate>::invalid(
                        QCoreApplication::translate("tp::values",
                                                    "%1 could be day/month or month/day; choose a "
                                                    "date order")
                                .arg(quoted(t)));
            }
            if (dmy != mdy && format.contradictory) {
                return Result<QDate>::invalid(
                        QCoreApplication::translate(
                                "tp::values",
                                "%1 cannot be read: the column mixes day/month and "
                                "month/day dates; choose a date order")
                                .arg(quoted(t)));
            }
            if (!dmy && !mdy)
                return Result<QDate>::invalid(notValidDate(t));
            if (!dmy) {
                y = y2;
                m = m2;
                d = d2;
            }
        }
        break;
    }
    return Result<QDate>::of(withClock(y, m, d, s.clock));
}

} // namespace tp::values
