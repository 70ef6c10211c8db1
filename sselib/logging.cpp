// SPDX-License-Identifier: MIT
// Logging categories of sselib; the chatty ones start at warnings.
#include "logging_p.h"

namespace Sse {
Q_LOGGING_CATEGORY(lcSseParser, "ssedash.sselib.parser", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSseClient, "ssedash.sselib.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSsePublisher, "ssedash.sselib.publisher", QtWarningMsg)
} // namespace Sse
