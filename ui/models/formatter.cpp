#include "formatter.h"

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

QString Formatter::date(const QDate &date) const
{
    return date.isValid() ? m_locale.toString(date, QLocale::ShortFormat) : QString();
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
