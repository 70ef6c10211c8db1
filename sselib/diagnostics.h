// SPDX-License-Identifier: MIT
// Sse::Diagnostics, Sse::ArrivalMonitor: explain stream trouble from what a connection showed.
#pragma once

#include "sselib/finding.h"
#include "sselib/parser.h"
#include "sselib/responseinfo.h"
#include "sselib/sourceerror.h"

#include <QList>
#include <QString>

#include <chrono>

namespace Sse {

namespace Diagnostics {

/// Checks a response's status line, headers and (refused) body. Codes, in this order:
/// "status" (Problem for a status other than 200, naming what matters for it: credentials for
/// 401, permissions, CORS and CSRF for 403, the path for 404, the method for 405, the rate
/// limit and Retry-After for 429, the server or its proxy for 5xx; Info for 204, the server's
/// "stop reconnecting"),
/// "content-type" (Problem: missing or not text/event-stream),
/// "refused-html" (Info: the body of a refused response is an HTML page, such as a login page
/// or a proxy's error page),
/// "content-type-charset" (Warning: a charset other than UTF-8; streams are always UTF-8),
/// "content-type-params" (Info: parameters other than charset),
/// "content-encoding" (Warning: the stream is compressed; it is decoded, but compression holds
/// events back; Problem: an encoding that cannot be decoded),
/// "no-cache-control" (Warning: no no-cache or no-store),
/// "x-accel-buffering" (Warning: "X-Accel-Buffering: yes" asks nginx to buffer).
/// A refused response (error status, wrong Content-Type) gets only the first three: the other
/// checks are about a stream it never was.
/// Connection: close, Transfer-Encoding: chunked and HTTP/2 are fine and give nothing.
[[nodiscard]] QList<Finding> checkResponse(const ResponseInfo &response);

/// checkResponse(), knowing the error that ended the connection: after a body that could not
/// be decoded (SourceError::Kind::ContentEncoding), "content-encoding" is a Problem that says
/// so rather than advice about buffering.
[[nodiscard]] QList<Finding> checkResponse(const ResponseInfo &response, const SourceError &error);

/// What was dropped from one connection's stream, `count` times with `error`'s kind (the
/// EventSource's parseErrorOccurred()): "line-too-long" and "event-too-large" (Problem: those
/// events are not shown anywhere), "unfinished-event" (Warning: the stream ended inside an
/// event, which browsers drop too).
[[nodiscard]] Finding droppedFinding(const ParseError &error, int count);

} // namespace Diagnostics

/// Watches when bytes, comments and events of one feed arrive, and reports bursts after silence
/// (a buffering proxy) and silences longer than common proxy idle timeouts. Memory is constant:
/// it keeps timestamps and counters only, no history.
class ArrivalMonitor
{
public:
    /// Quiet time (no byte) before a burst.
    static constexpr std::chrono::milliseconds BurstSilence{2000};
    /// A burst's events arrive within this.
    static constexpr std::chrono::milliseconds BurstWindow{50};
    static constexpr int BurstMinEvents = 5; ///< ... and are at least this many
    static constexpr int BurstsToWarn = 2; ///< one burst may be chance; two are a pattern
    /// Common proxy idle timeouts are 30-60 s.
    static constexpr std::chrono::milliseconds SilenceWarning{30000};
    static constexpr std::chrono::milliseconds SilenceProblem{60000};

    /// Forgets everything.
    void reset();

    /// A connection opened at `ms`: silence is measured from here until the first byte.
    void connectionOpened(qint64 ms);

    /// Bytes of the stream arrived (any bytes, heartbeats included).
    void bytesArrived(qint64 ms);

    /// A comment line (a heartbeat) arrived; counts as bytes.
    void commentArrived(qint64 ms);

    /// An event was dispatched; counts as bytes too, so callers need not report both.
    void eventArrived(qint64 receivedMs);

    /// "bursts" (Warning) and "long-silence" (Warning over 30 s, Problem over 60 s). Silence is
    /// the longest gap without a byte seen so far, or the current one up to `nowMs`, whichever
    /// is longer; for a closed connection pass its closing time.
    [[nodiscard]] QList<Finding> findings(qint64 nowMs) const;

    [[nodiscard]] int burstCount() const { return m_burstCount; }

    [[nodiscard]] std::chrono::milliseconds longestSilence() const
    {
        return std::chrono::milliseconds(m_longestGapMs);
    }

private:
    void activity(qint64 ms);

    qint64 m_lastActivityMs = -1; ///< last byte, or the connection's opening; -1: none yet
    qint64 m_longestGapMs = 0;
    qint64 m_windowStartMs = -1; ///< first arrival after a silence; -1: no burst window open
    int m_windowEvents = 0;
    int m_burstCount = 0;
};

} // namespace Sse
