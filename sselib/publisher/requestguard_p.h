// SPDX-License-Identifier: MIT
// The front door's limits on requests and connections; internal to ssepublisher.
#pragma once

#include <QString>

#include <chrono>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Sse {

struct HttpRequestHead;

namespace PublisherDetail {

/// A request body's announced size, or why the request is answered with an error instead.
struct BodyCheck
{
    int status = 0; ///< 0: the body may come
    QString text; ///< for people, the plain-text body of the answer; empty when status is 0
    qint64 length = 0; ///< the Content-Length; 0 without one
};

/// Refuses what Qt 6.4's QHttpServer mishandles in a request handed to it: a body it would
/// buffer beyond `maxBodySize` before anyone could look at it (413 for a larger Content-Length,
/// 411 for a body without one, i.e. Transfer-Encoding, 400 for a malformed or ambiguous
/// Content-Length), and a WebSocket upgrade (400; it would answer twice).
[[nodiscard]] BodyCheck checkHandOver(const HttpRequestHead &head, qint64 maxBodySize);

/// Closes `socket` once its answer is written, reading and dropping what the client still
/// sends meanwhile: closing with unread input would reset the connection, which can destroy
/// the answer before the client reads it. A client that goes on sending is cut after a while.
void closeAfterAnswer(QTcpSocket *socket);

/// Holds a connection handed to the HTTP server to the one request of `requestSize` bytes the
/// front door checked: buffered bytes after it are dropped, and the connection closes once the
/// answer is written. (Qt 6.4's QHttpServer keeps connections alive whatever its answer says,
/// and would serve further requests that no one checked.) Also closes it when idle.
void keepToOneRequest(
        QTcpSocket *socket, qint64 requestSize, std::chrono::milliseconds idleTimeout);

} // namespace PublisherDetail

} // namespace Sse
