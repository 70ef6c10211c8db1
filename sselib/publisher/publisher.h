// SPDX-License-Identifier: MIT
// Sse::Publisher: the built-in test server for text/event-stream clients.
#pragma once

// URLs (http://127.0.0.1:PORT by default; every answer carries the CORS headers)
//   GET|HEAD /events         the broadcast channel: unnamed events (or
//   GeneratorSettings::eventName) GET|HEAD /events/NAME    a named channel: events of type NAME;
//   declared in
//                            PublisherOptions::channels (default "test-event") or created by
//                            publish(); an unknown NAME gets 404 with the list of channels
//   GET|POST /llm            a simulated LLM completion of a built-in paragraph, one word piece
//                            per interval, then the stream ends (the body of a POST is ignored):
//                              ?style=openai (default): data: {"choices":[{"index":0,"delta":
//                                {"content":"…"}}]} per token, then data: [DONE]
//                              ?style=anthropic: event: message_start, content_block_start,
//                                content_block_delta ({"type":"text_delta","text":"…"}) per token,
//                                content_block_stop, message_delta, message_stop
//                              ?interval=MS (0 to 10000, default 40) between tokens
//                            LLM streams count as clients; their channel is "/llm" (llmPath()).
//   GET /                    the demo page (resources/publisher/index.html)
//   GET /stats               JSON: clients, llmClients, uptimeMs, channels[{name, path, clients,
//                            eventsPublished, eventsSent, bytesSent, history}]
//   POST /publish?channel=NAME&event=TYPE&id=ID&retry=MS   the body is the data (channel
//                            empty or absent: broadcast); answers {"id", "clients"}, 404 for an
//                            unknown channel
//   OPTIONS (any of them)    CORS preflight: 204, Allow-Methods GET, POST, OPTIONS; the asked
//                            headers are allowed
//
// Streams are chunked HTTP/1.1 (several events per chunk when they come together; a clean end
// sends the last chunk) or raw until close for HTTP/1.0, with Content-Type: text/event-stream;
// charset=utf-8, Cache-Control: no-cache, X-Accel-Buffering: no, Connection: keep-alive.
// Access-Control-Allow-Origin is PublisherOptions::allowOrigin ("*"); with allowCredentials the
// request's Origin is echoed (when allowed) with Access-Control-Allow-Credentials: true.
// A request with Last-Event-ID first gets the events of the channel's history after that id,
// in order, once, before any new event, and the header X-SSE-Resume: ok (they count as sent
// events, for closeAfter too, as they are on the wire like any other); an id not in the history
// (too old, unknown) gets X-SSE-Resume: gap and a comment saying so. A Last-Event-ID over 1024
// bytes gets 400, as does a header value with a control character (NUL, ...) and a malformed
// request head (decided as early as the bytes allow). Request limits (PublisherOptions): a
// request line over maxRequestHeadSize gets 414, a head over it 431, a Content-Length over
// maxRequestBodySize 413 before the body is read, a request body without Content-Length
// (chunked) 411; a head not complete within headTimeout gets 408. Every such answer says
// Connection: close, and the publisher closes the connection once it is written (dropping what
// the client still sends meanwhile). Requests for the QHttpServer routes are served one per
// connection (bytes after the request are dropped) and closed after idleTimeout of silence.
// A client whose unsent bytes pass PublisherOptions::maxClientBacklog is dropped.
//
// Faults: query parameters on /events and /llm (a bad value gets 400 naming the parameter),
// or setDefaultFaults() for every stream, which the query overrides:
//   status=N          answer N (200 to 599) instead of a stream
//   contentType=T     stream under Content-Type T
//   redirect=301|302|307|308   redirect to the same URL without this parameter
//   closeAfter=N      end the stream cleanly after N events (GeneratorSettings::limit by default)
//   cutAfter=N        after N events send half of the next one, then close mid-event
//   stall=MS          send nothing for MS after the response head
//   dribble=MS        send one byte every MS
//   splitUtf8=1       write each event in two pieces, split inside a multi-byte character
//   lineEnd=lf|crlf|cr   the line end of the stream
//   longLine=BYTES    first send an event "long-line" with one data line of BYTES bytes
//   reconnect=MS      after the first event send "event: reconnect" with data MS
//   retry=MS          the retry field at the start of the stream (over GeneratorSettings::retry)

