#include "dates.h"

#include <QRegularExpression>

namespace tp {

namespace {

int digits(std::string_view s, std::size_t from, std::size_t count)
{
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

QDate parseIsoDate(std::string_view text)
{
    if (text.size() < 10 || text[4] != '-' || text[7] != '-')
        return {};
    const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return {};
    return QDate(y, m, d);
}

bool formatIsoDate(const QDate &date, char (&out)[10])
{
    int y = 0, m = 0, d = 0;
    date.getDate(&y, &m, &d);
    if (!date.isValid() || y < 1000 || y > 9999)
        return false;
    for (int i = 3; i >= 0; --i, y /= 10)
        out[i] = char('0' + y % 10);
    out[4] = '-';
    out[5] = char('0' + m / 10);
    out[6] = char('0' + m % 10);
    out[7] = '-';
    out[8] = char('0' + d / 10);
    out[9] = char('0' + d % 10);
    return true;
}

qint64 parseIsoDay(std::string_view text)
{
    // The hot path of loading a book (three dates per opportunity): the Julian day number is
    // computed directly (Fliegel and Van Flandern) instead of through QDate.
    if (text.size() < 10 || text[4] != '-' || text[7] != '-')
        return 0;
    const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return 0;
    static constexpr int monthDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > monthDays[m - 1] + (m == 2 && leap ? 1 : 0))
        return 0;
    const qint64 a = (14 - m) / 12;
    const qint64 yy = y + 4800 - a;
    const qint64 mm = m + 12 * a - 3;
    return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
}

QString Period::label() const
{
    return QStringLiteral("%1-Q%2").arg(fiscalYear).arg(quarter);
}

Period Period::of(int fiscalYear, int quarter, int fiscalStartMonth)
{
    Period p;
    p.fiscalYear = fiscalYear;
    p.quarter = quarter;
    // With a January start the fiscal year is the calendar year; otherwise the year it ends in.
    const int firstYear = fiscalStartMonth == 1 ? fiscalYear : fiscalYear - 1;
    p.start = QDate(firstYear, fiscalStartMonth, 1).addMonths((quarter - 1) * 3);
    p.end = p.start.addMonths(3).addDays(-1);
    return p;
}

Period Period::containing(const QDate &date, int fiscalStartMonth)
{
    const int monthsIn = (date.month() - fiscalStartMonth + 12) % 12;
    const int quarter = monthsIn / 3 + 1;
    const int startYear = date.month() >= fiscalStartMonth ? date.year() : date.year() - 1;
    const int fiscalYear = fiscalStartMonth == 1 ? startYear : startYear + 1;
    return of(fiscalYear, quarter, fiscalStartMonth);
}

std::optional<Period> Period::parse(const QString &label, int fiscalStartMonth)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{4})-?Q([1-4])\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(label);
    if (!match.hasMatch())
        return std::nullopt;
    return of(match.captured(1).toInt(), match.captured(2).toInt(), fiscalStartMonth);
}

QString localDateFormat(const QLocale &locale)
{
    static const QRegularExpression year(QStringLiteral("y+"));
    return locale.dateFormat(QLocale::ShortFormat).replace(year, QStringLiteral("yyyy"));
}

QString localDate(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, localDateFormat(locale)) : QString();
}

} // namespace tp
