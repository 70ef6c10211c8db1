// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::UpstreamSocket: QTcpSocket or QSslSocket to the upstream, and its failures.
#include "upstreamsocket_p.h"

#include <QSslSocket>
#include <QStringList>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Sse::CaptureDetail {

namespace {

bool isTls(const QUrl &url)
{
    return url.scheme() == "https"_L1;
}

} // namespace

QTcpSocket *UpstreamSocket::open(const CaptureContext &context, qint64 readBuffer, QObject *parent)
{
    const QUrl &upstream = context.options.upstream;
    const quint16 port = quint16(upstream.port(isTls(upstream) ? 443 : 80));
    QTcpSocket *socket = nullptr;
    if (isTls(upstream)) {
        auto *tls = new QSslSocket(parent);
        tls->setSslConfiguration(context.tls);
        socket = tls;
    } else {
        socket = new QTcpSocket(parent);
    }
    socket->setReadBufferSize(readBuffer);
    QObject::connect(socket, &QTcpSocket::connected, socket,
            [socket] { socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        tls->connectToHostEncrypted(upstream.host(), port);
    else
        socket->connectToHost(upstream.host(), port);
    return socket;
}

QString UpstreamSocket::failure(const QTcpSocket &socket, const QUrl &upstream)
{
    const QString host = QString::fromUtf8(hostField(upstream));
    switch (socket.error()) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("The upstream %1 refused the connection.").arg(host);
    case QAbstractSocket::HostNotFoundError:
        return tr("The upstream host %1 was not found.").arg(host);
    case QAbstractSocket::SslHandshakeFailedError:
        if (const auto *tls = qobject_cast<const QSslSocket *>(&socket)) {
            QStringList errors;
            const QList<QSslError> handshakeErrors = tls->sslHandshakeErrors();
            for (const QSslError &error : handshakeErrors)
                errors.append(error.errorString());
            if (!errors.isEmpty())
                return tr("The upstream %1 is not trusted: %2").arg(host, errors.join(u"; "_s));
        }
        return tr("The TLS handshake with the upstream %1 failed: %2")
                .arg(host, socket.errorString());
    default:
        return tr("Cannot reach the upstream %1: %2").arg(host, socket.errorString());
    }
}

QString UpstreamSocket::timedOut(const QUrl &upstream, int timeoutMs)
{
    return tr("The upstream %1 did not accept the connection within %2 seconds.")
            .arg(QString::fromUtf8(hostField(upstream)))
            .arg(timeoutMs / 1000);
}

QString UpstreamSocket::origin(const QUrl &url)
{
    QUrl origin = url.adjusted(
            QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    if (origin.port() == (isTls(url) ? 443 : 80))
        origin.setPort(-1);
    return origin.toString();
}

QByteArray UpstreamSocket::hostField(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo).authority(QUrl::FullyEncoded).toUtf8();
}

} // namespace Sse::CaptureDetail
