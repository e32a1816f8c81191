#pragma once

#include "domain/money.h"
#include "domain/stage.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QLocale>
#include <QString>
#include <QVariant>

#include <optional>

namespace tp::ui {

// Money, numbers, dates and percentages in the user's locale. Kept by the models so data()
// does not build a QLocale per cell.
class Formatter
{
public:
    explicit Formatter(const QLocale &locale = QLocale());

    const QLocale &locale() const { return m_locale; }

    // `currency` is an ISO code; the symbol is the one a locale of that currency uses.
    QString money(Minor amount, const QString &currency) const;
    QString number(qint64 value) const;
    // Dates in the locale's order with a four-digit year (dateFormat()): "3/27/2027" in the
    // US, "27/03/2027" in Britain, "27.03.2027" in Germany.
    QString date(const QDate &date) const;
    QString dateFromDay(qint64 julianDay) const;
    // What a user typed or pasted as a date: day, month and year in the locale's order with any
    // separators ("11/20/2026", "20.11.26", "20112026"), ISO 8601 (2026-11-20), or day and month
    // alone in the locale's order when `yearOf` is valid (its year then). A two-digit year is the
    // one nearest to `yearOf` (else today). Invalid when it is no date.
    QDate parseDate(const QString &text, const QDate &yearOf = {}) const;
    // The locale's short date format with its year written in four digits: the tables, the scope
    // bar and every date editor show dates alike, and "27" is never read as 1927 or 2027.
    static QString dateFormat(const QLocale &locale);
    QString percent(BasisPoints probability) const;
    // A share of 0..1 (a likelihood) as a percent to one decimal: 0.3333 → "33.3%".
    QString share(double value) const;
    // A ratio (coverage, win rate, attainment) as a percent with one decimal, always:
    // 0.69 → "69.0%", 3.8185 → "381.9%" (METRICS "Rounding").
    QString ratio(double value) const;

    // Parses what a user typed (or a cell pasted): "1,234.50", "$1,234.50", "1234,5" in a
    // comma locale. Empty gives nullopt with *ok = true; garbage gives nullopt with *ok = false.
    std::optional<Minor> parseMoney(const QString &text, bool *ok) const;
    // A value from an editor or setData(): a number in major units or text; invalid clears.
    std::optional<Minor> moneyFromVariant(const QVariant &value, bool *ok) const;

    QString currencySymbol(const QString &currency) const;

private:
    QLocale m_locale;
    mutable QHash<QString, QString> m_symbols;
    mutable QString m_dateFormat;
};

} // namespace tp::ui
