// SPDX-License-Identifier: MIT
// ExportOptions: the options of `ssedash-cli export`, read from its arguments.
#pragma once

#include "optionparsing.h"

#include "sselib/logexport.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// Options of `ssedash-cli export`.
struct ExportOptions
{
    Q_DECLARE_TR_FUNCTIONS(ExportOptions)

public:
    QString inputFile; ///< an NDJSON event log
    QString outputFile; ///< "-": standard output
    /// --format, else from the output suffix; NDJSON for standard output
    Sse::LogFormat format = Sse::LogFormat::Ndjson;

    [[nodiscard]] bool writesToStdout() const { return outputFile == QStringView(u"-"); }

    /// Reads `ssedash-cli export [--format FORMAT] INPUT OUTPUT`; `arguments` start with the
    /// program name, without the command. Gives the options, or the help or error to print.
    [[nodiscard]] static OptionsOrUsage<ExportOptions> fromArguments(const QStringList &arguments);
};
