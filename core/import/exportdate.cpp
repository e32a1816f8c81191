#include "exportdate.h"

#include "values/dates.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>

#include <vector>

namespace tp::crm {

namespace {

// Four-digit years only: two digits in a name are too often something else (a version, a count).
const QString year = QStringLiteral("((?:19|20|21)\\d\\d)");

std::optional<QDate> dateOf(int y, int m, int d)
{
    return QDate::isValid(y, m, d) ? std::optional(QDate(y, m, d)) : std::nullopt;
}

int number(const QRegularExpressionMatch &m, int group)
{
    return m.captured(group).toInt();
}

// Every date written in `text` (see dateInFileName()).
std::vector<QDate> datesIn(const QString &text)
{
    std::vector<QDate> dates;
    const auto add = [&dates](std::optional<QDate> date) {
        if (date)
            dates.push_back(*date);
    };
    // Year first, with one separator throughout (2026-11-13, 2026_11_13, 2026.11.13, 2026/11/13)
    // or none (20261113), the latter perhaps with a time after it (202611130930, 20261113093000).
    static const QRegularExpression yearFirst(
            QStringLiteral("(?<!\\d)") + year
            + QStringLiteral("([-_./])(\\d{1,2})\\2(\\d{1,2})(?!\\d)"));
    static const QRegularExpression compact(
            QStringLiteral("(?<!\\d)") + year
            + QStringLiteral("(\\d\\d)(\\d\\d)((?:[01]\\d|2[0-3])[0-5]\\d(?:[0-5]\\d)?)?(?!\\d)"));
    // Dots and the year last: day first, always (13.11.2026).
    static const QRegularExpression dotted(QStringLiteral("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.")
                                           + year + QStringLiteral("(?!\\d)"));
    // Other separators and the year last: the order only where the numbers tell it.
    static const QRegularExpression yearLast(
            QStringLiteral("(?<!\\d)(\\d{1,2})([-_/ ])(\\d{1,2})\\2") + year
            + QStringLiteral("(?!\\d)"));
    // English month names, read by the import's own date parser.
    static const QRegularExpression written(
            QStringLiteral(
                    "(?<![A-Za-z\\d])(?:\\d{1,2}(?:st|nd|rd|th)?[ -]+[A-Za-z]{3,9}\\.?,?[ -]+"
                    "|[A-Za-z]{3,9}\\.?[ -]+\\d{1,2}(?:st|nd|rd|th)?,?[ -]+)")
            + year + QStringLiteral("(?!\\d)"));

    for (auto it = yearFirst.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(dateOf(number(m, 1), number(m, 3), number(m, 4)));
    }
    for (auto it = compact.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(dateOf(number(m, 1), number(m, 2), number(m, 3)));
    }
    for (auto it = dotted.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(dateOf(number(m, 3), number(m, 2), number(m, 1)));
    }
    for (auto it = yearLast.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const auto dayFirst = dateOf(number(m, 4), number(m, 3), number(m, 1));
        const auto monthFirst = dateOf(number(m, 4), number(m, 1), number(m, 3));
        if (dayFirst && monthFirst && *dayFirst != *monthFirst)
            continue; // 05-06-2026: May or June, nothing says
        add(dayFirst ? dayFirst : monthFirst);
    }
    for (auto it = written.globalMatch(text); it.hasNext();) {
        const QByteArray value = it.next().captured(0).toUtf8();
        const auto parsed =
                values::parseDate(std::string_view(value.constData(), std::size_t(value.size())),
                                  values::DateFormat{});
        if (parsed.hasValue())
            dates.push_back(parsed.value);
    }
    return dates;
}

std::optional<QDate> latestUpTo(const std::vector<QDate> &dates, const QDate &today)
{
    std::optional<QDate> latest;
    for (const QDate &d : dates) {
        if (d <= today && (!latest || d > *latest))
            latest = d;
    }
    return latest;
}

bool saysAny(const QString &line, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (line.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

std::optional<QDate> dateInFileName(const QString &fileName, const QDate &today)
{
    return latestUpTo(datesIn(fileName), today);
}

std::optional<QDate> dateInTitleLines(const QStringList &lines, const QDate &today)
{
    std::vector<QDate> said, others;
    for (const QString &line : lines) {
        if (saysAny(line,
                    { "filter", "between", "range", "criteria", "gefiltert", "zeitraum",
                      "kriterien" }))
            continue;
        const std::vector<QDate> dates = datesIn(line);
        const bool madeOn = saysAny(line,
                                    { "as of", "as at", "generated", "exported", "export date",
                                      "created", "run on", "run date", "printed", "date", "stand",
                                      "erstellt", "exportiert", "stichtag", "datum" });
        (madeOn ? said : others).insert((madeOn ? said : others).end(), dates.begin(), dates.end());
    }
    if (const auto date = latestUpTo(said, today))
        return date;
    return latestUpTo(others, today);
}

ExportDate exportDate(const QString &path, const QStringList &titleLines, const QDate &today)
{
    const QFileInfo info(path);
    if (const auto date = dateInFileName(info.fileName(), today))
        return { *date, ExportDate::Source::FileName };
    if (const auto date = dateInTitleLines(titleLines, today))
        return { *date, ExportDate::Source::Title };
    const QDate modified = info.exists() ? info.lastModified().date() : QDate();
    if (modified.isValid())
        return { std::min(modified, today), ExportDate::Source::Modified };
    return { today, ExportDate::Source::Today };
}

} // namespace tp::crm