#include "sselib/publisher/publisheroptions.h"
#include "sselib/publisher/streamfaults.h"

#include <QByteArrayList>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace Sse {

/// A local SSE server that behaves like the seeds' publishers (broadcast and named channels,
/// generated events, retry, ids, Last-Event-ID resume, CORS) and misbehaves on request
/// (StreamFaults). Streams are served on the raw socket for full control of every byte; all
/// other routes (demo page, stats, publish, CORS preflight) go through QHttpServer.
class Publisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Publisher)
    Q_PROPERTY(int clientCount READ clientCount NOTIFY clientCountChanged)

public:
    explicit Publisher(const PublisherOptions &options = {}, QObject *parent = nullptr);
    ~Publisher() override;

    /// Starts listening; false with errorString() when the address or port cannot be bound.
    [[nodiscard]] bool listen();
    /// Ends every stream and stops listening.
    void close();
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    /// http://ADDRESS:PORT/path on the address and port it listens on (see urlOf()).
    [[nodiscard]] QUrl url(const QString &path = {}) const;
    /// The URL of `channel`: url(pathOf(channel)).
    [[nodiscard]] QUrl channelUrl(const QByteArray &channel) const;
    /// The URL of `path` ("/" when empty) on a publisher bound to `address` and `port`, as a
    /// client on this host reaches it: a wildcard address becomes loopback (127.0.0.1, or ::1
    /// for IPv6's), port 0 (any free one) is left out.
    [[nodiscard]] static QUrl urlOf(
            const QHostAddress &address, quint16 port, const QString &path = {});
    [[nodiscard]] QString errorString() const;

    [[nodiscard]] const PublisherOptions &options() const;
    /// Changes the generator at once (interval, payload, ids, heartbeat, ...).
    void setGenerator(const GeneratorSettings &generator);
    /// Faults applied to every new stream, on top of those its URL asks for.
    void setDefaultFaults(const StreamFaults &faults);
    [[nodiscard]] StreamFaults defaultFaults() const;

    /// "" (the broadcast channel, /events) first, then the named ones (/events/NAME).
    [[nodiscard]] QByteArrayList channels() const;
    void addChannel(const QByteArray &name);
    /// The path of `channel`: /events for "", /events/NAME for a named one.
    [[nodiscard]] static QString pathOf(const QByteArray &channel);
    /// "/llm", where the simulated LLM completions stream; also the channel their clients
    /// report (as bytes) in clientConnected() and clientDisconnected().
    [[nodiscard]] static QString llmPath();
    /// The path a client streams from, given the channel it reports: llmPath() for an LLM
    /// stream, else pathOf(channel).
    [[nodiscard]] static QString streamPath(const QByteArray &channel);

    [[nodiscard]] int clientCount() const;
    [[nodiscard]] int clientCount(const QByteArray &channel) const;
    /// Clients, events and bytes per channel, as the /stats endpoint serves them.
    [[nodiscard]] QJsonObject stats() const;

    /// Sends an event to every client of `channel` now and keeps it for resume. An empty
    /// `id` takes the generator's next id (unless ids are off); an empty `type` takes the
    /// channel's (its name, or the generator's event name on the broadcast channel); `retry`
    /// adds a retry field. Returns the id used.
    QByteArray publish(const QByteArray &channel, const QByteArray &data,
            const QByteArray &type = {}, const QByteArray &id = {},
            std::optional<std::chrono::milliseconds> retry = std::nullopt);
    /// One tick of the generator on every channel, now.
    void publishTick();

Q_SIGNALS:
    void clientCountChanged(int count);
    void clientConnected(const QString &peer, const QByteArray &channel);
    void clientDisconnected(const QString &peer, const QByteArray &channel);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Sse
