// SPDX-License-Identifier: MIT
// The publisher's QHttpServer routes and the hand-off of connections from the front door.
#include "publisherroutes_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace PublisherDetail {

/// Hands sockets that the front door has already accepted to QHttpServer.
class HandoffServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

    void hand(QTcpSocket *socket)
    {
        socket->setParent(this);
        addPendingConnection(socket);
        Q_EMIT newConnection();
        // The request bytes were only peeked at: let the server see them.
        QTimer::singleShot(0, socket, [socket] { Q_EMIT socket->readyRead(); });
    }
};

} // namespace PublisherDetail

namespace {

using PublisherDetail::HeaderList;

// QHttpServer's request and response header API changed in Qt 6.8 (QHttpHeaders).
QByteArray requestHeader(const QHttpServerRequest &request, const QByteArray &name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return request.headers().value(name).toByteArray();
#else
    return request.value(name);
#endif
}

void addHeaders(QHttpServerResponse &response, const HeaderList &headers)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders all = response.headers();
    for (const auto &[name, value] : headers)
        all.append(name, value);
    response.setHeaders(std::move(all));
#else
    for (const auto &[name, value] : headers)
        response.addHeader(name, value);
#endif
}

bool hasHeader(const QHttpServerResponse &response, const QByteArray &name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return response.headers().contains(name);
#else
    return response.hasHeader(name);
#endif
}

void setConnectionClose(QHttpServerResponse &response)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders all = response.headers();
    all.replaceOrAppend(QHttpHeaders::WellKnownHeader::Connection, "close");
    response.setHeaders(std::move(all));
#else
    response.setHeader("Connection", "close");
#endif
}

} // namespace

PublisherRoutes::PublisherRoutes(PublisherDetail::RouteBackend *backend)
    : m_backend(backend)
{
    setUp();
}

PublisherRoutes::~PublisherRoutes() = default;

void PublisherRoutes::setUp()
{
    m_http.route(u"/"_s, QHttpServerRequest::Method::Get, [] {
        QFile page(u":/ssedash/publisher/index.html"_s);
        if (!page.open(QIODevice::ReadOnly))
            return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
        return QHttpServerResponse("text/html; charset=utf-8", page.readAll());
    });
    m_http.route(u"/stats"_s, QHttpServerRequest::Method::Get,
            [this] { return QHttpServerResponse(m_backend->stats()); });
    m_http.route(u"/publish"_s, QHttpServerRequest::Method::Post,
            [this](const QHttpServerRequest &request) {
                const QUrlQuery query = request.query();
                const auto item = [&query](const QString &key) {
                    return query.queryItemValue(key, QUrl::FullyDecoded).toUtf8();
                };
                const QByteArray name = item(u"channel"_s);
                if (!m_backend->hasChannel(name)) {
                    return QHttpServerResponse("text/plain; charset=utf-8",
                            m_backend->unknownChannelText("\"" + name + "\""),
                            QHttpServerResponder::StatusCode::NotFound);
                }
                bool retryOk = false;
                const qint64 retry = item(u"retry"_s).toLongLong(&retryOk);
                // As before the optional: a negative retry sends no retry field.
                const auto retryField = retryOk && retry >= 0
                        ? std::optional(std::chrono::milliseconds(retry))
                        : std::nullopt;
                const QByteArray id = m_backend->publish(
                        name, request.body(), item(u"event"_s), item(u"id"_s), retryField);
                return QHttpServerResponse(QJsonObject{{u"id"_s, QString::fromUtf8(id)},
                        {u"clients"_s, m_backend->clientCount(name)}});
            });
    const auto preflight = [this](const QHttpServerRequest &request) {
        QHttpServerResponse response(QHttpServerResponder::StatusCode::NoContent);
        const QByteArray asked = requestHeader(request, "Access-Control-Request-Headers");
        addHeaders(response, m_backend->corsHeaders(requestHeader(request, "Origin")));
        addHeaders(response,
                {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                        {"Access-Control-Allow-Headers",
                                asked.isEmpty() ? "Last-Event-ID, Cache-Control, Content-Type"
                                                : asked},
                        {"Access-Control-Max-Age", "600"}});
        return response;
    };
    for (const QString &path : {u"/events"_s, u"/publish"_s, u"/stats"_s,
                 QString::fromLatin1(PublisherDetail::LlmPath)})
        m_http.route(path, QHttpServerRequest::Method::Options, preflight);
    m_http.route(u"/events/<arg>"_s, QHttpServerRequest::Method::Options,
            [preflight](const QString &, const QHttpServerRequest &request) {
                return preflight(request);
            });
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    m_http.addAfterRequestHandler(
            &m_http, [this](const QHttpServerRequest &request, QHttpServerResponse &response) {
                finishResponse(request, response);
            });
#else
    m_http.afterRequest([this](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        finishResponse(request, response);
        return std::move(response);
    });
#endif
}

void PublisherRoutes::finishResponse(
        const QHttpServerRequest &request, QHttpServerResponse &response) const
{
    // One request per connection: a browser that reuses a kept-alive connection for its
    // EventSource must come back through the front door, where streams are routed.
    setConnectionClose(response);
    if (!hasHeader(response, "Access-Control-Allow-Origin"))
        addHeaders(response, m_backend->corsHeaders(requestHeader(request, "Origin")));
}

// QHttpServer only ever sees sockets handed over by the front door; its own listening server
// stays on loopback, as Qt 6.8's bind() wants one that listens.
PublisherRoutes::OpenResult PublisherRoutes::open()
{
    if (m_handoff && m_handoff->isListening())
        return {true, {}};
    const bool bound = !m_handoff.isNull();
    if (!bound)
        m_handoff = new PublisherDetail::HandoffServer(&m_http);
    if (!m_handoff->listen(QHostAddress::LocalHost, 0)) {
        // The publisher's messages, in its translation context.
        return {false,
                QCoreApplication::translate(
                        "Sse::Publisher", "Cannot open the internal HTTP server: %1")
                        .arg(m_handoff->errorString())};
    }
    if (bound)
        return {true, {}};
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!m_http.bind(m_handoff)) {
        return {false,
                QCoreApplication::translate(
                        "Sse::Publisher", "Cannot bind the internal HTTP server.")};
    }
#else
    m_http.bind(m_handoff);
#endif
    return {true, {}};
}

void PublisherRoutes::close()
{
    if (m_handoff) {
        m_handoff->close();
        PublisherDetail::abortSockets(m_handoff);
    }
}

void PublisherRoutes::hand(QTcpSocket *socket)
{
    m_handoff->hand(socket);
}

} // namespace Sse
