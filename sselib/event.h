// SPDX-License-Identifier: MIT
// Sse::Event: one dispatched event as an EventSource delivers it.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace Sse {

/// One dispatched event. Text fields hold valid UTF-8 (invalid input was repaired with U+FFFD),
/// kept as bytes so that nothing decodes to QString unless it is displayed.
struct Event
{
    QByteArray type; ///< "message" unless the stream named the event
    QByteArray data; ///< the data lines joined by LF
    QByteArray lastEventId; ///< the source's last event ID when the event was dispatched
    QString origin; ///< serialised origin of the stream's final URL (after redirects)
    qint64 receivedMs = 0; ///< receive time, ms since the Unix epoch
    int connection = 0; ///< 1-based number of the connection that carried the event
    /// Its own lines set lastEventId with an id field (else the id was carried over). Not part
    /// of the event log: false for imported events. (Next to `connection`: no padding between.)
    bool hasIdField = false;
    /// Its wire lines as sent (see Sse::ParsedEvent::raw), with SourceOptions::keepRawLines.
    QByteArray raw = {};

    [[nodiscard]] QString typeText() const { return QString::fromUtf8(type); }

    [[nodiscard]] QString dataText() const { return QString::fromUtf8(data); }

    [[nodiscard]] QString lastEventIdText() const { return QString::fromUtf8(lastEventId); }

    friend bool operator==(const Event &a, const Event &b)
    {
        return a.type == b.type && a.data == b.data && a.lastEventId == b.lastEventId
                && a.origin == b.origin && a.receivedMs == b.receivedMs
                && a.connection == b.connection && a.raw == b.raw && a.hasIdField == b.hasIdField;
    }

    friend bool operator!=(const Event &a, const Event &b) { return !(a == b); }
};

} // namespace Sse

Q_DECLARE_METATYPE(Sse::Event)
