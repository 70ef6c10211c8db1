// SPDX-License-Identifier: MIT
// TestSupport::TestServer: a scriptable HTTP/1.1 server on 127.0.0.1 for client tests.
#pragma once

#include "sselib/headers.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace TestSupport {

using HeaderList = Sse::HeaderList; // header-only: testsupport does not link sselib

/// One HTTP request as the server read it.
struct Request
{
    QByteArray method;
    QByteArray target; ///< path and query, as sent
    QByteArray path;
    QByteArray query; ///< without the '?'
    QByteArray version; ///< "HTTP/1.1"
    HeaderList headers; ///< in order, names as sent
    QByteArray body;
    int number = 0; ///< 1-based, per server, in order of arrival

    /// The first value of a header, compared case-insensitively; empty if absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
    /// How often a header occurs (case-insensitive name).
    [[nodiscard]] int headerCount(QByteArrayView name) const;
};

class TestServer;

/// One accepted socket carrying one request. Responses are framed by closing the connection
/// (no keep-alive): the body is raw bytes until close. The object lives as long as its server,
/// so a test may keep the pointer; after a disconnect every write is a no-op.
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    ~Connection() override;

    [[nodiscard]] const Request &request() const { return m_request; }

    [[nodiscard]] bool hasRequest() const { return m_complete; }

    /// Writes raw bytes (no-op once disconnected).
    void write(const QByteArray &bytes);
    /// Status line with the standard reason phrase, the headers and the blank line. Adds
    /// "Connection: close" unless the headers name a Connection of their own.
    void writeHead(int status, const HeaderList &headers = {});
    /// 200 with Content-Type, "Cache-Control: no-cache" and "Connection: close".
    void writeSseHead(const QByteArray &contentType = QByteArrayLiteral("text/event-stream"));
    /// 200 with Content-Type, "Transfer-Encoding: chunked" and "Cache-Control: no-cache";
    /// then send the body with writeChunk() and end it with endChunks().
    void writeChunkedSseHead(
            const QByteArray &contentType = QByteArrayLiteral("text/event-stream"));
    /// One chunk of a chunked body (nothing for empty bytes: that would end the body).
    void writeChunk(const QByteArray &bytes);
    /// The terminating zero-size chunk; the connection stays open until close().
    void endChunks();
    /// A complete response with Content-Length, then close().
    void respond(int status, const QByteArray &contentType, const QByteArray &body,
            const HeaderList &extraHeaders = {});

    /// Flushes what was written, then sends FIN.
    void close();
    /// Drops the connection at once with a TCP RST; unsent bytes are lost.
    void abort();
    [[nodiscard]] bool isOpen() const;

Q_SIGNALS:
    void disconnected();

private:
    friend class TestServer;
    Connection(QTcpSocket *socket, TestServer *server);
    void readAvailable();
    void handleDisconnected();
    bool parseHead(qsizetype headEnd, qsizetype bodyStart);

    QPointer<QTcpSocket> m_socket;
    TestServer *m_server = nullptr;
    QByteArray m_buffer;
    Request m_request;
    qsizetype m_bodyStart = -1;
    qsizetype m_contentLength = 0;
    bool m_complete = false;
    bool m_open = true;
};

/// A raw QTcpServer on 127.0.0.1 (never any other interface) with exact-path routes; opt-in
/// HTTPS (listen(TestServer::Tls)) serves the self-signed certificate in tests/data.
///
/// Beware when counting requests: Qt 6.4's QNetworkAccessManager at times re-sends a GET by
/// itself (a new connection, the same request, the answer thrown away) after a response that
/// ended by connection close without Content-Length or chunked framing. Chunked framing
/// (Connection::writeChunkedSseHead) and Content-Length responses do not trigger it.
class TestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestServer)

