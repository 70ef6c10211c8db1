// SPDX-License-Identifier: MIT
// TestSupport::quietPublisherOptions(): a publisher that sends nothing until a test asks it to.
#pragma once

#include "sselib/publisher/publisheroptions.h"

#include <chrono>

namespace TestSupport {

/// The default options with the periodic generator and the heartbeat off.
inline Sse::PublisherOptions quietPublisherOptions()
{
    Sse::PublisherOptions options;
    options.generator.interval = std::chrono::milliseconds(0);
    options.generator.heartbeat = std::chrono::milliseconds(0);
    return options;
}

} // namespace TestSupport
