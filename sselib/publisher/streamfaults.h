// SPDX-License-Identifier: MIT
// Sse::StreamFaults: the misbehaviour a publisher stream shows on request.
#pragma once

#include "sselib/wire.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace Sse {

/// Faults a client asks for with query parameters on a stream URL (documented in the README),
/// or that the publisher applies to every stream. Zero/empty means "off".
struct StreamFaults
{
    int status = 0; ///< status=N: answer N (200 to 599: 204, 4xx, 5xx, ...) instead of a stream
    QByteArray contentType; ///< contentType=T: stream under a wrong Content-Type
    int redirect = 0; ///< redirect=301|302|307|308: redirect to the URL without it
    int closeAfter = 0; ///< closeAfter=N: end the stream cleanly after N events
    int cutAfter = 0; ///< cutAfter=N: after N events send half of the next and cut
    int stallMs = 0; ///< stall=MS: send nothing for MS after the response head
    int dribbleMs = 0; ///< dribble=MS: send one byte every MS
    bool splitUtf8 = false; ///< splitUtf8=1: split each event inside a UTF-8 character
    Wire::LineEnd lineEnd = Wire::LineEnd::Lf; ///< lineEnd=lf|crlf|cr
    int longLine = 0; ///< longLine=BYTES: first send an event with one huge data line
    int reconnectMs = -1; ///< reconnect=MS: after the first event, send the
                          ///< "event: reconnect" instruction with MS as its data
    qint64 retryMs = -1; ///< retry=MS: retry field at stream start (overrides the generator's)

    static constexpr int MaxLongLine = 64 * 1024 * 1024;
    static constexpr int MaxDelayMs = 600000;

    [[nodiscard]] bool operator==(const StreamFaults &other) const;

    [[nodiscard]] bool operator!=(const StreamFaults &other) const { return !(*this == other); }

    /// Reads the fault parameters over the current values (absent ones stay as they are); on a
    /// bad value returns false and says why in `error`, naming the parameter.
    [[nodiscard]] bool readQuery(const QUrlQuery &query, QString *error);

    /// Reads the whole number parameter `key` within [min, max]; absent leaves `value` alone.
    [[nodiscard]] static bool readNumber(const QUrlQuery &query, const QString &key, int min,
            int max, int &value, QString *error);
};

} // namespace Sse
