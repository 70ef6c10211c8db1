// SPDX-License-Identifier: MIT
// PublishOptions: the options of `ssedash-cli publish`, read from its arguments.
#pragma once

#include "optionparsing.h"

#include "sselib/publisher/publisheroptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// Options of `ssedash-cli publish`.
struct PublishOptions
{
    Q_DECLARE_TR_FUNCTIONS(PublishOptions)

public:
    Sse::PublisherOptions publisher; ///< address, port, channels, CORS and the generator
    QString replayFile; ///< --replay FILE: an NDJSON event log
    double replaySpeed = 1.0; ///< --speed X, with --replay

    /// Reads `ssedash-cli publish [options]`; `arguments` start with the program name, without
    /// the command. Gives the options, or the help or error to print.
    [[nodiscard]] static OptionsOrUsage<PublishOptions> fromArguments(const QStringList &arguments);
};
