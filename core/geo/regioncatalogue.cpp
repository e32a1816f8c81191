#include "geo/regioncatalogue.h"

#include "geo/regiondata.h"

#include <QStringList>

#include <algorithm>

namespace tp::geo {

namespace {

// Letters that Unicode does not decompose into a base letter and an accent.
QString foldedLetter(QChar c)
{
    switch (c.unicode()) {
    case u'ß':
        return QStringLiteral("ss");
    case u'ø':
    case u'Ø':
        return QStringLiteral("o");
    case u'æ':
    case u'Æ':
        return QStringLiteral("ae");
    case u'œ':
    case u'Œ':
        return QStringLiteral("oe");
    case u'đ':
    case u'Đ':
        return QStringLiteral("d");
    case u'ł':
    case u'Ł':
        return QStringLiteral("l");
    case u'þ':
    case u'Þ':
        return QStringLiteral("th");
    case u'ı':
        return QStringLiteral("i");
    default:
        return QString(c.toCaseFolded());
    }
}

bool joinsWord(QChar c)
{
    // "Hawai'i", "Xi'an": the apostrophe joins; ʻokina and typographic quotes too.
    return c == u'\'' || c == u'\u2019' || c == u'\u02bb' || c == u'\u2018';
}

void addVariant(QStringList &names, const QString &name)
{
    // German exports without umlauts write "Thueringen", "Oesterreich".
    static const QString umlauts = QStringLiteral("äöüÄÖÜ");
    if (std::any_of(name.cbegin(), name.cend(), [](QChar c) { return umlauts.contains(c); })) {
        QString spelled = name;
        spelled.replace(u'ä', QStringLiteral("ae"))
                .replace(u'ö', QStringLiteral("oe"))
                .replace(u'ü', QStringLiteral("ue"));
        spelled.replace(u'Ä', QStringLiteral("Ae"))
                .replace(u'Ö', QStringLiteral("Oe"))
                .replace(u'Ü', QStringLiteral("Ue"));
        names.append(spelled);
    }
    names.append(name);
}

QStringList namesOf(const char16_t *name, const char16_t *aliases)
{
    QStringList names;
    addVariant(names, QString::fromUtf16(name));
    const QString all = QString::fromUtf16(aliases);
    for (const QString &alias : all.split(u'|', Qt::SkipEmptyParts))
        addVariant(names, alias.trimmed());
    return names;
}

// Puts `key` → `value`; a key that two values claim becomes -1 (ambiguous).
void claim(QHash<QString, int> &map, const QString &key, int value)
{
    if (key.isEmpty())
        return;
    auto it = map.find(key);
    if (it == map.end())
        map.insert(key, value);
    else if (*it != value)
        *it = -1;
}

std::optional<int> found(const QHash<QString, int> &map, const QString &key)
{
    const auto it = map.constFind(key);
    if (it == map.cend() || *it < 0)
        return std::nullopt;
    return *it;
}

} // namespace

QString normalisedRegionName(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QStringList words;
    QString word;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (joinsWord(c)) {
            continue;
        } else if (c.isLetterOrNumber()) {
            word += foldedLetter(c);
        } else {
            if (!word.isEmpty())
                words.append(word);
            word.clear();
            if (c == u'&')
                words.append(QStringLiteral("and"));
        }
    }
    if (!word.isEmpty())
        words.append(word);
    if (words.size() > 1 && words.first() == u"the")
        words.removeFirst();
    // Initials run together: "U. S. A." and "U.S.A." are "usa", "D.C." is "dc".
    QStringList merged;
    bool initials = false;
    for (const QString &w : std::as_const(words)) {
        const bool initial = w.size() == 1 && w.at(0).isLetter();
        if (initial && initials)
            merged.last() += w;
        else
            merged.append(w);
        initials = initial;
    }
    for (QString &w : merged) {
        if (w == u"st" || w == u"sankt")
            w = QStringLiteral("saint");
        else if (w == u"ste")
            w = QStringLiteral("sainte");
    }
    return merged.join(u' ');
}

const RegionCatalogue &RegionCatalogue::instance()
{
    static const RegionCatalogue catalogue;
    return catalogue;
}

int RegionCatalogue::addRegion(const QString &id, const QString &name, RegionKind kind, int country)
{
    const int index = int(m_regions.size());
    m_regions.push_back(Region{ id, name, kind, country < 0 ? index : country });
    m_regionById.insert(id, index);
    return index;
}

RegionCatalogue::RegionCatalogue()
{
    for (const data::CountryRow &row : data::countries()) {
        const int index = addRegion(QString::fromUtf16(row.alpha2), QString::fromUtf16(row.name),
                                    RegionKind::Country, -1);
        for (const QString &name : namesOf(row.name, row.aliases))
            claim(m_countryByName, normalisedRegionName(name), index);
        claim(m_countryByCode, normalisedRegionName(QString::fromUtf16(row.alpha2)), index);
        claim(m_countryByCode, normalisedRegionName(QString::fromUtf16(row.alpha3)), index);
    }
    m_countryCount = count();
    m_unitedStates = *indexOf(u"US");
    for (const data::StateRow &row : data::usStates()) {
        const QString code = QString::fromUtf16(row.code);
        const int index = addRegion(QStringLiteral("US-") + code, QString::fromUtf16(row.name),
                                    RegionKind::UsState, m_unitedStates);
        for (const QString &name : namesOf(row.name, row.aliases))
            claim(m_stateByName, normalisedRegionName(name), index);
        claim(m_stateByName, normalisedRegionName(code), index);
        claim(m_stateByName, normalisedRegionName(QString(QStringLiteral("US-") + code)), index);
    }
    addSubdivisions();
}

void RegionCatalogue::addSubdivisions()
{
    for (const data::SubdivisionRow &row : data::subdivisions()) {
        const int country = *indexOf(row.country);
        const QString entries = QString::fromUtf16(row.entries);
        for (const QString &entry : entries.split(u';', Qt::SkipEmptyParts)) {
            const qsizetype equals = entry.indexOf(u'=');
            const QString code = normalisedRegionName(entry.left(equals));
            const QString iso = normalisedRegionName(
                    QString(QString::fromUtf16(row.country) + u'-' + entry.left(equals).trimmed()));
            const QStringList names = entry.mid(equals + 1).split(u'|', Qt::SkipEmptyParts);
            for (const QString &name : names) {
                QStringList variants;
                addVariant(variants, name.trimmed());
                for (const QString &variant : std::as_const(variants))
                    claim(m_subdivisionByName, normalisedRegionName(variant), country);
            }
            claim(m_subdivisionByName, iso, country); // "DE-BY"
            if (row.codesAlone)
                claim(m_subdivisionByCodeAlone, code, country);
        }
    }
}

std::optional<int> RegionCatalogue::indexOf(QStringView id) const
{
    const auto it = m_regionById.constFind(id.toString());
    if (it == m_regionById.cend())
        return std::nullopt;
    return *it;
}

std::optional<int> RegionCatalogue::country(const QString &key, bool codes) const
{
    if (auto byName = found(m_countryByName, key))
        return byName;
    return codes ? found(m_countryByCode, key) : std::nullopt;
}

std::optional<int> RegionCatalogue::usState(const QString &key) const
{
    return found(m_stateByName, key);
}

std::optional<int> RegionCatalogue::subdivisionCountry(const QString &key) const
{
    if (auto byName = found(m_subdivisionByName, key))
        return byName;
    return found(m_subdivisionByCodeAlone, key);
}

} // namespace tp::geo
