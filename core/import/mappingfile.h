#pragma once

#include "analysis.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tp::crm {

// A --mapping file (README "Importing", `territory-planner import --help`), read strictly: every
// key and value is checked, and the first one that is wrong is an InputError naming the file,
// the key, what was expected and what was found. Nothing of a bad file is used.
//
//   {"kind": "opportunities", "preset": "generic",
//    "columns": {"name": "Deal", "amount": 6, "close_date": "Expected close"},
//    "stages": {"Scoping": "Qualify"}, "date_order": "dmy", "decimal": "comma"}
//
// A column is a header cell's text (matched as presets match headers) or its 1-based number.
struct MappingFile
{
    struct Column
    {
        Field field;
        int number = -1; // 0-based, when the file gives a number
        QString header; // else the header cell's text
    };

    std::optional<Kind> kind;
    QString preset; // empty when the file names none
    std::vector<Column> columns;
    QHash<QString, Stage> stages;
    std::optional<values::DateOrder> dateOrder;
    std::optional<values::DecimalSeparator> decimal;

    // `name` is the file's name for messages.
    static MappingFile parse(const QByteArray &json, const QString &name);
    static MappingFile read(const QString &path);

    // The columns for a file with this header: names found in it, numbers checked against its
    // width. InputError for a name the header lacks or a number past its last column.
    std::vector<std::pair<Field, int>> resolve(const QStringList &header,
                                               const QString &file) const;

    // Applies the file's choices to `options` (kind, preset, stages, date order, decimal
    // separator); the columns need the header (resolve()).
    void applyTo(ImportOptions &options) const;

    // The largest column number a mapping may name: far beyond any real export.
    static constexpr int maxColumn = 100000;
};

// "comma" / "dot", as mapping files and remembered mappings write the decimal separator.
QString decimalKey(values::DecimalSeparator decimal);
std::optional<values::DecimalSeparator> decimalFromKey(const QString &key);

// The text of `import --help` and the README about mapping files: the keys, the field keys of
// every kind and the preset names.
QString mappingFileHelp();

} // namespace tp::crm
