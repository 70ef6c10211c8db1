// SPDX-License-Identifier: MIT
// ExportCommand: `ssedash-cli export`, an NDJSON event log converted to another format.
#pragma once

#include "exportoptions.h"

#include <QCoreApplication>

/// Reads an NDJSON event log and writes it in the chosen format with Sse::exportLog(), which
/// replaces a regular output file only once it is complete, and writes standard output ("-"),
/// a FIFO or a device directly. Prints nothing else on success; on failure (a full disk, a
/// reader that went away) one message on stderr (with FILE:LINE for a bad input line) and exit
/// code 1. Blocking.
class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    explicit ExportCommand(const ExportOptions &options);

    /// Returns the exit code.
    [[nodiscard]] int run();

private:
    ExportOptions m_options;
};