public:
    /// Called once a request's head and its Content-Length body have arrived.
    using Handler = std::function<void(TestSupport::Connection *)>;

    /// Plain HTTP, or HTTPS with the self-signed certificate for 127.0.0.1 from tests/data
    /// (testserver-cert.pem, testserver-key.pem), which no client trusts by default.
    enum Transport {
        Plain,
        Tls
    };

    explicit TestServer(QObject *parent = nullptr);
    ~TestServer() override;

    /// Listens on 127.0.0.1, on a free port.
    [[nodiscard]] bool listen();
    /// The same over the given transport. False (see errorString()) when TLS is unavailable or
    /// the certificate cannot be loaded, or when already listening over the other transport.
    [[nodiscard]] bool listen(Transport transport);
    /// Stops accepting; open connections stay. The port then refuses connections.
    void stopListening();
    [[nodiscard]] bool isListening() const;

    [[nodiscard]] quint16 port() const { return m_port; }

    [[nodiscard]] Transport transport() const { return m_transport; }

    /// Why the last listen() failed.
    [[nodiscard]] QString errorString() const { return m_errorString; }

    /// http://127.0.0.1:PORT/path (https with Tls; path may carry a query: "/a?b=c").
    [[nodiscard]] QUrl url(const QString &path) const;
    /// scheme://host:port, as the WHATWG serialises an origin.
    [[nodiscard]] QString origin() const;

    /// Exact path match, query ignored; replaces an earlier handler for the path. Requests to
    /// a path without a route get 404 text/plain.
    void route(const QByteArray &path, Handler handler);

    [[nodiscard]] QList<Request> requests() const { return m_requests; }

    [[nodiscard]] QList<Request> requests(const QByteArray &path) const;

    [[nodiscard]] int requestCount() const { return int(m_requests.size()); }

    [[nodiscard]] int requestCount(const QByteArray &path) const;
    /// The last request to path; a default Request if none.
    [[nodiscard]] Request lastRequest(const QByteArray &path) const;

    /// Sockets accepted and not yet disconnected (with or without a complete request).
    [[nodiscard]] int openConnections() const;
    /// Still open connections whose request was for path, oldest first.
    [[nodiscard]] QList<Connection *> connections(const QByteArray &path) const;
    /// Every connection with a complete request, open or not, oldest first.
    [[nodiscard]] QList<Connection *> allConnections() const;

    /// TCP connections accepted so far, including TLS ones whose handshake failed (these never
    /// become a Connection, so they show up nowhere else).
    [[nodiscard]] int acceptedSockets() const { return m_acceptedSockets; }

    /// With Tls: what went wrong in failed handshakes, as the server saw it, oldest first.
    [[nodiscard]] QStringList tlsErrors() const { return m_tlsErrors; }

    /// Non-empty (plain transport only): every socket accepted from now on gets these bytes at
    /// once and nothing more (no request is read, the client is to hang up). A server that is
    /// not what the client expects: plain HTTP answering a TLS client, or garbage.
    void setGreeting(const QByteArray &bytes) { m_greeting = bytes; }

    /// Writes bytes to every open connection of path; returns how many got them.
    int broadcast(const QByteArray &path, const QByteArray &bytes);
    /// close() (FIN) on every open connection of path; returns how many.
    int closeConnections(const QByteArray &path);
    /// abort() (RST) on every open connection; returns how many.
    int abortAll();

Q_SIGNALS:
    void requestReceived(const TestSupport::Request &request);
    /// A TCP connection came in (with Tls: before the handshake).
    void socketAccepted();

private:
    friend class Connection;
    void createServer(Transport transport);
    void acceptPending();
    void dispatch(Connection *connection);

    QTcpServer *m_tcpServer = nullptr;
    Transport m_transport = Plain;
    quint16 m_port = 0;
    int m_acceptedSockets = 0;
    QString m_errorString;
    QStringList m_tlsErrors;
    QByteArray m_greeting;
    QHash<QByteArray, Handler> m_routes;
    QList<Request> m_requests;
    QList<QPointer<Connection>> m_connections;
};

/// Handlers for common cases.
namespace Handlers {

/// 200 text/event-stream, the body, then close (the stream ends).
TestServer::Handler sseBody(const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("text/event-stream"));
/// 200 text/event-stream and the initial bytes, then keeps the stream open; push more with
/// TestServer::broadcast() or Connection::write().
TestServer::Handler sseHold(const QByteArray &initial = {},
        const QByteArray &contentType = QByteArrayLiteral("text/event-stream"));
/// A complete response with Content-Length, then close.
TestServer::Handler status(int status,
        const QByteArray &contentType = QByteArrayLiteral("text/plain"),
        const QByteArray &body = {}, const HeaderList &extraHeaders = {});
/// A redirect to location (absolute or relative), then close.
TestServer::Handler redirect(int status, const QByteArray &location);
/// Accepts the request and never answers (until the test closes the connection).
TestServer::Handler hang();

} // namespace Handlers

/// The standard reason phrase of an HTTP status ("Not Found"); "Unknown" for others.
[[nodiscard]] QByteArray reasonPhrase(int status);

/// The path of a file in tests/data: under $SSEDASH_TEST_DATA (set by ctest) when the file is
/// there, else in the source tree this was built from (running a test binary by hand).
[[nodiscard]] QString testDataFile(const QString &name);

} // namespace TestSupport

Q_DECLARE_METATYPE(TestSupport::Request)
