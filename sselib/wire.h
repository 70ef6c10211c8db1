// SPDX-License-Identifier: MIT
// Sse::Wire: text/event-stream serialisation of events, comments and retry fields.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <chrono>
#include <optional>

namespace Sse::Wire {

/// Which line end a serialiser writes. Every one of them is valid text/event-stream.
enum class LineEnd {
    Lf,
    CrLf,
    Cr
};

/// One event as wire text, ending with the blank line that dispatches it. Data is split into
/// one data line per line of it (at CRLF, LF or CR, which would all end a line on the wire);
/// empty type and id are left out; a type or id containing a line break is cut at it.
/// A `retry` adds a retry field.
[[nodiscard]] QByteArray event(QByteArrayView data, QByteArrayView type = {},
        QByteArrayView id = {}, std::optional<std::chrono::milliseconds> retry = std::nullopt,
        LineEnd lineEnd = LineEnd::Lf);

/// A comment line per line of `text` (": text\n"); heartbeats are empty comments.
[[nodiscard]] QByteArray comment(QByteArrayView text, LineEnd lineEnd = LineEnd::Lf);

/// A lone retry field.
[[nodiscard]] QByteArray retry(std::chrono::milliseconds time, LineEnd lineEnd = LineEnd::Lf);

} // namespace Sse::Wire
