// SPDX-License-Identifier: MIT
// Sse::EventLog: the NDJSON event log that ssedash exports, imports and replays.
#pragma once

#include "sselib/event.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Sse::EventLog {

// One JSON object a line, UTF-8, in the order things arrived. Lossless: every field of an
// event, its receive time and the connection that carried it. Keys (a contract, keep them):
//   {"kind":"event","receivedMs":MS,"connection":N,"type":T,"data":D,"lastEventId":I,
//    "origin":O}
//   {"kind":"comment","receivedMs":MS,"connection":N,"comment":C}
// A record that the capture proxy (`ssedash-cli proxy --output`) took adds, after
// "connection", the exchange it came with and the URL that exchange went to:
//   {"kind":"event","receivedMs":MS,"connection":N,"stream":S,"url":U,"type":T,...}
// Readers accept and ignore these keys (an NDJSON export leaves them out).
// Readers pass over kinds they do not know, so later versions may add kinds; such a record
// needs only "kind", and an NDJSON export writes its line back unchanged.

/// What one line of a log holds.
struct Record
{
    enum class Kind {
        Event,
        Comment,
        Other ///< a kind this version does not know: shown nowhere, kept in `text`
    };

    // Kind last: a type derived from Record can then use the padding after it.
    Event event; ///< for Kind::Event; receivedMs and connection for every kind (0 if absent)
    /// Kind::Comment: the comment (UTF-8). Kind::Other: the line as read, without its LF.
    /// Empty for events. (One field for both: a log in memory holds many records.)
    QByteArray text;
    Kind kind = Kind::Other;

    friend bool operator==(const Record &a, const Record &b)
    {
        return a.kind == b.kind && a.event == b.event && a.text == b.text;
    }

    friend bool operator!=(const Record &a, const Record &b) { return !(a == b); }
};

/// Where a captured record came from: the capture proxy's exchange number and the upstream URL
/// of its request (UTF-8).
struct CaptureSource
{
    int stream = 0;
    QByteArrayView url;
};

/// Appends the log line of `event`, newline included.
void appendEvent(QByteArray &out, const Event &event);
/// The same with "stream" and "url" from `source`.
void appendEvent(QByteArray &out, const Event &event, const CaptureSource &source);

/// Appends the log line of a comment, newline included.
void appendComment(QByteArray &out, QByteArrayView comment, qint64 receivedMs, int connection);
/// The same with "stream" and "url" from `source`.
void appendComment(QByteArray &out, QByteArrayView comment, qint64 receivedMs, int connection,
        const CaptureSource &source);

/// What readLine() made of a line.
struct LineResult
{
    bool ok = false; ///< the line is a log record
    Record record; ///< when ok
    QString error; ///< why not ok, for people
};

/// Reads one line (without or with its newline). Not ok, saying why, when the line is not a log
/// record; an empty line is an error too. A record of an unknown kind needs only a "kind"
/// string; its line is kept in Record::line.
[[nodiscard]] LineResult readLine(QByteArrayView line);

} // namespace Sse::EventLog
