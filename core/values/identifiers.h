#pragma once

// Identifiers (CRM ids) stay text: nothing here converts them, so leading zeros and 19-digit
// ids are kept exactly as exported. This file only
// - flags ids that Excel mangled into scientific notation ("4.87688E+15", "4,87688E+15",
//   "1E+15": digits, an optional '.' or ',' and digits, then E+ and 1 to 3 digits; Excel always
//   writes the '+', so an id such as "12E45" is not flagged). The digits past the 6th are gone:
//   the caller must reject such a value, never match it;
// - relates Salesforce's two id forms: a 15-character id is case-sensitive; its 18-character
//   form appends three characters that encode the case of the first 15 (per 5-character chunk,
//   bit i set when character i is an upper-case letter, the 5-bit number indexing
//   "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"), which makes it safe in case-insensitive tools.
//   idLookupKey() maps both forms of one record, and an 18-character id whose letters lost
//   their case, to the same key.
// Only ASCII letters and digits make a Salesforce id; an 18-character id is one only when its
// suffix decodes and marks no digit as upper-case (so purely numeric 18-digit ids are not).

#include "common.h"

#include <optional>
#include <string>

namespace tp::values {

bool looksExcelMangled(std::string_view id);
// Why a mangled id is rejected, for the user (translated).
QString excelMangledReason(std::string_view id);

bool isSalesforceId(std::string_view id); // 15 or 18 characters, as above (after trimming)
// The 18-character form of a 15- or 18-character Salesforce id (an 18-character one gets the
// letter case its suffix encodes, and an upper-case suffix); nullopt for anything else.
std::optional<std::string> salesforceId18(std::string_view id);
// The key to match records by: the 18-character form of a Salesforce id, else the trimmed id
// unchanged. Use the same function on both sides of a lookup.
std::string idLookupKey(std::string_view id);
// The same into `out`, reusing its buffer (no allocation per row).
void assignIdLookupKey(std::string_view id, std::string &out);

struct IdentifierReport
{
    qint64 values = 0; // non-empty
    qint64 mangled = 0;
    qint64 salesforce15 = 0;
    qint64 salesforce18 = 0;
    std::string mangledExample;

    bool allSalesforce() const { return values > 0 && salesforce15 + salesforce18 == values; }
};

class IdentifierColumn
{
public:
    void observe(std::string_view value);
    void merge(const IdentifierColumn &other);
    IdentifierReport decide() const { return m_report; }

private:
    IdentifierReport m_report;
};

} // namespace tp::values
