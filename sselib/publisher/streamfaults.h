// SPDX-License-Identifier: MIT
// Sse::StreamFaults: the misbehaviour a publisher stream shows on request.
#pragma once

#include "sselib/wire.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <optional>

namespace Sse {

struct StreamFaultsResult;

/// Faults a client asks for with query parameters on a stream URL (documented in the README),
/// or that the publisher applies to every stream. Zero/empty/std::nullopt means "off".
struct StreamFaults
{
    /// status=N: answer N (200 to 599: 204, 4xx, 5xx, ...) instead of a stream
    std::optional<int> status;
    QByteArray contentType; ///< contentType=T: stream under a wrong Content-Type
    /// redirect=301|302|307|308: redirect to the URL without it
    std::optional<int> redirect;
    int closeAfter = 0; ///< closeAfter=N: end the stream cleanly after N events
    int cutAfter = 0; ///< cutAfter=N: after N events send half of the next and cut
    int stallMs = 0; ///< stall=MS: send nothing for MS after the response head
    int dribbleMs = 0; ///< dribble=MS: send one byte every MS
    bool splitUtf8 = false; ///< splitUtf8=1: split each event inside a UTF-8 character
    Wire::LineEnd lineEnd = Wire::LineEnd::Lf; ///< lineEnd=lf|crlf|cr
    int longLine = 0; ///< longLine=BYTES: first send an event with one huge data line
    /// reconnect=MS: after the first event, send the "event: reconnect" instruction with MS
    /// as its data
    std::optional<std::chrono::milliseconds> reconnect;
    /// retry=MS: retry field at stream start (overrides the generator's)
    std::optional<std::chrono::milliseconds> retry;

    static constexpr int MaxLongLine = 64 * 1024 * 1024;
    static constexpr int MaxDelayMs = 600000;

    [[nodiscard]] bool operator==(const StreamFaults &other) const;

    [[nodiscard]] bool operator!=(const StreamFaults &other) const { return !(*this == other); }

    /// Reads the fault parameters over `defaults` (absent ones keep their values); on a bad
    /// value the result is not ok and its error names the parameter.
    [[nodiscard]] static StreamFaultsResult fromQuery(
            const QUrlQuery &query, const StreamFaults &defaults);

    /// The faults that are on, as the query parameters that fromQuery() reads back over
    /// StreamFaults() to these faults (for faults within the ranges fromQuery() accepts).
    [[nodiscard]] QUrlQuery toQuery() const;
};

/// The outcome of StreamFaults::fromQuery().
struct StreamFaultsResult
{
    bool ok = false;
    StreamFaults faults;
    QString error; ///< for people, naming the bad parameter; empty when ok
};

/// The outcome of readQueryNumber().
struct QueryNumberResult
{
    bool ok = false;
    int value = 0;
    QString error; ///< for people, naming the parameter; empty when ok
};

/// Reads the whole number query parameter `key` within [min, max]; absent gives `fallback`.
[[nodiscard]] QueryNumberResult readQueryNumber(
        const QUrlQuery &query, const QString &key, int min, int max, int fallback);

} // namespace Sse
