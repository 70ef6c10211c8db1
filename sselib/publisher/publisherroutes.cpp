// SPDX-License-Identifier: MIT
// The publisher's QHttpServer routes and the hand-off of connections from the front door.
#include "publisher.h"
#include "publisher_p.h"
#include "publisherroutes_p.h"

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

PublisherRoutes::PublisherRoutes(Publisher *publisher)
    : m_publisher(publisher)
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
            [this] { return QHttpServerResponse(m_publisher->stats()); });
    m_http.route(u"/publish"_s, QHttpServerRequest::Method::Post,
            [this](const QHttpServerRequest &request) {
                const QUrlQuery query = request.query();
                const auto item = [&query](const QString &key) {
                    return query.queryItemValue(key, QUrl::FullyDecoded).toUtf8();
                };
                const QByteArray name = item(u"channel"_s);
                const QByteArrayList channels = m_publisher->channels();
                if (!channels.contains(name)) {
                    return QHttpServerResponse("text/plain; charset=utf-8",
                            PublisherDetail::unknownChannelText(channels, "\"" + name + "\""),
                            QHttpServerResponder::StatusCode::NotFound);
                }
                bool retryOk = false;
                const qint64 retry = item(u"retry"_s).toLongLong(&retryOk);
                const QByteArray id = m_publisher->publish(name, request.body(), item(u"event"_s),
                        item(u"id"_s), retryOk ? retry : -1);
                return QHttpServerResponse(QJsonObject{{u"id"_s, QString::fromUtf8(id)},
                        {u"clients"_s, m_publisher->clientCount(name)}});
            });
    const auto preflight = [this](const QHttpServerRequest &request) {
        QHttpServerResponse response(QHttpServerResponder::StatusCode::NoContent);
        const QByteArray asked = requestHeader(request, "Access-Control-Request-Headers");
        addHeaders(response,
                PublisherDetail::corsHeaders(
                        m_publisher->options(), requestHeader(request, "Origin")));
        addHeaders(response,
                {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                        {"Access-Control-Allow-Headers",
                                asked.isEmpty() ? "Last-Event-ID, Cache-Control, Content-Type"
                                                : asked},
                        {"Access-Control-Max-Age", "600"}});
        return response;
    };
    for (const QString &path : {u"/events"_s, u"/publish"_s, u"/stats"_s, u"/llm"_s})
        m_http.route(path, QHttpServerRequest::Method::Options, preflight);
    m_http.route(u"/events/<arg>"_s, QHttpServerRequest::Method::Options,
            [preflight](const QString &, const QHttpServerRequest &request) {
                return preflight(request);
            });
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    m_http.addAfterRequestHandler(
            m_publisher, [this](const QHttpServerRequest &request, QHttpServerResponse &response) {
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
    if (!hasHeader(response, "Access-Control-Allow-Origin")) {
        addHeaders(response,
                PublisherDetail::corsHeaders(
                        m_publisher->options(), requestHeader(request, "Origin")));
    }
}

// QHttpServer only ever sees sockets handed over by the front door; its own listening server
// stays on loopback, as Qt 6.8's bind() wants one that listens.
bool PublisherRoutes::open(QString *error)
{
    if (m_handoff && m_handoff->isListening())
        return true;
    const bool bound = !m_handoff.isNull();
    if (!bound)
        m_handoff = new PublisherDetail::HandoffServer(&m_http);
    if (!m_handoff->listen(QHostAddress::LocalHost, 0)) {
        *error = Publisher::tr("Cannot open the internal HTTP server: %1")
                         .arg(m_handoff->errorString());
        return false;
    }
    if (bound)
        return true;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!m_http.bind(m_handoff)) {
        *error = Publisher::tr("Cannot bind the internal HTTP server.");
        return false;
    }
#else
    m_http.bind(m_handoff);
#endif
    return true;
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
