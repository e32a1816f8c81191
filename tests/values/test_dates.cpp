#include "values/dates.h"

#include <gtest/gtest.h>

#include <QByteArray>

#include <ctime>
#include <string>
#include <vector>

using namespace tp::values;

namespace {

constexpr auto DMY = DateOrder::DayMonthYear;
constexpr auto MDY = DateOrder::MonthDayYear;
constexpr auto YMD = DateOrder::YearMonthDay;

DateFormat orderOnly(std::optional<DateOrder> order)
{
    DateFormat f;
    f.order = order;
    return f;
}

// The parsed date, or an invalid QDate when the value is rejected.
QDate dateOf(std::string_view value, const DateFormat &format = {})
{
    const Result<QDate> r = parseDate(value, format);
    return r.hasValue() ? r.value : QDate();
}

DateFormat decideOver(const std::vector<std::string_view> &values,
                      std::optional<DateOrder> order = std::nullopt)
{
    DateColumn column;
    for (const std::string_view v : values)
        column.observe(v);
    return column.decide(order);
}

qint64 rejectedBy(const std::vector<std::string_view> &values, const DateFormat &format)
{
    qint64 n = 0;
    for (const std::string_view v : values)
        n += parseDate(v, format).isInvalid() ? 1 : 0;
    return n;
}

// Sets TZ for the lifetime of the object (tzset() makes the C library, and so Qt's local time,
// see it), then puts back what was there.
class TimeZoneScope
{
public:
    explicit TimeZoneScope(const char *zone)
        : m_had(qEnvironmentVariableIsSet("TZ")), m_old(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~TimeZoneScope()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }

private:
    bool m_had;
    QByteArray m_old;
};

} // namespace

