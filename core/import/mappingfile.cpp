#include "mappingfile.h"

#include "domain/errors.h"
#include "presets.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace tp::crm {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::crm", text);
}

// A JSON value as the user wrote it, near enough: 1e12 as 1000000000000, strings quoted.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 1e18)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

[[noreturn]] void fail(const QString &file, const QString &key, const QString &expected,
                       const QJsonValue &found)
{
    throw InputError(translate("%1: \"%2\": expected %3, found %4.")
                             .arg(file, key, expected, describe(found)));
}

QString keyList(const QStringList &keys)
{
    return keys.join(QStringLiteral(", "));
}

QStringList kindKeys()
{
    QStringList keys;
    for (Kind kind : allKinds())
        keys.append(kindKey(kind));
    return keys;
}

QStringList fieldKeys(Kind kind)
{
    QStringList keys;
    for (Field field : fieldsOf(kind))
        keys.append(QString::fromLatin1(fieldInfo(field).key));
    return keys;
}

QStringList presetIds()
{
    QStringList ids{ QStringLiteral("auto") };
    for (const Preset &p : presets())
        ids.append(p.id);
    return ids;
}

QStringList stageKeys()
{
    QStringList keys;
    for (Stage s : allStages)
        keys.append(stageKey(s));
    return keys;
}

// A string value, else a failure naming what was expected.
QString stringAt(const QString &file, const QString &key, const QJsonValue &value,
                 const QString &expected)
{
    if (!value.isString() || value.toString().trimmed().isEmpty())
        fail(file, key, expected, value);
    return value.toString().trimmed();
}

MappingFile::Column columnOf(const QString &file, const QString &key, Field field,
                             const QJsonValue &value)
{
    const QString expected =
            translate("a column number from 1 to %1 or a header name").arg(MappingFile::maxColumn);
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::trunc(d) || d < 1 || d > MappingFile::maxColumn)
            fail(file, key, expected, value);
        return { field, int(d) - 1, {} };
    }
    return { field, -1, stringAt(file, key, value, expected) };
}

} // namespace

QString decimalKey(values::DecimalSeparator decimal)
{
    return decimal == values::DecimalSeparator::Comma ? QStringLiteral("comma")
                                                      : QStringLiteral("dot");
}

std::optional<values::DecimalSeparator> decimalFromKey(const QString &key)
{
    if (key == QLatin1String("dot"))
        return values::DecimalSeparator::Dot;
    if (key == QLatin1String("comma"))
        return values::DecimalSeparator::Comma;
    return std::nullopt;
}

MappingFile MappingFile::parse(const QByteArray &json, const QString &name)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        throw InputError(translate("%1: not valid JSON at character %2 (%3).")
                                 .arg(name)
                                 .arg(error.offset + 1)
                                 .arg(error.errorString()));
    if (!doc.isObject())
        throw InputError(
                translate("%1: expected a JSON object {\"kind\": …, \"columns\": {…}}, "
                          "found %2.")
                        .arg(name,
                             doc.isArray() ? QStringLiteral("a list") : QStringLiteral("a value")));
    const QJsonObject o = doc.object();
    const QStringList known{ QStringLiteral("kind"),       QStringLiteral("preset"),
                             QStringLiteral("columns"),    QStringLiteral("stages"),
                             QStringLiteral("date_order"), QStringLiteral("decimal") };
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            throw InputError(translate("%1: unknown key \"%2\"; a mapping file has %3.")
                                     .arg(name, it.key(), keyList(known)));
    }
    MappingFile m;
    if (o.contains(QStringLiteral("kind"))) {
        const QJsonValue v = o.value(QStringLiteral("kind"));
        const QString expected = translate("one of %1").arg(keyList(kindKeys()));
        m.kind = kindFromKey(stringAt(name, QStringLiteral("kind"), v, expected));
        if (!m.kind)
            fail(name, QStringLiteral("kind"), expected, v);
    }
    if (o.contains(QStringLiteral("preset"))) {
        const QJsonValue v = o.value(QStringLiteral("preset"));
        const QString expected = translate("one of %1").arg(keyList(presetIds()));
        m.preset = stringAt(name, QStringLiteral("preset"), v, expected);
        if (!presetIds().contains(m.preset))
            fail(name, QStringLiteral("preset"), expected, v);
    }
    if (o.contains(QStringLiteral("columns"))) {
        const QJsonValue v = o.value(QStringLiteral("columns"));
        if (!v.isObject())
            fail(name, QStringLiteral("columns"),
                 translate("an object of field keys and columns, e.g. {\"amount\": 6}"), v);
        const QJsonObject columns = v.toObject();
        for (auto it = columns.begin(); it != columns.end(); ++it) {
            const QString key = QStringLiteral("columns.") + it.key();
            const std::optional<Field> field = fieldFromKey(it.key());
            const bool ofKind = field
                    && (!m.kind
                        || std::find(fieldsOf(*m.kind).begin(), fieldsOf(*m.kind).end(), *field)
                                != fieldsOf(*m.kind).end());
            if (!ofKind)
                throw InputError(
                        translate("%1: \"%2\" is not a field of %3; the fields are %4.")
                                .arg(name, it.key(), kindKey(m.kind.value_or(Kind::Opportunities)),
                                     keyList(fieldKeys(m.kind.value_or(Kind::Opportunities)))));
            m.columns.push_back(columnOf(name, key, *field, it.value()));
        }
    }
    if (o.contains(QStringLiteral("stages"))) {
        const QJsonValue v = o.value(QStringLiteral("stages"));
        if (!v.isObject())
            fail(name, QStringLiteral("stages"),
                 translate("an object of CRM stage names and stages, e.g. {\"Scoping\": "
                           "\"Qualify\"}"),
                 v);
        const QJsonObject stages = v.toObject();
        const QString expected = translate("one of %1").arg(keyList(stageKeys()));
        for (auto it = stages.begin(); it != stages.end(); ++it) {
            const QString key = QStringLiteral("stages.") + it.key();
            if (it.key().trimmed().isEmpty())
                throw InputError(translate("%1: \"stages\": a CRM stage name is empty.").arg(name));
            const std::optional<Stage> stage =
                    stageFromKey(stringAt(name, key, it.value(), expected));
            if (!stage)
                fail(name, key, expected, it.value());
            m.stages.insert(it.key().trimmed(), *stage);
        }
    }
    if (o.contains(QStringLiteral("date_order"))) {
        const QJsonValue v = o.value(QStringLiteral("date_order"));
        const QString expected = translate("dmy, mdy or ymd");
        m.dateOrder =
                values::dateOrderFromKey(stringAt(name, QStringLiteral("date_order"), v, expected));
        if (!m.dateOrder)
            fail(name, QStringLiteral("date_order"), expected, v);
    }
    if (o.contains(QStringLiteral("decimal"))) {
        const QJsonValue v = o.value(QStringLiteral("decimal"));
        const QString expected = translate("dot or comma");
        m.decimal = decimalFromKey(stringAt(name, QStringLiteral("decimal"), v, expected));
        if (!m.decimal)
            fail(name, QStringLiteral("decimal"), expected, v);
    }
    return m;
}

