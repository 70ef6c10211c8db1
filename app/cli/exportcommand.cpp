// SPDX-License-Identifier: MIT
// ExportCommand: `ssedash-cli export`, an NDJSON event log converted to another format.
#include "exportcommand.h"

#include "consoleoutput.h"
#include "exitcode.h"

#include "sselib/logexport.h"

#include <QFile>
#include <QList>

#include <csignal>
#include <unistd.h>

ExportCommand::ExportCommand(const ExportOptions &options)
    : m_options(options)
{ }

int ExportCommand::run()
{
    // A recording of a monitor that was killed may end in a torn line: say so, export the rest.
    const Sse::ImportResult imported = Sse::importLog(m_options.inputFile, Sse::TornLastLine::Skip);
    if (!imported.ok) {
        printMessage(tr("cannot import %1").arg(imported.error));
        return ExitFailure;
    }
    if (!imported.tornLine.isEmpty())
        printMessage(imported.tornLine);
    const QList<Sse::EventLog::Record> &records = imported.records;
    // A reader that goes away (a closed pipe or FIFO) is a write error to report, not a
    // signal that ends us without a word.
    std::signal(SIGPIPE, SIG_IGN);
    const auto recordAt = [&records](qsizetype index) -> const Sse::EventLog::Record & {
        return records.at(index);
    };
    Sse::ExportResult result;
    if (m_options.writesToStdout()) {
        QFile out;
        if (!out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            printMessage(tr("cannot write standard output: %1").arg(out.errorString()));
            return ExitFailure;
        }
        result = Sse::exportLog(
                out, tr("standard output"), m_options.format, records.size(), recordAt);
    } else {
        result = Sse::exportLog(m_options.outputFile, m_options.format, records.size(), recordAt);
    }
    if (!result.ok) {
        printMessage(result.error);
        return ExitFailure;
    }
    return ExitSuccess;
}
