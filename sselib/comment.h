// SPDX-License-Identifier: MIT
// Sse::Comment: one comment line of a stream as an EventSource delivers it.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace Sse {

/// One comment line (": text") of a stream. Like Event, it keeps its text as the (valid UTF-8)
/// bytes that arrived, and says when and on which connection it came. As in Event, a bytes
/// field `x` has its decoded QString in `xText()`.
struct Comment
{
    QByteArray data; ///< the line after the colon (and the one space after it, if any)
    qint64 receivedMs = 0; ///< receive time, ms since the Unix epoch, as Event::receivedMs
    int connection = 0; ///< 1-based number of the connection that carried the comment

    [[nodiscard]] QString dataText() const { return QString::fromUtf8(data); }

    friend bool operator==(const Comment &a, const Comment &b)
    {
        return a.data == b.data && a.receivedMs == b.receivedMs && a.connection == b.connection;
    }

    friend bool operator!=(const Comment &a, const Comment &b) { return !(a == b); }
};

} // namespace Sse

Q_DECLARE_METATYPE(Sse::Comment)
