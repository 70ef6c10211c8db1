// SPDX-License-Identifier: MIT
// ExportCommand: `ssedash-cli export`, an NDJSON event log converted to another format.
#include "exportcommand.h"

#include "consoleoutput.h"

#include "sselib/logexport.h"

#include <QList>

ExportCommand::ExportCommand(const ExportOptions &options)
    : m_options(options)
{ }

int ExportCommand::run()
{
    QList<Sse::EventLog::Record> records;
    QString error;
    if (!Sse::importLog(m_options.inputFile, &records, &error)) {
        printMessage(tr("cannot import %1").arg(error));
        return ExitFailure;
    }
    const Sse::ExportResult result = Sse::exportLog(m_options.outputFile, m_options.format,
            records.size(), [&records](qsizetype index) -> const Sse::EventLog::Record & {
                return records.at(index);
            });
    if (!result.ok) {
        printMessage(result.error);
        return ExitFailure;
    }
    return ExitSuccess;
}
