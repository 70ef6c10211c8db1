// SPDX-License-Identifier: MIT
// Sse::CaptureEnd: how one exchange that passed the capture proxy ended.
#pragma once

#include <QMetaType>
#include <QString>

namespace Sse {

struct CaptureEnd
{
    enum class Reason {
        Completed, ///< the whole response passed (its length, last chunk or a clean close)
        UpstreamClosed, ///< the upstream closed before the response was complete
        UpstreamFailed, ///< no response: refused, unreachable, TLS not trusted (the app got 502)
        ClientClosed, ///< the app closed its side first
        Cut, ///< a fault rule (cut, cut-mid) closed it
        Answered, ///< a status rule answered instead of the upstream
        Stopped ///< the proxy was closed
    };

    Reason reason = Reason::Completed;
    /// The status the app got: the upstream's, or the proxy's own (502 when the upstream
    /// failed, a status rule's code); 0 when the app got no response.
    int status = 0;
    qint64 endedMs = 0; ///< ms since the Unix epoch
    qint64 bytesReceived = 0; ///< body bytes from the upstream (as sent: before any decoding)
    qint64 bytesSent = 0; ///< body bytes to the app (after fault rules)
    QString message; ///< for people: what ended it ("The upstream closed mid-stream.")

    friend bool operator==(const CaptureEnd &a, const CaptureEnd &b)
    {
        return a.reason == b.reason && a.status == b.status && a.endedMs == b.endedMs
                && a.bytesReceived == b.bytesReceived && a.bytesSent == b.bytesSent
                && a.message == b.message;
    }

    friend bool operator!=(const CaptureEnd &a, const CaptureEnd &b) { return !(a == b); }
};

} // namespace Sse

Q_DECLARE_METATYPE(Sse::CaptureEnd)
