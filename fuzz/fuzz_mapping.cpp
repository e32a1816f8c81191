// libFuzzer target for --mapping files (core/import/mappingfile).
//
// The input is the file's bytes. Beyond "no crash, no UB" (ASan and UBSan), it checks what the
// parser promises, and traps when a promise breaks: a file either fails with a message naming it,
// or gives columns that are numbers within 1..maxColumn or non-empty header names; resolving them
// against a header gives columns inside it, or fails with a message.

#include "domain/errors.h"
#include "import/mappingfile.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

using namespace tp;

namespace {

void check(bool promise)
{
    if (!promise)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString name = QStringLiteral("map.json");
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    crm::MappingFile mapping;
    try {
        mapping = crm::MappingFile::parse(json, name);
    } catch (const InputError &e) {
        check(e.message().startsWith(name + QLatin1Char(':')));
        return 0;
    }
    for (const crm::MappingFile::Column &c : mapping.columns)
        check(c.number >= 0 ? c.number < crm::MappingFile::maxColumn && c.header.isEmpty()
                            : !c.header.trimmed().isEmpty());
    const QStringList header{ QStringLiteral("Deal"), QStringLiteral("Account"),
                              QStringLiteral("Stage"), QStringLiteral("Amount") };
    try {
        for (const auto &[field, column] : mapping.resolve(header, QStringLiteral("deals.csv")))
            check(column >= 0 && column < header.size());
    } catch (const InputError &e) {
        check(e.message().startsWith(QStringLiteral("deals.csv:")));
    }
    crm::ImportOptions options;
    mapping.applyTo(options);
    return 0;
}
