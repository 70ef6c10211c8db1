// SPDX-License-Identifier: MIT
// Sse::PublisherRoutes: the publisher's QHttpServer side; internal to ssepublisher.
#pragma once

#include "publisherhttp_p.h"

#include <QHttpServer>
#include <QPointer>

#include <chrono>
#include <optional>

QT_BEGIN_NAMESPACE
class QJsonObject;
class QTcpSocket;
QT_END_NAMESPACE

namespace Sse {

namespace PublisherDetail {
class HandoffServer;

/// What the routes ask of the publisher they serve (Publisher::Private answers), so that the
/// routes need not know the publisher.
class RouteBackend
{
public:
    virtual ~RouteBackend() = default;

    [[nodiscard]] virtual QJsonObject stats() const = 0;
    [[nodiscard]] virtual bool hasChannel(const QByteArray &name) const = 0;
    /// The 404 text for an unknown channel, `what` being what was asked for.
    [[nodiscard]] virtual QByteArray unknownChannelText(const QByteArray &what) const = 0;
    /// Publishes as Publisher::publish() does; returns the id used.
    virtual QByteArray publish(const QByteArray &channel, const QByteArray &data,
            const QByteArray &type, const QByteArray &id,
            std::optional<std::chrono::milliseconds> retry) = 0;
    [[nodiscard]] virtual int clientCount(const QByteArray &channel) const = 0;
    [[nodiscard]] virtual HeaderList corsHeaders(const QByteArray &origin) const = 0;

protected:
    RouteBackend() = default;
    Q_DISABLE_COPY_MOVE(RouteBackend)
};

} // namespace PublisherDetail

/// The routes that are not streams (demo page, /stats, POST /publish, CORS preflight), served
/// by QHttpServer on the connections the publisher's front door hands over.
class PublisherRoutes final
{
    Q_DISABLE_COPY_MOVE(PublisherRoutes)

public:
    /// Routes for `backend`, which outlives this object.
    explicit PublisherRoutes(PublisherDetail::RouteBackend *backend);
    ~PublisherRoutes();

    /// The outcome of open().
    struct OpenResult
    {
        bool ok = false;
        QString error; ///< for people, in the publisher's words; empty when ok
    };

    /// Opens the internal server the front door hands connections to.
    [[nodiscard]] OpenResult open();
    /// Closes the internal server and aborts the connections it holds.
    void close();
    /// Gives a connection whose request head was only peeked at to QHttpServer.
    void hand(QTcpSocket *socket);

private:
    void setUp();
    void finishResponse(const QHttpServerRequest &request, QHttpServerResponse &response) const;

    PublisherDetail::RouteBackend *const m_backend;
    QHttpServer m_http;
    QPointer<PublisherDetail::HandoffServer> m_handoff;
};

} // namespace Sse
