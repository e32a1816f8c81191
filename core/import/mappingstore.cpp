#include "mappingstore.h"

#include "mappingfile.h"
#include "storage/book.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tp::crm {

namespace {

void sortByField(std::vector<std::pair<Field, int>> &columns)
{
    std::sort(columns.begin(), columns.end());
}

bool mapsStage(const QHash<QString, Stage> &map, const QString &value)
{
    const QString folded = value.trimmed().toCaseFolded();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.key().trimmed().toCaseFolded() == folded)
            return true;
    }
    return false;
}

} // namespace

RememberedMapping RememberedMapping::of(const Analysis &analysis, const ImportOptions &options)
{
    RememberedMapping m;
    m.preset = analysis.presetId;
    m.kind = analysis.kind;
    m.columns = analysis.columns;
    sortByField(m.columns);
    m.stageMap = options.stageMap;
    m.dateOrder = options.dateOrder;
    m.decimal = options.decimal;
    return m;
}

bool RememberedMapping::applyTo(ImportOptions &options) const
{
    const bool autoPreset = options.preset.isEmpty() || options.preset == QLatin1String("auto");
    if ((!autoPreset && options.preset != preset) || (options.kind && *options.kind != kind))
        return false; // asked for another layout: this one does not apply
    options.preset = preset;
    options.kind = kind;
    if (options.columns.empty())
        options.columns = columns;
    for (auto it = stageMap.begin(); it != stageMap.end(); ++it) {
        if (!mapsStage(options.stageMap, it.key()))
            options.stageMap.insert(it.key(), it.value());
    }
    if (!options.dateOrder)
        options.dateOrder = dateOrder;
    if (!options.decimal)
        options.decimal = decimal;
    return true;
}

QByteArray RememberedMapping::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("preset"), preset);
    o.insert(QStringLiteral("kind"), kindKey(kind));
    QJsonObject cols;
    for (const auto &[field, column] : columns)
        cols.insert(QString::fromLatin1(fieldInfo(field).key), column + 1);
    o.insert(QStringLiteral("columns"), cols);
    QJsonObject stages;
    for (auto it = stageMap.begin(); it != stageMap.end(); ++it)
        stages.insert(it.key(), stageKey(it.value()));
    o.insert(QStringLiteral("stages"), stages);
    if (dateOrder)
        o.insert(QStringLiteral("date_order"), values::dateOrderKey(*dateOrder));
    if (decimal)
        o.insert(QStringLiteral("decimal"), decimalKey(*decimal));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<RememberedMapping> RememberedMapping::fromJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const auto kind = kindFromKey(o.value(QStringLiteral("kind")).toString());
    const QString preset = o.value(QStringLiteral("preset")).toString();
    if (!kind || preset.isEmpty())
        return std::nullopt;
    RememberedMapping m;
    m.preset = preset;
    m.kind = *kind;
    const QJsonObject cols = o.value(QStringLiteral("columns")).toObject();
    for (auto it = cols.begin(); it != cols.end(); ++it) {
        const auto field = fieldFromKey(it.key());
        const int column = it.value().toInt(0) - 1;
        if (field && column >= 0)
            m.columns.emplace_back(*field, column);
    }
    sortByField(m.columns);
    const QJsonObject stages = o.value(QStringLiteral("stages")).toObject();
    for (auto it = stages.begin(); it != stages.end(); ++it) {
        if (const auto stage = stageFromKey(it.value().toString()))
            m.stageMap.insert(it.key(), *stage);
    }
    m.dateOrder = values::dateOrderFromKey(o.value(QStringLiteral("date_order")).toString());
    m.decimal = decimalFromKey(o.value(QStringLiteral("decimal")).toString());
    return m;
}

MappingStore::MappingStore(Book &book) : m_db(book.db()) { }

std::optional<RememberedMapping> MappingStore::load(const QString &fingerprint)
{
    auto st = m_db.prepare("SELECT mapping, saved_on FROM import_mappings WHERE fingerprint = ?");
    st.bind(1, fingerprint);
    if (!st.step())
        return std::nullopt;
    const std::string_view json = st.utf8(0);
    auto mapping = RememberedMapping::fromJson(QByteArray(json.data(), qsizetype(json.size())));
    if (mapping)
        mapping->savedOn = st.date(1);
    return mapping;
}

void MappingStore::save(const QString &fingerprint, const RememberedMapping &mapping,
                        const QDate &savedOn)
{
    const QByteArray json = mapping.toJson();
    m_db.prepare("INSERT INTO import_mappings (fingerprint, mapping, saved_on) VALUES (?, ?, ?) "
                 "ON CONFLICT (fingerprint) DO UPDATE SET mapping = excluded.mapping, "
                 "saved_on = excluded.saved_on")
            .bind(1, fingerprint)
            .bind(2, std::string_view(json.constData(), std::size_t(json.size())))
            .bind(3, savedOn)
            .run();
}

void MappingStore::forget(const QString &fingerprint)
{
    m_db.prepare("DELETE FROM import_mappings WHERE fingerprint = ?").bind(1, fingerprint).run();
}

std::optional<RememberedMapping> loadRememberedMapping(const QString &bookPath,
                                                       const QString &fingerprint)
{
    try {
        auto book = Book::openForReading(bookPath);
        return MappingStore(*book).load(fingerprint);
    } catch (const std::exception &) {
        return std::nullopt; // a book that cannot say is a book without remembered mappings
    }
}

void rememberMapping(const QString &bookPath, const QString &fingerprint,
                     const RememberedMapping &mapping)
{
    auto book = Book::open(bookPath);
    MappingStore(*book).save(fingerprint, mapping);
}

} // namespace tp::crm