MappingFile MappingFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(translate("%1: cannot be read (%2).").arg(path, file.errorString()));
    // A mapping is a few hundred bytes; a huge file is not one.
    constexpr qint64 maxBytes = 1 << 20;
    if (file.size() > maxBytes)
        throw InputError(translate("%1: %2 bytes is too large for a mapping file.")
                                 .arg(path)
                                 .arg(file.size()));
    return parse(file.read(maxBytes), QFileInfo(path).fileName());
}

std::vector<std::pair<Field, int>> MappingFile::resolve(const QStringList &header,
                                                        const QString &file) const
{
    std::vector<std::pair<Field, int>> out;
    for (const Column &c : columns) {
        int column = c.number;
        if (column < 0) {
            const QString wanted = normalizeHeader(c.header);
            column =
                    int(std::find_if(header.begin(), header.end(),
                                     [&](const QString &h) { return normalizeHeader(h) == wanted; })
                        - header.begin());
            if (column >= header.size())
                throw InputError(
                        translate("%1: the mapping names column \"%2\" for %3, but the "
                                  "header has no such column.")
                                .arg(file, c.header, QString::fromLatin1(fieldInfo(c.field).key)));
        } else if (column >= header.size()) {
            throw InputError(translate("%1: the mapping names column %2 for %3, but the header "
                                       "has %4 columns.")
                                     .arg(file)
                                     .arg(column + 1)
                                     .arg(QString::fromLatin1(fieldInfo(c.field).key))
                                     .arg(header.size()));
        }
        out.emplace_back(c.field, column);
    }
    return out;
}

void MappingFile::applyTo(ImportOptions &options) const
{
    if (kind)
        options.kind = kind;
    if (!preset.isEmpty())
        options.preset = preset;
    for (auto it = stages.begin(); it != stages.end(); ++it)
        options.stageMap.insert(it.key(), it.value());
    if (dateOrder)
        options.dateOrder = dateOrder;
    if (decimal)
        options.decimal = decimal;
}

QString mappingFileHelp()
{
    QString help =
            translate("A mapping file (--mapping MAP.json) says how to read a file that no preset "
                      "knows:\n"
                      "  {\"kind\": \"opportunities\", \"preset\": \"generic\",\n"
                      "   \"columns\": {\"name\": \"Deal\", \"amount\": 6, \"close_date\": "
                      "\"Expected close\"},\n"
                      "   \"stages\": {\"Scoping\": \"Qualify\"}, \"date_order\": \"dmy\", "
                      "\"decimal\": \"comma\"}\n"
                      "Every key is optional. A column is a header name (case and spacing do not "
                      "matter)\n"
                      "or a number from 1. date_order: dmy, mdy or ymd; decimal: dot or comma.\n"
                      "Stages: %1.\n"
                      "Presets: %2.\n"
                      "Field keys by kind:\n")
                    .arg(keyList(stageKeys()), keyList(presetIds()));
    for (Kind kind : allKinds())
        help += QStringLiteral("  %1: %2\n").arg(kindKey(kind), keyList(fieldKeys(kind)));
    return help;
}

} // namespace tp::crm
