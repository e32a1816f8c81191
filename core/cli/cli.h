#pragma once

#include <QStringList>
#include <QTextStream>

namespace tp::cli {

// Exit codes of CLI.md.
enum ExitCode { Ok = 0, BadInput = 1, Usage = 2 };

// True when `arguments` (without the program name) ask for a headless command.
bool isCommand(const QStringList &arguments);

// True for a command that paints (`report`): main() gives it a QGuiApplication on the offscreen
// platform, so it still needs no display.
bool needsPainting(const QStringList &arguments);

// Runs a headless command; needs only a QCoreApplication (a QGuiApplication for needsPainting).
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace tp::cli
