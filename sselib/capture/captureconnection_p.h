// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::CaptureConnection: one app connection to the capture proxy.
#pragma once

#include "capturecontext_p.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Sse::CaptureDetail {

class CaptureExchange;

/// Reads the requests of one app connection in turn (keep-alive) and runs an exchange for
/// each; owns the app's socket. A head must come within HeadTimeoutMs and fit in
/// HttpRequestHead::MaxSize (else 431), and be a valid HTTP/1.x head (else 400).
class CaptureConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureConnection)

public:
    static constexpr int HeadTimeoutMs = 30'000;

    /// Takes `socket` over.
    CaptureConnection(QTcpSocket *socket, CaptureContext *context, QObject *parent = nullptr);
    ~CaptureConnection() override;

    /// Ends the running exchange (Reason::Stopped) and drops the connection.
    void stop();

Q_SIGNALS:
    /// A request came; the exchange is about to start: connect to it now.
    void exchangeCreated(Sse::CaptureDetail::CaptureExchange *exchange);
    /// The connection is over; the object may be deleted.
    void closed();

private:
    void onReadyRead();
    void readHead();
    void feedExchange();
    void onExchangeEnded();
    void onDisconnected();
    void refuse(int status, const QString &why);
    void closeGracefully();

    QTcpSocket *m_socket;
    CaptureContext *m_context;
    QByteArray m_buffer; // read and not yet used: a partial head, or body bytes
    QTimer m_headTimer;
    CaptureExchange *m_exchange = nullptr;
    bool m_closing = false;
};

} // namespace Sse::CaptureDetail
