#pragma once

#include "domain/money.h"

#include <QString>

#include <optional>
#include <vector>

namespace tp {

// A small JSON writer that keeps keys in the order written (the CLI contract's order) and
// writes money with exactly two decimals.
class JsonWriter
{
public:
    JsonWriter &beginObject(const QString &key = {});
    JsonWriter &endObject();
    JsonWriter &beginArray(const QString &key = {});
    JsonWriter &endArray();
    JsonWriter &value(const QString &key, const QString &text);
    JsonWriter &value(const QString &key, qint64 number);
    JsonWriter &value(const QString &key, int number) { return value(key, qint64(number)); }
    JsonWriter &value(const QString &key, double number); // up to 6 significant decimals
    JsonWriter &money(const QString &key, Minor amount);
    JsonWriter &ratio(const QString &key, std::optional<double> ratio);
    JsonWriter &null(const QString &key);
    JsonWriter &boolean(const QString &key, bool value);
    JsonWriter &optionalText(const QString &key, const std::optional<QString> &text);

    QString toString() const { return m_out + QLatin1Char('\n'); }

    static QString quote(const QString &text);

private:
    void prefix(const QString &key);
    QString m_out;
    std::vector<bool> m_first; // per open container: nothing written yet
};

} // namespace tp
