#include "clirun.h"

#include "cli/cli.h"

#include <QTextStream>

namespace tp::test {

CliResult runCli(const QStringList &arguments)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int code = cli::run(arguments, o, e);
    o.flush();
    e.flush();
    return { code, out, err };
}

} // namespace tp::test
