// SPDX-License-Identifier: MIT
// MonitorOptions: the options of `ssedash-cli monitor`, read from its arguments.
#pragma once

#include "optionparsing.h"

#include "sselib/sourceoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

/// Options of `ssedash-cli monitor`.
struct MonitorOptions
{
    Q_DECLARE_TR_FUNCTIONS(MonitorOptions)

public:
    QUrl url;
    Sse::SourceOptions source;
    qint64 maxEvents = 0; ///< stop after this many events; 0: no limit
    std::optional<std::chrono::milliseconds> timeout; ///< stop after this long
    bool count = false; ///< only print totals at exit
    bool once = false; ///< --once: one connection, no reconnect; exit when it ends
    QString outputFile; ///< --output FILE: also record events and comments there as NDJSON

    /// Reads `ssedash-cli monitor URL [options]`; `arguments` start with the program name,
    /// without the command. Gives the options, or the help or error to print.
    [[nodiscard]] static OptionsOrUsage<MonitorOptions> fromArguments(const QStringList &arguments);
};
