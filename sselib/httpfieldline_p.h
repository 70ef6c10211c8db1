// SPDX-License-Identifier: MIT
// Sse::HttpFieldLine: one line of an HTTP/1.x head, as request and response heads read it.
#pragma once

#include "sselib/headers.h"

#include <QByteArrayView>

namespace Sse::HttpFieldLine {

/// The line without the CR of its CRLF end, if it has one.
[[nodiscard]] QByteArrayView withoutCr(QByteArrayView line);

/// Appends the field of a "Name: value" line (its CR, if any, left out): a token name right
/// before the colon (no obs-fold, no space before the colon), no CR in the value. False, with
/// nothing appended, for a line that is not a field. Other control characters are left to the
/// caller, which names the header.
[[nodiscard]] bool append(QByteArrayView line, HeaderList &headers);

} // namespace Sse::HttpFieldLine
