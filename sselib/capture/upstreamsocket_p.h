// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::UpstreamSocket: opens the capture proxy's connections to its upstream.
#pragma once

#include "capturecontext_p.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Sse::CaptureDetail {

/// The upstream side of an exchange: a new connection each time (no pooling), TLS verified
/// for an https upstream, and the words for what went wrong.
class UpstreamSocket final
{
    Q_DECLARE_TR_FUNCTIONS(Sse::CaptureDetail::UpstreamSocket)

public:
    /// A socket connecting to the upstream (QSslSocket with context.tls for https). What is
    /// written at once goes out once it is connected; Qt buffers at most `readBuffer` bytes of
    /// what it receives. Low delay (TCP_NODELAY) once connected.
    [[nodiscard]] static QTcpSocket *open(
            const CaptureContext &context, qint64 readBuffer, QObject *parent);
    /// Why `socket` could not connect or hand over a response, for people.
    [[nodiscard]] static QString failure(const QTcpSocket &socket, const QUrl &upstream);
    [[nodiscard]] static QString timedOut(const QUrl &upstream, int timeoutMs);

    /// scheme://host[:port], as the WHATWG serialises an origin (the default port left out).
    [[nodiscard]] static QString origin(const QUrl &url);
    /// host[:port] for a Host header.
    [[nodiscard]] static QByteArray hostField(const QUrl &url);
};

} // namespace Sse::CaptureDetail
