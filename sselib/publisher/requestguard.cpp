// SPDX-License-Identifier: MIT
// Request body limits, lingering close and idle timeouts of the publisher's connections.
#include "requestguard_p.h"

#include "sselib/httprequesthead_p.h"
#include "sselib/logging_p.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Sse::PublisherDetail {

namespace {

// How long a closing connection may go on sending before it is cut.
constexpr int LingerMs = 2000;

// Ends the sending side once the answer is out, so that the client reads it to its end.
void shutDownWhenWritten(QTcpSocket *socket)
{
    if (socket->bytesToWrite() > 0 || socket->property("shutDown").toBool())
        return;
    socket->setProperty("shutDown", true);
#ifdef Q_OS_UNIX
    if (socket->state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#else
    socket->disconnectFromHost();
#endif
}

// Aborts `socket` when it neither sends nor receives anything for `timeout`.
void closeWhenIdle(QTcpSocket *socket, std::chrono::milliseconds timeout)
{
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    timer->setInterval(timeout);
    QObject::connect(timer, &QTimer::timeout, socket, [socket] {
        qCInfo(lcSsePublisher).noquote()
                << "closing idle connection" << socket->peerAddress().toString();
        socket->abort();
    });
    const auto restart = [timer] {
        timer->start();
    };
    QObject::connect(socket, &QIODevice::readyRead, timer, restart);
    QObject::connect(socket, &QIODevice::bytesWritten, timer, restart);
    timer->start();
}

} // namespace

BodyCheck checkHandOver(const HttpRequestHead &head, qint64 maxBodySize)
{
    if (head.header("Upgrade").toLower().contains("websocket")) {
        return {400,
                QCoreApplication::translate("Sse::Publisher",
                        "The publisher serves no WebSockets; its streams are Server-Sent Events."),
                0};
    }
    if (head.hasHeader("Transfer-Encoding")) {
        return {411,
                QCoreApplication::translate("Sse::Publisher",
                        "A request body needs a Content-Length; chunked request bodies "
                        "are not accepted."),
                0};
    }
    const QByteArrayList lengths = head.headerValues("Content-Length");
    if (lengths.isEmpty())
        return {};
    bool ok = false;
    const qint64 length = lengths.first().toLongLong(&ok);
    const bool digitsOnly = std::all_of(lengths.first().begin(), lengths.first().end(),
            [](char c) { return c >= '0' && c <= '9'; });
    if (!ok || !digitsOnly || lengths.count(lengths.first()) != lengths.size()) {
        return {400,
                QCoreApplication::translate("Sse::Publisher", "Malformed Content-Length header."),
                0};
    }
    if (length > maxBodySize) {
        return {413,
                QCoreApplication::translate(
                        "Sse::Publisher", "Request body of %1 bytes is over the limit of %2 bytes.")
                        .arg(length)
                        .arg(maxBodySize),
                0};
    }
    return {0, {}, length};
}

void closeAfterAnswer(QTcpSocket *socket)
{
    QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    const auto drop = [socket] {
        socket->skip(socket->bytesAvailable());
    };
    drop();
    QObject::connect(socket, &QIODevice::readyRead, socket, drop);
    QObject::connect(
            socket, &QIODevice::bytesWritten, socket, [socket] { shutDownWhenWritten(socket); });
    shutDownWhenWritten(socket);
    QTimer::singleShot(LingerMs, socket, [socket] { socket->abort(); });
}

void keepToOneRequest(QTcpSocket *socket, qint64 requestSize, std::chrono::milliseconds idleTimeout)
{
    if (socket->bytesAvailable() > requestSize) { // a pipelined request: dropped
        const QByteArray buffered = socket->read(socket->bytesAvailable());
        for (qint64 i = requestSize - 1; i >= 0; --i)
            socket->ungetChar(buffered.at(i));
    }
    // The HTTP server sees no more than one request's bytes at a time.
    socket->setReadBufferSize(std::max<qint64>(requestSize, 1));
    QObject::connect(socket, &QIODevice::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() > 0 || socket->property("answered").toBool())
            return;
        socket->setProperty("answered", true);
        closeAfterAnswer(socket);
    });
    closeWhenIdle(socket, idleTimeout);
}

} // namespace Sse::PublisherDetail
