// SPDX-License-Identifier: MIT
// Logging categories of sselib.
#pragma once

#include <QLoggingCategory>

namespace Sse {
Q_DECLARE_LOGGING_CATEGORY(lcSseParser)
Q_DECLARE_LOGGING_CATEGORY(lcSseClient)
Q_DECLARE_LOGGING_CATEGORY(lcSsePublisher)
} // namespace Sse
