// SPDX-License-Identifier: MIT
// Sse::EventSource: a text/event-stream client that behaves like a browser's EventSource.
//
// The vocabulary of sselib's client API (keep new API to it):
// - Durations are std::chrono::milliseconds; instants are qint64 `xxxMs`, ms since the Unix
//   epoch (as Event::receivedMs and the event log write them).
// - "None", "off" and "never" are std::nullopt, never a sentinel value such as 0 or -1.
// - Header fields are Sse::HeaderList, looked up with Sse::headerValue(); methods and header
//   names are checked with Sse::isHttpToken(), URLs with Sse::checkHttpUrl().
// - Bytes field `x` of a value type has its decoded QString in `xText()`.
// - Value types have operator==; public headers have no using-directives.
// - Errors: a function that can fail returns a result struct (`ok`, the value, and `error`
//   for people; see ExportResult, ImportResult, EventLog::LineResult), or std::optional when
//   no reason is needed; no `QString *error` out-parameters. An object reports failures as
//   typed values: a QObject by a signal `xxxOccurred(const XxxError &)`, a plain class by
//   returning false and keeping the reason for errorString() (ContentDecoder).
#pragma once

#include "sselib/comment.h"
#include "sselib/event.h"
#include "sselib/responseinfo.h"
#include "sselib/sourceerror.h"
#include "sselib/sourceoptions.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Sse {

/// Reads a text/event-stream resource and reconnects the way the WHATWG standard says, with
/// optional policies beyond it (see ReconnectPolicy). A body that comes compressed (gzip,
/// deflate, br) is decoded, whatever the request asked for. Never blocks; all timing is QTimer
/// based.
class EventSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventSource)
    Q_PROPERTY(QUrl url READ url CONSTANT)
    Q_PROPERTY(ReadyState readyState READ readyState NOTIFY readyStateChanged)
    Q_PROPERTY(QByteArray lastEventId READ lastEventId NOTIFY lastEventIdChanged)
    Q_PROPERTY(std::chrono::milliseconds reconnectionTime READ reconnectionTime NOTIFY
                    reconnectionTimeChanged)

public:
    enum class ReadyState {
        Connecting = 0,
        Open = 1,
        Closed = 2
    };
    Q_ENUM(ReadyState)

    /// Why the next connection waits as long as it does.
    enum class ReconnectReason {
        ReconnectionTime, ///< the standard's reconnection time (default or retry:)
        Backoff, ///< the backoff policy stretched the reconnection time
        ServerRequest, ///< the server's reconnect event
        ManualReinit, ///< the source closed for good and the re-init policy starts it again
        Restart ///< reconnectNow()
    };
    Q_ENUM(ReconnectReason)

    explicit EventSource(
            const QUrl &url, const SourceOptions &options = {}, QObject *parent = nullptr);
    ~EventSource() override;

    [[nodiscard]] QUrl url() const;
    [[nodiscard]] const SourceOptions &options() const;
    /// Takes effect with the next connection.
    void setOptions(const SourceOptions &options);

    /// Streams go through a pool of managers by default, so that any number of feeds to one
    /// host all stream (one manager opens at most 6 connections per host). A manager set here
    /// is used as it is (for a proxy or cookie jar of your own); it must outlive the source.
    void setNetworkAccessManager(QNetworkAccessManager *manager);

    [[nodiscard]] ReadyState readyState() const;
    [[nodiscard]] QByteArray lastEventId() const;
    [[nodiscard]] std::chrono::milliseconds reconnectionTime() const;
    [[nodiscard]] int connectionCount() const; ///< requests made so far
    [[nodiscard]] int reconnectCount() const; ///< connections after the first
    [[nodiscard]] QString origin() const; ///< of the current final URL
    /// A timer will start a request: the first after open(), a reconnect or a re-init. False
    /// while a request is under way and once closed for good: then no request comes unasked.
    [[nodiscard]] bool isConnectionScheduled() const;

    /// Calls `listener(event)` for each event of `type`, like addEventListener(type, ...).
    /// Disconnect the returned connection (or destroy `context`) to remove it.
    template <typename Listener>
    QMetaObject::Connection addEventListener(
            const QByteArray &type, const QObject *context, Listener listener)
    {
        return connect(this, &EventSource::eventReceived, context,
                [type, listener = std::move(listener)](const Sse::Event &event) {
                    if (event.type == type)
                        listener(event);
                });
    }

public Q_SLOTS:
    /// Connects (again after close()); a no-op while already connecting or open.
    void open();
    /// Final: drops the connection and never reconnects until open() is called again.
    void close();
    /// Drops the connection and reconnects at once, reporting no error.
    void reconnectNow();

Q_SIGNALS:
    void readyStateChanged(Sse::EventSource::ReadyState state);
    void opened();
    void eventReceived(const Sse::Event &event);
    void messageReceived(const Sse::Event &event); ///< events of type "message" only
    /// A comment line, stamped like events with its receive time and connection.
    void commentReceived(const Sse::Comment &comment);
    /// Exactly once per failed attempt or dropped connection.
    void errorOccurred(const Sse::SourceError &error);
    /// A line or event was dropped: over a limit of the parser (the stream goes on), or, when
    /// the stream ends inside an event, that event (UnfinishedEvent, before errorOccurred()).
    void parseErrorOccurred(const Sse::ParseError &error);
    void lastEventIdChanged(const QByteArray &id);
    void reconnectionTimeChanged(std::chrono::milliseconds time);
    /// A request goes out; lastEventIdSent is empty when no Last-Event-ID header was sent.
    void connectionStarted(int connection, const QByteArray &lastEventIdSent);
    /// The request of that connection, as it goes out (right after connectionStarted()).
    void requestSent(const Sse::RequestInfo &request);
    /// The final response of a request (after redirects): after opened() for a stream, or just
    /// before errorOccurred() for a response the source refuses (status, Content-Type,
    /// Content-Encoding). A refused response comes with the start of its body: what arrived
    /// until it ended, ResponseInfo::MaxBodySize bytes were read or 1.5 s passed.
    void responseReceived(const Sse::ResponseInfo &response);
    void reconnectScheduled(
            std::chrono::milliseconds delay, Sse::EventSource::ReconnectReason reason);
    /// Raw bytes as they arrive, for byte counters and wire views.
    void bytesReceived(qint64 count);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Sse