TEST(Dates, IsoAndYearFirst)
{
    EXPECT_EQ(dateOf("2026-09-12"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("2026-9-2"), QDate(2026, 9, 2));
    EXPECT_EQ(dateOf("2026/09/12"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("2026.09.12"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("20260912"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf(" 2026-09-12\r\n"), QDate(2026, 9, 12));
    EXPECT_FALSE(dateOf("2026-02-29").isValid());
    EXPECT_TRUE(dateOf("2028-02-29").isValid());
    EXPECT_FALSE(dateOf("2026-13-01").isValid());
    EXPECT_FALSE(dateOf("2026-00-10").isValid());
    EXPECT_FALSE(dateOf("0000-01-01").isValid());
    EXPECT_FALSE(dateOf("2026-09/12").isValid()); // mixed separators
    EXPECT_FALSE(dateOf("2026-09-123").isValid());
    EXPECT_FALSE(dateOf("20261340").isValid());
    const Result<QDate> r = parseDate("2026-02-30", {});
    ASSERT_TRUE(r.isInvalid());
    EXPECT_EQ(r.error, QStringLiteral("\"2026-02-30\" is not a valid date"));
}

TEST(Dates, DateTimesWithoutAZoneKeepTheDateAsWritten)
{
    const TimeZoneScope tokyo("Asia/Tokyo"); // must not matter here
    EXPECT_EQ(dateOf("2026-09-12T23:30:00"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("2026-09-12 23:30"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("2026-09-12 23:30:59"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("2026-09-12 00:00:00.000"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("2026-12-04 00:00"), QDate(2026, 12, 4)); // HubSpot sample
    EXPECT_EQ(dateOf("2026-03-27 08:15:00"), QDate(2026, 3, 27)); // Pipedrive sample
    EXPECT_FALSE(dateOf("2026-09-12 24:00").isValid());
    EXPECT_FALSE(dateOf("2026-09-12 10:60").isValid());
    EXPECT_FALSE(dateOf("2026-09-12 10").isValid());
    EXPECT_FALSE(dateOf("2026-09-12 10:00 tomorrow").isValid());
    EXPECT_FALSE(dateOf("2026-09-12Z").isValid());
}

TEST(Dates, ZonedDateTimesTakeTheLocalDate)
{
    {
        const TimeZoneScope newYork("America/New_York"); // EDT (UTC−4) in September
        EXPECT_EQ(dateOf("2026-09-12T23:30:00.000Z"), QDate(2026, 9, 12)); // 19:30 EDT
        EXPECT_EQ(dateOf("2026-09-12T02:30:00Z"), QDate(2026, 9, 11)); // 22:30 EDT the day before
        EXPECT_EQ(dateOf("2026-09-12T10:00:00+02:00"), QDate(2026, 9, 12)); // 04:00 EDT
        EXPECT_EQ(dateOf("2026-09-12T01:00:00+02:00"), QDate(2026, 9, 11)); // 19:00 EDT
        EXPECT_EQ(dateOf("2026-09-12T01:00:00+0200"), QDate(2026, 9, 11));
        EXPECT_EQ(dateOf("2026-09-12T01:00:00+02"), QDate(2026, 9, 11));
        EXPECT_EQ(dateOf("2026-09-12 01:00:00 +02:00"), QDate(2026, 9, 11));
        EXPECT_EQ(dateOf("2026-09-12 01:00 UTC"), QDate(2026, 9, 11));
        EXPECT_EQ(dateOf("2026-09-12T22:00:00-05:00"), QDate(2026, 9, 12)); // 23:00 EDT
        EXPECT_EQ(dateOf("2026-09-12T23:30:00-05:00"), QDate(2026, 9, 13)); // 00:30 EDT
        // Daylight saving time: 04:30Z is 00:30 EDT in September but 23:30 EST in December.
        EXPECT_EQ(dateOf("2026-09-12T04:30:00Z"), QDate(2026, 9, 12));
        EXPECT_EQ(dateOf("2026-12-12T04:30:00Z"), QDate(2026, 12, 11));
        EXPECT_EQ(dateOf("2026-12-12T05:30:00Z"), QDate(2026, 12, 12));
        // The zone applies after the other date forms too.
        EXPECT_EQ(dateOf("9/12/2026 1:00 AM Z", orderOnly(MDY)), QDate(2026, 9, 11));
    }
    {
        const TimeZoneScope tokyo("Asia/Tokyo"); // UTC+9, no daylight saving time
        EXPECT_EQ(dateOf("2026-09-12T23:30:00.000Z"), QDate(2026, 9, 13)); // 08:30 JST
        EXPECT_EQ(dateOf("2026-09-12T10:00:00+02:00"), QDate(2026, 9, 12)); // 17:00 JST
        EXPECT_EQ(dateOf("2026-09-12T14:59:59Z"), QDate(2026, 9, 12));
        EXPECT_EQ(dateOf("2026-09-12T15:00:00Z"), QDate(2026, 9, 13));
        EXPECT_EQ(dateOf("2026-09-12 23:30 GMT"), QDate(2026, 9, 13));
    }
    {
        const TimeZoneScope utc("UTC");
        EXPECT_EQ(dateOf("2026-09-12T23:30:00.000Z"), QDate(2026, 9, 12));
        EXPECT_EQ(dateOf("2026-09-12T01:00:00+02:00"), QDate(2026, 9, 11));
    }
    EXPECT_FALSE(dateOf("2026-09-12T10:00:00+25:00").isValid());
    EXPECT_FALSE(dateOf("2026-09-12T10:00:00 EST").isValid()); // abbreviations are ambiguous
}

TEST(Dates, DottedDatesAreDayFirst)
{
    EXPECT_EQ(dateOf("12.09.2026"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("1.2.2026"), QDate(2026, 2, 1));
    EXPECT_EQ(dateOf("12.9.26"), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("12.09.2026 14:30"), QDate(2026, 9, 12));
    // Whatever order a caller sets for slashed dates.
    EXPECT_EQ(dateOf("1.2.2026", orderOnly(MDY)), QDate(2026, 2, 1));
    EXPECT_FALSE(dateOf("09.13.2026").isValid());
    const DateFormat f = decideOver({ "1.2.2026", "3.4.2026" });
    EXPECT_FALSE(f.ambiguous);
    EXPECT_FALSE(f.needsOrder());
}

TEST(Dates, WrittenMonths)
{
    const QDate expected(2026, 9, 12);
    for (const std::string_view v :
         { "Sep 12, 2026", "September 12, 2026", "sep 12 2026", "SEPT. 12, 2026", "Sep 12th, 2026",
           "12 Sep 2026", "12 September 2026", "12 september, 2026", "12-Sep-2026", "12-SEP-26",
           "12/Sep/2026", "2026-Sep-12", "Sat, 12 Sep 2026", "Saturday, September 12, 2026",
           "Sat Sep 12 2026", "Sep 12, 2026 10:30 PM", "Sep 12, 2026, 10:30 PM",
           "12 Sep 2026 23:59:59",
           "12\xC2\xA0Sep\xC2\xA0"
           "2026" }) {
        EXPECT_EQ(dateOf(v), expected) << v;
    }
    EXPECT_EQ(dateOf("May 1, 2026"), QDate(2026, 5, 1));
    EXPECT_EQ(dateOf("1 Feb 99"), QDate(1999, 2, 1));
    EXPECT_FALSE(dateOf("Sep 31, 2026").isValid());
    EXPECT_FALSE(dateOf("Sepp 12, 2026").isValid());
    EXPECT_FALSE(dateOf("Sep 2026").isValid());
    EXPECT_FALSE(dateOf("12 Sep").isValid());
    EXPECT_FALSE(dateOf("Funday, 12 Sep 2026").isValid());
    EXPECT_FALSE(dateOf("12 Sep 2026 garbage").isValid());
    // No column decision needed: never ambiguous.
    const DateFormat f = decideOver({ "Sep 1, 2026", "2 Oct 2026" });
    EXPECT_FALSE(f.needsOrder());
    EXPECT_EQ(f.rejected, 0);
}

TEST(Dates, TwelveHourClock)
{
    const DateFormat mdy = orderOnly(MDY);
    EXPECT_EQ(dateOf("09/12/2026 10:30 PM", mdy), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("09/12/2026 12:05 am", mdy), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("9/12/2026 1:05:59 p.m.", mdy), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("09/12/2026 10:30PM", mdy), QDate(2026, 9, 12));
    EXPECT_FALSE(dateOf("09/12/2026 13:30 PM", mdy).isValid());
    EXPECT_FALSE(dateOf("09/12/2026 0:30 AM", mdy).isValid());
    EXPECT_FALSE(dateOf("09/12/2026 10:30 XM", mdy).isValid());
    {
        // 11:30 PM on the 11th in New York is 03:30Z on the 12th; as 12-hour time with a zone.
        const TimeZoneScope utc("UTC");
        EXPECT_EQ(dateOf("09/11/2026 11:30 PM -04:00", mdy), QDate(2026, 9, 12));
        EXPECT_EQ(dateOf("09/12/2026 12:30 AM +01:00", mdy), QDate(2026, 9, 11));
        EXPECT_EQ(dateOf("09/12/2026 12:30 PM +01:00", mdy), QDate(2026, 9, 12));
    }
}

TEST(Dates, TwoDigitYearPivot)
{
    // 00–69 → 2000–2069, 70–99 → 1970–1999.
    EXPECT_EQ(dateOf("1/2/00", orderOnly(DMY)), QDate(2000, 2, 1));
    EXPECT_EQ(dateOf("1/2/26", orderOnly(DMY)), QDate(2026, 2, 1));
    EXPECT_EQ(dateOf("1/2/69", orderOnly(DMY)), QDate(2069, 2, 1));
    EXPECT_EQ(dateOf("1/2/70", orderOnly(DMY)), QDate(1970, 2, 1));
    EXPECT_EQ(dateOf("1/2/99", orderOnly(MDY)), QDate(1999, 1, 2));
    EXPECT_EQ(dateOf("31.12.69"), QDate(2069, 12, 31));
    EXPECT_EQ(dateOf("31-Dec-70"), QDate(1970, 12, 31));
    EXPECT_EQ(kTwoDigitYearPivot, 70);
    // Three-digit and one-digit years are not years.
    EXPECT_FALSE(dateOf("1/2/026", orderOnly(DMY)).isValid());
    EXPECT_FALSE(dateOf("1/2/6", orderOnly(DMY)).isValid());
}

TEST(DateColumn, MonthDaySettledByAnyValue)
{
    // The Salesforce report sample: 12/4/2026 alone could be either; 10/30/2025 settles it.
    const std::vector<std::string_view> values{ "12/4/2026", "10/30/2025", "2/19/2026", "12/5/2026",
                                                "",          "3/18/2027",  "11/6/2026" };
    const DateFormat f = decideOver(values);
    ASSERT_TRUE(f.order.has_value());
    EXPECT_EQ(*f.order, MDY);
    EXPECT_FALSE(f.ambiguous);
    EXPECT_FALSE(f.contradictory);
    EXPECT_FALSE(f.needsOrder());
    EXPECT_EQ(f.values, 6);
    EXPECT_EQ(f.monthDayOnly, 3);
    EXPECT_EQ(f.dayMonthOnly, 0);
    EXPECT_EQ(f.bothOrders, 3);
    EXPECT_EQ(f.rejected, 0);
    EXPECT_EQ(dateOf("12/4/2026", f), QDate(2026, 12, 4));
    EXPECT_EQ(dateOf("3/18/2027", f), QDate(2027, 3, 18));
    EXPECT_TRUE(f.problem().isEmpty());
}

TEST(DateColumn, DayMonthSettledByTheLastValue)
{
    DateColumn column;
    for (int i = 0; i < 1000; ++i)
        column.observe("03/04/2026");
    column.observe("25/12/2026");
    const DateFormat f = column.decide();
    ASSERT_TRUE(f.order.has_value());
    EXPECT_EQ(*f.order, DMY);
    EXPECT_EQ(dateOf("03/04/2026", f), QDate(2026, 4, 3));
    EXPECT_EQ(dateOf("25-12-2026", f), QDate(2026, 12, 25));
    EXPECT_EQ(f.dayMonthExample, "25/12/2026");
}

TEST(DateColumn, AmbiguousColumnIsReportedWithCountsAndSettledByAnOrder)
{
    const std::vector<std::string_view> values{ "3/4/2026",  "5/6/2026", "5/5/2026",
                                                "12/1/2026", "",         "2026-09-12" };
    const DateFormat f = decideOver(values);
    EXPECT_TRUE(f.ambiguous);
    EXPECT_FALSE(f.contradictory);
    EXPECT_FALSE(f.order.has_value());
    EXPECT_TRUE(f.needsOrder());
    EXPECT_EQ(f.values, 5);
    EXPECT_EQ(f.dayMonthOnly, 0);
    EXPECT_EQ(f.monthDayOnly, 0);
    EXPECT_EQ(f.bothOrders, 4);
    EXPECT_EQ(f.sameEitherWay, 1); // 5/5/2026
    EXPECT_EQ(f.ambiguousExample, "3/4/2026");
    EXPECT_EQ(f.problem(),
              QStringLiteral("Day and month cannot be told apart: 0 dates fit day/month only, 0 "
                             "month/day only, 4 both (such as \"3/4/2026\"). Choose a date "
                             "order."));
    // Never guessed: the values that differ are rejected until an order is given.
    EXPECT_EQ(f.rejected, 3);
    EXPECT_EQ(rejectedBy(values, f), 3);
    const Result<QDate> r = parseDate("3/4/2026", f);
    ASSERT_TRUE(r.isInvalid());
    EXPECT_TRUE(r.error.contains(QStringLiteral("choose a date order")));
    EXPECT_EQ(dateOf("5/5/2026", f), QDate(2026, 5, 5)); // the same either way
    EXPECT_EQ(dateOf("2026-09-12", f), QDate(2026, 9, 12));

    DateColumn column;
    for (const std::string_view v : values)
        column.observe(v);
    const DateFormat dmy = column.decide(DMY);
    EXPECT_TRUE(dmy.ambiguous); // what the data says; the order settles it
    EXPECT_FALSE(dmy.needsOrder());
    EXPECT_EQ(dmy.rejected, 0);
    EXPECT_EQ(dateOf("3/4/2026", dmy), QDate(2026, 4, 3));
    const DateFormat mdy = column.decide(MDY);
    EXPECT_EQ(dateOf("3/4/2026", mdy), QDate(2026, 3, 4));
    EXPECT_EQ(rejectedBy(values, mdy), 0);
    EXPECT_TRUE(mdy.problem().contains(QStringLiteral("month/day/year")));
}

TEST(DateColumn, ContradictoryColumnIsAnErrorWithCountsAndExamples)
{
    const std::vector<std::string_view> values{ "25/12/2026", "3/4/2026",  "12/25/2026",
                                                "13/1/2026",  "1/13/2026", "1/14/2026" };
    const DateFormat f = decideOver(values);
    EXPECT_TRUE(f.contradictory);
    EXPECT_FALSE(f.order.has_value());
    EXPECT_TRUE(f.needsOrder());
    EXPECT_EQ(f.dayMonthOnly, 2);
    EXPECT_EQ(f.monthDayOnly, 3);
    EXPECT_EQ(f.bothOrders, 1);
    EXPECT_EQ(f.dayMonthExample, "25/12/2026");
    EXPECT_EQ(f.monthDayExample, "12/25/2026");
    EXPECT_EQ(f.problem(),
              QStringLiteral("Some dates fit only day/month (2, such as \"25/12/2026\") and others "
                             "only month/day (3, such as \"12/25/2026\"): the column mixes both "
                             "orders. Choose a date order."));
    // Nothing that depends on the order is read.
    EXPECT_EQ(f.rejected, 6);
    EXPECT_EQ(rejectedBy(values, f), 6);
    EXPECT_TRUE(parseDate("25/12/2026", f).isInvalid());

    // An explicit order reads what fits it and rejects the rest.
    DateColumn column;
    for (const std::string_view v : values)
        column.observe(v);
    const DateFormat mdy = column.decide(MDY);
    EXPECT_TRUE(mdy.contradictory);
    EXPECT_EQ(*mdy.order, MDY);
    EXPECT_EQ(mdy.rejected, 2);
    EXPECT_EQ(rejectedBy(values, mdy), 2);
    EXPECT_EQ(dateOf("12/25/2026", mdy), QDate(2026, 12, 25));
}

TEST(DateColumn, ExplicitYearMonthDayForTwoDigitYearsFirst)
{
    const std::vector<std::string_view> values{ "26/09/12", "99/12/31", "05/06/07" };
    const DateFormat guessed = decideOver(values);
    EXPECT_NE(guessed.order, std::optional<DateOrder>(YMD)); // never guessed
    EXPECT_GT(guessed.rejected, 0);
    const DateFormat f = decideOver(values, YMD);
    EXPECT_EQ(f.rejected, 0);
    EXPECT_EQ(dateOf("26/09/12", f), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("99/12/31", f), QDate(1999, 12, 31));
    EXPECT_EQ(dateOf("05/06/07", f), QDate(2005, 6, 7));
    EXPECT_EQ(dateOf("2026-09-12", f), QDate(2026, 9, 12));
    // The year last cannot be read year first.
    const Result<QDate> r = parseDate("12/09/2026", f);
    ASSERT_TRUE(r.isInvalid());
    EXPECT_EQ(r.error, QStringLiteral("\"12/09/2026\" is not a valid date as year/month/day"));
}

TEST(DateColumn, ExcelSerials)
{
    const std::vector<std::string_view> values{ "45000", "46277", "45000.75", "" };
    const DateFormat f = decideOver(values);
    EXPECT_TRUE(f.excelSerials);
    EXPECT_EQ(f.serials, 3);
    EXPECT_EQ(f.rejected, 0);
    EXPECT_EQ(dateOf("45000", f), QDate(2023, 3, 15));
    EXPECT_EQ(dateOf("46277", f), QDate(2026, 9, 12));
    EXPECT_EQ(dateOf("45000.75", f), QDate(2023, 3, 15));
    EXPECT_EQ(dateOf("20000", f), QDate(1954, 10, 3));
    EXPECT_EQ(dateOf("80000", f), QDate(2119, 1, 11));
    EXPECT_FALSE(dateOf("19999", f).isValid());
    EXPECT_FALSE(dateOf("80001", f).isValid());
    // Not without the column's say-so.
    EXPECT_FALSE(dateOf("45000").isValid());

    // One plain number out of range: the column is not serial dates (ids, amounts...).
    const std::vector<std::string_view> mixed{ "45000", "46277", "123" };
    const DateFormat g = decideOver(mixed);
    EXPECT_FALSE(g.excelSerials);
    EXPECT_EQ(g.rejected, 3);
    EXPECT_EQ(rejectedBy(mixed, g), 3);

    // Serials next to written dates are fine.
    const DateFormat h = decideOver({ "45000", "2026-09-12" });
    EXPECT_TRUE(h.excelSerials);
    EXPECT_EQ(h.rejected, 0);
}

TEST(DateColumn, RejectsAreCountedAsParseRejectsThem)
{
    const std::vector<std::string_view> values{ "2026-09-12",
                                                "garbage",
                                                "31/02/2026",
                                                "12/31/2026",
                                                "2026-02-30",
                                                "45000",
                                                "99/99/99",
                                                "1/2/3",
                                                "Sep 12, 2026",
                                                "",
                                                std::string_view("2026-09-12\0", 11) };
    const DateFormat f = decideOver(values);
    EXPECT_EQ(f.rejected, rejectedBy(values, f));
    EXPECT_EQ(f.rejectedExample, "garbage");
    for (const DateOrder order : { DMY, MDY, YMD })
        EXPECT_EQ(decideOver(values, order).rejected,
                  rejectedBy(values, decideOver(values, order)));
}

TEST(DateColumn, MergeEqualsOneScan)
{
    DateColumn a, b, all;
    for (const std::string_view v : { "3/4/2026", "5/6/2026" }) {
        a.observe(v);
        all.observe(v);
    }
    for (const std::string_view v : { "13/4/2026", "x" }) {
        b.observe(v);
        all.observe(v);
    }
    a.merge(b);
    const DateFormat merged = a.decide(), whole = all.decide();
    EXPECT_EQ(merged.order, whole.order);
    EXPECT_EQ(*merged.order, DMY);
    EXPECT_EQ(merged.rejected, whole.rejected);
    EXPECT_EQ(merged.bothOrders, whole.bothOrders);
}

TEST(Dates, OrderKeys)
{
    EXPECT_EQ(dateOrderFromKey(u"dmy"), DMY);
    EXPECT_EQ(dateOrderFromKey(u"MDY"), MDY);
    EXPECT_EQ(dateOrderFromKey(u"ymd"), YMD);
    EXPECT_FALSE(dateOrderFromKey(u"dym").has_value());
    for (const DateOrder order : { DMY, MDY, YMD })
        EXPECT_EQ(dateOrderFromKey(dateOrderKey(order)), order);
}
