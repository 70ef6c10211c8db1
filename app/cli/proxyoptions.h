// SPDX-License-Identifier: MIT
// ProxyOptions: the options of `ssedash-cli proxy`, read from its arguments.
#pragma once

#include "optionparsing.h"

#include "sselib/capture/captureoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

/// Options of `ssedash-cli proxy`.
struct ProxyOptions
{
    Q_DECLARE_TR_FUNCTIONS(ProxyOptions)

public:
    /// Everything but the certificates, which ProxyCommand reads from certificateFiles.
    Sse::CaptureOptions capture;
    QString upstreamText; ///< --upstream as given, for the first line
    QStringList certificateFiles; ///< --trust-cert FILE..., PEM
    QString outputFile; ///< --output FILE: record events and comments there as NDJSON
    std::optional<std::chrono::milliseconds> timeout; ///< stop after this long

    /// Reads `ssedash-cli proxy --upstream URL [options]`; `arguments` start with the program
    /// name, without the command. Gives the options, or the help or error to print.
    [[nodiscard]] static OptionsOrUsage<ProxyOptions> fromArguments(const QStringList &arguments);
};
