#pragma once

#include "fields.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tp::crm {

// A CRM export format: which header names mean which field. Headers match case-insensitively,
// ignoring surrounding spaces, no-break spaces and a trailing `*` (normalizeHeader()).
struct Preset
{
    struct Column
    {
        Field field;
        QStringList headers; // any of these names
    };
    QString id; // "salesforce-report": the CLI's --preset value
    QString label; // translated
    Kind kind;
    std::vector<Column> columns;
    QStringList ignoredHeaders; // hidden columns the preset knows and drops: not "unmapped"
    bool salesforceFooter =
            false; // "Grand Totals (N records)", confidentiality and copyright lines
};

QString normalizeHeader(QStringView header);

// Every shipped preset, the generic one (no known headers) last.
const std::vector<Preset> &presets();
const Preset *presetById(const QString &id);

// Which column of `header` each field of the preset reads, -1 when the file lacks it.
struct PresetMatch
{
    const Preset *preset = nullptr;
    std::vector<std::pair<Field, int>> columns;
    int matched = 0; // header cells the preset recognised
};
PresetMatch matchPreset(const Preset &preset, const QStringList &header);

// The preset that recognises most of the header (at least three columns), or nullopt.
// `kind` restricts the search to presets of that kind.
std::optional<PresetMatch> detectPreset(const QStringList &header, std::optional<Kind> kind = {});

// Where the header is: the first of the first records that a preset recognises, else the first
// record whose cells are all non-empty text that the next records match in width. Title rows
// above the header (report names, dates) are skipped this way. -1: nothing looks like a header.
int findHeaderRow(const std::vector<QStringList> &firstRecords, std::optional<Kind> kind = {});

// Salesforce report footers: "Grand Totals (200 records)", the confidentiality line, the
// copyright line. They are dropped and reported, never imported.
bool isSalesforceFooter(const QStringList &record);
// The N of a "Grand Totals (N records)" footer line ("1,234" and "1.234" read as 1234), if the
// line is one.
std::optional<qint64> footerRecordCount(const QString &line);

} // namespace tp::crm
