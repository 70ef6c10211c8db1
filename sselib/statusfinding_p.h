// SPDX-License-Identifier: MIT
// Sse::Diagnostics::statusFinding: what an HTTP status other than 200 means for a stream.
#pragma once

#include "sselib/finding.h"
#include "sselib/responseinfo.h"

#include <optional>

namespace Sse::Diagnostics {

/// The "status" finding for a response whose status is neither 200 nor unknown (0): what the
/// status means for a stream and what to check for it (for a 401 the credentials, for a 429
/// the rate limit and Retry-After, ...). Empty for 200 and 0.
[[nodiscard]] std::optional<Finding> statusFinding(const ResponseInfo &response);

} // namespace Sse::Diagnostics
