// SPDX-License-Identifier: MIT
// Sse::PublisherRoutes: the publisher's QHttpServer side; internal to ssepublisher.
#pragma once

#include <QHttpServer>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Sse {

class Publisher;

namespace PublisherDetail {
class HandoffServer;
} // namespace PublisherDetail

/// The routes that are not streams (demo page, /stats, POST /publish, CORS preflight), served
/// by QHttpServer on the connections the publisher's front door hands over.
class PublisherRoutes final
{
    Q_DISABLE_COPY_MOVE(PublisherRoutes)

public:
    /// Routes for `publisher`, which outlives this object.
    explicit PublisherRoutes(Publisher *publisher);
    ~PublisherRoutes();

    /// Opens the internal server the front door hands connections to; false and `error` set
    /// when it cannot.
    [[nodiscard]] bool open(QString *error);
    /// Closes the internal server and aborts the connections it holds.
    void close();
    /// Gives a connection whose request head was only peeked at to QHttpServer.
    void hand(QTcpSocket *socket);

private:
    void setUp();
    void finishResponse(const QHttpServerRequest &request, QHttpServerResponse &response) const;

    Publisher *const m_publisher;
    QHttpServer m_http;
    QPointer<PublisherDetail::HandoffServer> m_handoff;
};

} // namespace Sse
