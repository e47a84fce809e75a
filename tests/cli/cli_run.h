#pragma once

// Runs the built focalscope-cli (FOCALSCOPE_CLI, set by tests/cli/CMakeLists.txt) as a user
// would, for the end-to-end tests.

#include "fixture.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace focalscope::testing {

struct CliRun {
    int exitCode = -1; // -1: crashed or timed out
    QByteArray out;
    QByteArray err;
};

// Runs the CLI with `arguments` in `directory` (the tests folder by default), up to 2 minutes.
inline CliRun runCli(const QStringList& arguments, const QString& directory = testsDir())
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(QStringLiteral(FOCALSCOPE_CLI), arguments);
    CliRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace focalscope::testing
