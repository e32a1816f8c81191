#pragma once

#include <QStringList>
#include <QTextStream>

namespace tp::cli {

// `territory-planner report --db BOOK [--rep NAME] [--since DATE] [--as-of DATE] --pdf OUT`:
// the one-on-one review pack of a rep, or without --rep the team pack (one section per rep)
// (core/report/reviewpack.h). It paints text, so main() runs it under a QGuiApplication on the
// offscreen platform: no display is needed.
int reportCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                  const QString &usage);

} // namespace tp::cli
