#include "formatter.h"

#include "domain/dates.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>

namespace tp::ui {

Formatter::Formatter(const QLocale &locale) : m_locale(locale) { }

QString Formatter::currencySymbol(const QString &currency) const
{
    const auto it = m_symbols.constFind(currency);
    if (it != m_symbols.constEnd())
        return *it;
    QString symbol;
    if (m_locale.currencySymbol(QLocale::CurrencyIsoCode) == currency) {
        symbol = m_locale.currencySymbol(QLocale::CurrencySymbol);
    } else {
        // The symbol of the first locale that uses this currency ("$" for USD, "€" for EUR);
        // the ISO code when none does.
        const auto locales = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                      QLocale::AnyTerritory);
        for (const QLocale &l : locales) {
            if (l.currencySymbol(QLocale::CurrencyIsoCode) == currency) {
                symbol = l.currencySymbol(QLocale::CurrencySymbol);
                break;
            }
        }
        if (symbol.isEmpty())
            symbol = currency;
    }
    m_symbols.insert(currency, symbol);
    return symbol;
}

QString Formatter::money(Minor amount, const QString &currency) const
{
    return m_locale.toCurrencyString(double(amount) / 100.0, currencySymbol(currency), 2);
}

QString Formatter::number(qint64 value) const
{
    return m_locale.toString(value);
}

QString Formatter::dateFormat(const QLocale &locale)
{
    return localDateFormat(locale);
}

QString Formatter::date(const QDate &date) const
{
    if (!date.isValid())
        return {};
    if (m_dateFormat.isEmpty())
        m_dateFormat = dateFormat(m_locale);
    return m_locale.toString(date, m_dateFormat);
}

QDate Formatter::parseDate(const QString &text, const QDate &yearOf) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (const QDate iso = QDate::fromString(trimmed, Qt::ISODate); iso.isValid())
        return iso;
    if (m_dateFormat.isEmpty())
        m_dateFormat = dateFormat(m_locale);
    // A format with month names ("d MMM yyyy") is the locale's own to read.
    if (m_dateFormat.contains(QLatin1String("MMM"))) {
        const QDate parsed = m_locale.toDate(trimmed, m_dateFormat);
        return parsed.isValid() ? parsed : m_locale.toDate(trimmed, QLocale::ShortFormat);
    }

    // The order of day, month and year in the locale's format: "M/d/yyyy" is month, day, year.
    struct Part
    {
        qsizetype at;
        char kind;
    };
    std::array<Part, 3> order{ { { m_dateFormat.indexOf(QLatin1Char('d')), 'd' },
                                 { m_dateFormat.indexOf(QLatin1Char('M')), 'M' },
                                 { m_dateFormat.indexOf(QLatin1Char('y')), 'y' } } };
    std::sort(order.begin(), order.end(), [](const Part &a, const Part &b) { return a.at < b.at; });

    QStringList groups;
    for (const QString &group :
         trimmed.split(QRegularExpression(QStringLiteral("[^0-9]+")), Qt::SkipEmptyParts))
        groups.append(group);
    if (groups.size() == 1 && (groups[0].size() == 8 || groups[0].size() == 6)) {
        // Digits alone: two for the day and the month, the rest for the year.
        const QString digits = groups.takeFirst();
        qsizetype at = 0;
        for (const Part &part : order) {
            const qsizetype length = part.kind == 'y' ? digits.size() - 4 : 2;
            groups.append(digits.mid(at, length));
            at += length;
        }
    }
    if (groups.size() < 2 || groups.size() > 3)
        return {};
    if (groups.size() == 3 && groups[0].size() == 4) // year first, as ISO 8601 has it
        order = { { { 0, 'y' }, { 1, 'M' }, { 2, 'd' } } };
    const QDate reference = yearOf.isValid() ? yearOf : QDate::currentDate();
    int day = 0, month = 0, year = 0;
    bool yearGiven = false;
    int group = 0;
    for (const Part &part : order) {
        if (part.kind == 'y' && groups.size() == 2)
            continue; // day and month alone
        const QString &digits = groups.at(group++);
        const int value = digits.toInt();
        if (part.kind == 'd')
            day = digits.size() <= 2 ? value : 0;
        else if (part.kind == 'M')
            month = digits.size() <= 2 ? value : 0;
        else if (digits.size() == 4 || digits.size() == 2)
            year = value, yearGiven = digits.size() == 4;
        else
            return {};
    }
    if (groups.size() == 2) {
        if (!yearOf.isValid())
            return {};
        year = yearOf.year();
    } else if (!yearGiven) {
        // "26": the year ending in 26 nearest to the reference.
        year += reference.year() - reference.year() % 100;
        if (year - reference.year() > 50)
            year -= 100;
        else if (reference.year() - year > 50)
            year += 100;
    }
    const QDate date(year, month, day);
    return date.isValid() ? date : QDate();
}

QString Formatter::dateFromDay(qint64 julianDay) const
{
    return julianDay ? date(QDate::fromJulianDay(julianDay)) : QString();
}

QString Formatter::percent(BasisPoints probability) const
{
    // Whole percents print without decimals; 12.5% keeps its one.
    const int decimals = probability % 100 == 0 ? 0 : (probability % 10 == 0 ? 1 : 2);
    return m_locale.toString(double(probability) / 100.0, 'f', decimals) + m_locale.percent();
}

QString Formatter::share(double value) const
{
    return percent(BasisPoints(std::lround(value * 1000) * 10));
}

QString Formatter::ratio(double value) const
{
    return m_locale.toString(value * 100.0, 'f', 1) + m_locale.percent();
}

std::optional<Minor> Formatter::parseMoney(const QString &text, bool *ok) const
{
    *ok = true;
    QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    // A currency symbol or code may lead or trail ("$1,234.50", "1.234,50 €", "USD 12").
    const auto isDecoration = [](QChar c) {
        return c.isLetter() || c.isSpace() || c.category() == QChar::Symbol_Currency;
    };
    while (!t.isEmpty() && isDecoration(t.front()))
        t.remove(0, 1);
    while (!t.isEmpty() && isDecoration(t.back()))
        t.chop(1);
    bool parsed = false;
    double value = t.isEmpty() ? 0.0 : m_locale.toDouble(t, &parsed);
    if (!parsed && !t.isEmpty())
        value = QLocale::c().toDouble(t, &parsed);
    if (!parsed || !std::isfinite(value) || std::abs(value) > 9.0e13) {
        *ok = false;
        return std::nullopt;
    }
    return Minor(std::llround(value * 100.0));
}

std::optional<Minor> Formatter::moneyFromVariant(const QVariant &value, bool *ok) const
{
    *ok = true;
    if (!value.isValid() || value.isNull())
        return std::nullopt;
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float: {
        const double v = value.toDouble();
        if (!std::isfinite(v) || std::abs(v) > 9.0e13) {
            *ok = false;
            return std::nullopt;
        }
        return Minor(std::llround(v * 100.0));
    }
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return Minor(value.toLongLong() * 100);
    default:
        return parseMoney(value.toString(), ok);
    }
}

} // namespace tp::ui
