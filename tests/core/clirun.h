#pragma once

#include <QString>
#include <QStringList>

namespace tp::test {

// What one in-process run of the command line printed and returned.
struct CliResult
{
    int code;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments);

} // namespace tp::test
