#include "jsonwriter.h"

#include <cmath>

namespace tp {

QString JsonWriter::quote(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

void JsonWriter::prefix(const QString &key)
{
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out += QLatin1Char(',');
        m_first.back() = false;
        m_out += QLatin1Char('\n') + QString(qsizetype(m_first.size()) * 2, QLatin1Char(' '));
    }
    if (!key.isNull())
        m_out += quote(key) + QLatin1String(": ");
}

JsonWriter &JsonWriter::beginObject(const QString &key)
{
    prefix(key);
    m_out += QLatin1Char('{');
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    const bool empty = m_first.back();
    m_first.pop_back();
    if (!empty)
        m_out += QLatin1Char('\n') + QString(qsizetype(m_first.size()) * 2, QLatin1Char(' '));
    m_out += QLatin1Char('}');
    return *this;
}

JsonWriter &JsonWriter::beginArray(const QString &key)
{
    prefix(key);
    m_out += QLatin1Char('[');
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    const bool empty = m_first.back();
    m_first.pop_back();
    if (!empty)
        m_out += QLatin1Char('\n') + QString(qsizetype(m_first.size()) * 2, QLatin1Char(' '));
    m_out += QLatin1Char(']');
    return *this;
}

JsonWriter &JsonWriter::value(const QString &key, const QString &text)
{
    prefix(key);
    m_out += quote(text);
    return *this;
}

JsonWriter &JsonWriter::value(const QString &key, qint64 number)
{
    prefix(key);
    m_out += QString::number(number);
    return *this;
}

JsonWriter &JsonWriter::value(const QString &key, double number)
{
    prefix(key);
    if (!std::isfinite(number)) {
        m_out += QLatin1String("null");
        return *this;
    }
    QString text = QString::number(number, 'f', 6);
    while (text.endsWith(QLatin1Char('0')) && !text.endsWith(QLatin1String(".0")))
        text.chop(1);
    m_out += text;
    return *this;
}

JsonWriter &JsonWriter::money(const QString &key, Minor amount)
{
    prefix(key);
    m_out += minorToDecimal(amount);
    return *this;
}

JsonWriter &JsonWriter::ratio(const QString &key, std::optional<double> ratio)
{
    return ratio ? value(key, *ratio) : null(key);
}

JsonWriter &JsonWriter::boolean(const QString &key, bool value)
{
    prefix(key);
    m_out += value ? QLatin1String("true") : QLatin1String("false");
    return *this;
}

JsonWriter &JsonWriter::null(const QString &key)
{
    prefix(key);
    m_out += QLatin1String("null");
    return *this;
}

JsonWriter &JsonWriter::optionalText(const QString &key, const std::optional<QString> &text)
{
    return text ? value(key, *text) : null(key);
}

} // namespace tp
