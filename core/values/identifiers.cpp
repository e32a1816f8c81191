#include "identifiers.h"

#include <QCoreApplication>

#include <array>

namespace tp::values {

using detail::isDigit;

namespace {

constexpr std::string_view kSuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

bool isAsciiAlnum(char c)
{
    return isDigit(c) || detail::isAsciiLetter(c);
}
bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

// Index of a suffix character in kSuffixAlphabet, ignoring letter case; -1 if none.
int suffixIndex(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a';
    if (c >= '0' && c <= '5')
        return 26 + (c - '0');
    return -1;
}

// The canonical 18-character form into `out`; false when `id` is not a Salesforce id.
bool canonical18(std::string_view id, std::array<char, 18> &out)
{
    if (id.size() != 15 && id.size() != 18)
        return false;
    for (const char c : id) {
        if (!isAsciiAlnum(c))
            return false;
    }
    for (std::size_t chunk = 0; chunk < 3; ++chunk) {
        int bits = 0;
        if (id.size() == 18) {
            bits = suffixIndex(id[15 + chunk]);
            if (bits < 0)
                return false;
        }
        for (std::size_t j = 0; j < 5; ++j) {
            const std::size_t at = chunk * 5 + j;
            char c = id[at];
            if (id.size() == 15) {
                bits |= isUpper(c) ? 1 << j : 0;
            } else if (detail::isAsciiLetter(c)) {
                const bool upper = (bits >> j) & 1;
                c = upper ? char(c & ~0x20) : char(c | 0x20);
            } else if ((bits >> j) & 1) {
                return false; // a digit cannot be upper-case
            }
            out[at] = c;
        }
        out[15 + chunk] = kSuffixAlphabet[std::size_t(bits)];
    }
    return true;
}

} // namespace

bool looksExcelMangled(std::string_view id)
{
    const std::string_view t = trimmed(id);
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t from = i;
        while (i < t.size() && isDigit(t[i]))
            ++i;
        return i - from;
    };
    if (digits() == 0)
        return false;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
        ++i;
        if (digits() == 0)
            return false;
    }
    if (i + 1 >= t.size() || (t[i] != 'E' && t[i] != 'e') || t[i + 1] != '+')
        return false;
    i += 2;
    const std::size_t exponentDigits = digits();
    return exponentDigits >= 1 && exponentDigits <= 3 && i == t.size();
}

QString excelMangledReason(std::string_view id)
{
    return QCoreApplication::translate(
                   "tp::values",
                   "the id %1 was turned into a number in scientific notation by a spreadsheet, "
                   "and its digits are lost; export the file again and import it without opening "
                   "it in Excel, or format the id column as text")
            .arg(quoted(trimmed(id)));
}

bool isSalesforceId(std::string_view id)
{
    std::array<char, 18> out;
    return canonical18(trimmed(id), out);
}

std::optional<std::string> salesforceId18(std::string_view id)
{
    std::array<char, 18> out;
    if (!canonical18(trimmed(id), out))
        return std::nullopt;
    return std::string(out.data(), out.size());
}

std::string idLookupKey(std::string_view id)
{
    const std::string_view t = trimmed(id);
    std::array<char, 18> out;
    if (canonical18(t, out))
        return std::string(out.data(), out.size());
    return std::string(t);
}

void assignIdLookupKey(std::string_view id, std::string &out)
{
    const std::string_view t = trimmed(id);
    std::array<char, 18> canonical;
    if (canonical18(t, canonical))
        out.assign(canonical.data(), canonical.size());
    else
        out.assign(t.data(), t.size());
}

void IdentifierColumn::observe(std::string_view value)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return;
    ++m_report.values;
    if (looksExcelMangled(t)) {
        ++m_report.mangled;
        keepExample(m_report.mangledExample, t);
        return;
    }
    std::array<char, 18> out;
    if (canonical18(t, out))
        ++(t.size() == 15 ? m_report.salesforce15 : m_report.salesforce18);
}

void IdentifierColumn::merge(const IdentifierColumn &other)
{
    m_report.values += other.m_report.values;
    m_report.mangled += other.m_report.mangled;
    m_report.salesforce15 += other.m_report.salesforce15;
    m_report.salesforce18 += other.m_report.salesforce18;
    keepExample(m_report.mangledExample, other.m_report.mangledExample);
}

} // namespace tp::values
