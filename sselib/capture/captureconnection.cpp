// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::CaptureConnection: request heads, keep-alive and the end of a connection.
#include "bodyreader_p.h"
#include "captureconnection_p.h"
#include "captureexchange_p.h"
#include "httpforward_p.h"

#include "sselib/httprequesthead_p.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Sse::CaptureDetail {

namespace {

// The request's body framing (RFC 9112 6.3); false for one a proxy must refuse: a
// Transfer-Encoding other than chunked, or one beside a Content-Length, or a broken length.
bool requestBody(const HttpRequestHead &head, BodyReader &body)
{
    if (head.hasHeader("Transfer-Encoding")) {
        const QByteArrayList codings = head.headerValues("Transfer-Encoding");
        if (head.hasHeader("Content-Length") || codings.size() != 1
                || codings.first().compare("chunked", Qt::CaseInsensitive) != 0)
            return false;
        body = BodyReader(BodyReader::Framing::Chunked);
        return true;
    }
    const QByteArrayList lengths = head.headerValues("Content-Length");
    if (lengths.isEmpty()) {
        body = BodyReader(BodyReader::Framing::None);
        return true;
    }
    bool ok = false;
    const qint64 length = lengths.first().toLongLong(&ok);
    for (const QByteArray &other : lengths)
        ok = ok && other == lengths.first() && !other.startsWith('+');
    if (!ok || length < 0)
        return false;
    body = BodyReader(BodyReader::Framing::Length, length);
    return true;
}

} // namespace

CaptureConnection::CaptureConnection(QTcpSocket *socket, CaptureContext *context, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_context(context)
    , m_headTimer(this)
{
    m_socket->setParent(this);
    m_headTimer.setObjectName(u"headTimer"_s); // a test shortens it
    m_socket->setReadBufferSize(CaptureExchange::SocketReadBuffer);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_headTimer.setSingleShot(true);
    m_headTimer.setInterval(HeadTimeoutMs);
    connect(&m_headTimer, &QTimer::timeout, this, &CaptureConnection::closeGracefully);
    connect(m_socket, &QTcpSocket::readyRead, this, &CaptureConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &CaptureConnection::onDisconnected);
    m_headTimer.start();
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        QMetaObject::invokeMethod(this, &CaptureConnection::onDisconnected, Qt::QueuedConnection);
    else if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &CaptureConnection::onReadyRead, Qt::QueuedConnection);
}

CaptureConnection::~CaptureConnection() = default;

void CaptureConnection::stop()
{
    m_closing = true;
    if (m_exchange)
        m_exchange->stop();
    m_socket->abort();
}

void CaptureConnection::onReadyRead()
{
    if (m_closing)
        return;
    if (m_exchange)
        feedExchange();
    else
        readHead();
}

void CaptureConnection::readHead()
{
    if (m_closing || m_exchange)
        return;
    const qint64 room = HttpRequestHead::MaxSize + 1 - m_buffer.size();
    if (room > 0)
        m_buffer.append(m_socket->read(room));
    if (m_buffer.isEmpty())
        return;
    HttpRequestHead head;
    switch (HttpRequestHead::parse(m_buffer, head)) {
    case HttpRequestHead::Status::Incomplete:
        if (!m_headTimer.isActive())
            m_headTimer.start();
        return;
    case HttpRequestHead::Status::Invalid:
        refuse(400, tr("The request is not a valid HTTP/1.x request."));
        return;
    case HttpRequestHead::Status::LineTooLong:
    case HttpRequestHead::Status::TooLarge:
        refuse(431, tr("The request head is larger than 16 KiB."));
        return;
    case HttpRequestHead::Status::Complete:
        break;
    }
    m_headTimer.stop();
    m_buffer.remove(0, head.size);
    BodyReader body;
    if (!requestBody(head, body)) {
        refuse(400, tr("The request's body framing is not valid."));
        return;
    }
    m_exchange =
            new CaptureExchange(m_context, ++m_context->lastExchange, head, body, m_socket, this);
    connect(m_exchange, &CaptureExchange::ended, this, &CaptureConnection::onExchangeEnded,
            Qt::QueuedConnection);
    connect(m_exchange, &CaptureExchange::requestBytesWanted, this,
            &CaptureConnection::feedExchange);
    Q_EMIT exchangeCreated(m_exchange);
    m_exchange->start();
    feedExchange();
}

void CaptureConnection::feedExchange()
{
    // Bounded: each turn either takes bytes from m_buffer or reads new ones, and stops when
    // the socket has none.
    while (m_exchange && m_exchange->wantsRequestBytes()) {
        if (m_buffer.isEmpty())
            m_buffer = m_socket->read(CaptureExchange::SocketReadBuffer);
        if (m_buffer.isEmpty())
            return;
        m_exchange->pushRequestBytes(m_buffer);
    }
}

void CaptureConnection::onExchangeEnded()
{
    if (!m_exchange)
        return;
    const bool keep = m_exchange->keepsConnection() && !m_closing;
    m_exchange->deleteLater();
    m_exchange = nullptr;
    if (!keep) {
        closeGracefully();
        return;
    }
    m_headTimer.start();
    readHead();
}

void CaptureConnection::onDisconnected()
{
    m_closing = true;
    m_headTimer.stop();
    if (m_exchange && !m_exchange->isEnded())
        m_exchange->clientClosed();
    Q_EMIT closed();
}

void CaptureConnection::refuse(int status, const QString &why)
{
    m_closing = true;
    m_headTimer.stop();
    m_socket->write(plainResponse(status, why));
    closeGracefully();
}

void CaptureConnection::closeGracefully()
{
    m_closing = true;
    m_headTimer.stop();
    // Sends what is written, then FIN; disconnected() follows and ends the connection. An app
    // that reads nothing more would keep it (and what waits for it) forever: it gets as long
    // as for a head.
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        QTimer::singleShot(HeadTimeoutMs, m_socket, &QTcpSocket::abort);
}

} // namespace Sse::CaptureDetail
