// SPDX-License-Identifier: MIT
// ParseCommand: `ssedash-cli parse`, a text/event-stream body to JSON lines.
#pragma once

#include "parseoptions.h"

#include <QCoreApplication>

/// Reads a stream body from a file or stdin, feeds an Sse::Parser and prints
/// `{"type": T, "data": D, "lastEventId": I}` per event and `{"retry": MS}` per retry field
/// (or only the totals with --count). Blocking, no event loop needed.
class ParseCommand
{
    Q_DECLARE_TR_FUNCTIONS(ParseCommand)

public:
    explicit ParseCommand(const ParseOptions &options);

    /// Returns the exit code.
    [[nodiscard]] int run();

private:
    ParseOptions m_options;
};
