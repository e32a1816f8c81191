#pragma once

#include "analysis.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace tp {
class Book;
}

namespace tp::crm {

// What a user settled for a file of one header layout, so that the next export of the same
// report imports without asking again: the preset, the kind, which column each field reads,
// the CRM stage names mapped by hand, and the date order and decimal separator when the file
// left them open.
struct RememberedMapping
{
    QString preset; // a preset id (never "auto")
    Kind kind = Kind::Opportunities;
    std::vector<std::pair<Field, int>> columns; // 0-based columns of the header
    QHash<QString, Stage> stageMap;
    std::optional<values::DateOrder> dateOrder;
    std::optional<values::DecimalSeparator> decimal;
    QDate savedOn; // set by MappingStore::load()

    // What an import used: the analysis's preset, kind and columns, the options' choices.
    static RememberedMapping of(const Analysis &analysis, const ImportOptions &options);

    // Fills what `options` leaves open: preset (when "auto") and kind (when unset) from here;
    // columns only when the options name none and preset and kind agree with this mapping;
    // stage names the options do not map; date order and decimal separator when unset.
    // False (and `options` untouched) when the options ask for another preset or kind.
    bool applyTo(ImportOptions &options) const;

    // The JSON of a --mapping file (CLI.md), columns as 1-based numbers, plus "decimal":
    // {"preset": "generic", "kind": "opportunities", "columns": {"close_date": 6},
    //  "stages": {"Scoping": "Qualify"}, "date_order": "dmy", "decimal": "comma"}.
    QByteArray toJson() const;
    // Entries it does not know (a field or stage of a later version) are skipped; nullopt for
    // text that is not a mapping at all.
    static std::optional<RememberedMapping> fromJson(const QByteArray &json);

    friend bool operator==(const RememberedMapping &, const RememberedMapping &) = default;
};

// Remembered mappings by header fingerprint (Analysis::fingerprint, FilePreview::fingerprint),
// kept in the book's import_mappings table. One per fingerprint: saving again replaces it.
class MappingStore
{
public:
    explicit MappingStore(Book &book);

    std::optional<RememberedMapping> load(const QString &fingerprint);
    void save(const QString &fingerprint, const RememberedMapping &mapping,
              const QDate &savedOn = QDate::currentDate());
    void forget(const QString &fingerprint);

private:
    sql::Database &m_db;
};

// The same through a connection of their own to the book at `bookPath`, for the import wizard
// (which reads and writes like the import itself, never through the app's connection): the
// remembered mapping, or nullopt also when the book cannot say; remembering throws on failure.
std::optional<RememberedMapping> loadRememberedMapping(const QString &bookPath,
                                                       const QString &fingerprint);
void rememberMapping(const QString &bookPath, const QString &fingerprint,
                     const RememberedMapping &mapping);

} // namespace tp::crm
