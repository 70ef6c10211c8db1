// SPDX-License-Identifier: MIT
// Sse::CaptureProxy: listens for the app, runs a CaptureConnection per connection.
#include "captureproxy.h"

#include "captureconnection_p.h"
#include "capturecontext_p.h"
#include "captureexchange_p.h"

#include "sselib/httpurl.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Sse {

using CaptureDetail::CaptureConnection;
using CaptureDetail::CaptureExchange;

class CaptureProxy::Private
{
public:
    explicit Private(CaptureProxy *proxy)
        : q(proxy)
    { }

    void accept();
    void wire(CaptureExchange *exchange);
    void setActive(int count);

    CaptureProxy *q;
    CaptureDetail::CaptureContext context;
    QTcpServer server;
    QList<QPointer<CaptureConnection>> connections;
    QString error;
    int active = 0;
};

void CaptureProxy::Private::accept()
{
    while (QTcpSocket *socket = server.nextPendingConnection()) {
        auto *connection = new CaptureConnection(socket, &context, q);
        connections.append(connection);
        QObject::connect(connection, &CaptureConnection::exchangeCreated, q,
                [this](CaptureExchange *exchange) { wire(exchange); });
        QObject::connect(connection, &CaptureConnection::closed, q, [this, connection] {
            connections.removeAll(connection);
            connection->deleteLater();
        });
    }
}

void CaptureProxy::Private::wire(CaptureExchange *exchange)
{
    QObject::connect(
            exchange, &CaptureExchange::started, q, [this](int number, const RequestInfo &request) {
                setActive(active + 1);
                Q_EMIT q->exchangeStarted(number, request);
            });
    QObject::connect(
            exchange, &CaptureExchange::responseStarted, q, &CaptureProxy::responseStarted);
    QObject::connect(exchange, &CaptureExchange::eventCaptured, q, &CaptureProxy::eventCaptured);
    QObject::connect(
            exchange, &CaptureExchange::commentCaptured, q, &CaptureProxy::commentCaptured);
    QObject::connect(exchange, &CaptureExchange::retryCaptured, q, &CaptureProxy::retryCaptured);
    QObject::connect(exchange, &CaptureExchange::faultApplied, q, &CaptureProxy::faultApplied);
    QObject::connect(
            exchange, &CaptureExchange::ended, q, [this](int number, const CaptureEnd &end) {
                Q_EMIT q->exchangeEnded(number, end);
                setActive(active - 1);
            });
}

void CaptureProxy::Private::setActive(int count)
{
    active = count;
    Q_EMIT q->activeExchangeCountChanged(active);
}

CaptureProxy::CaptureProxy(const CaptureOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->context.options = options;
    connect(&d->server, &QTcpServer::newConnection, this, [this] { d->accept(); });
}

CaptureProxy::~CaptureProxy()
{
    close();
    // Before d goes: the connections point into it.
    qDeleteAll(findChildren<CaptureConnection *>(Qt::FindDirectChildrenOnly));
}

std::optional<QString> CaptureProxy::checkUpstream(const QUrl &url)
{
    switch (checkHttpUrl(url)) {
    case UrlCheck::Ok:
        break;
    case UrlCheck::Invalid:
        return tr("The upstream is not a valid URL: %1").arg(url.errorString());
    case UrlCheck::Relative:
    case UrlCheck::UnsupportedScheme:
        return tr("The upstream must be an http or https URL.");
    case UrlCheck::NoHost:
        return tr("The upstream URL has no host.");
    }
    if (url.hasQuery() || url.hasFragment())
        return tr("The upstream URL must not have a query or a fragment.");
    if (url.scheme() == "https"_L1 && !QSslSocket::supportsSsl())
        return tr("An https upstream needs TLS, which is not available here.");
    return std::nullopt;
}

bool CaptureProxy::listen()
{
    if (d->server.isListening())
        return true;
    if (const auto why = checkUpstream(d->context.options.upstream)) {
        d->error = *why;
        return false;
    }
    if (d->context.options.upstream.scheme() == "https"_L1) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        tls.addCaCertificates(d->context.options.trustedCertificates);
        d->context.tls = tls;
    }
    if (!d->server.listen(d->context.options.bindAddress, d->context.options.port)) {
        d->error = tr("Cannot listen on %1 port %2: %3")
                           .arg(d->context.options.bindAddress.toString())
                           .arg(d->context.options.port)
                           .arg(d->server.errorString());
        return false;
    }
    d->error.clear();
    return true;
}

void CaptureProxy::close()
{
    d->server.close();
    const QList<QPointer<CaptureConnection>> connections = std::exchange(d->connections, {});
    for (const QPointer<CaptureConnection> &connection : connections) {
        if (!connection)
            continue;
        disconnect(connection, nullptr, this, nullptr);
        connection->stop();
        connection->deleteLater();
    }
}

bool CaptureProxy::isListening() const
{
    return d->server.isListening();
}

QString CaptureProxy::errorString() const
{
    return d->error;
}

const CaptureOptions &CaptureProxy::options() const
{
    return d->context.options;
}

quint16 CaptureProxy::port() const
{
    return d->server.isListening() ? d->server.serverPort() : 0;
}

QUrl CaptureProxy::url() const
{
    if (!d->server.isListening())
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    QHostAddress address = d->server.serverAddress();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress(QHostAddress::LocalHostIPv6);
    url.setHost(address.toString());
    url.setPort(port());
    url.setPath(u"/"_s);
    return url;
}

void CaptureProxy::setRules(const QList<CaptureRule> &rules)
{
    d->context.options.rules = rules;
    const QList<CaptureExchange *> exchanges = findChildren<CaptureExchange *>();
    for (CaptureExchange *exchange : exchanges) {
        if (!exchange->isEnded())
            exchange->setRules(rules);
    }
}

QList<CaptureRule> CaptureProxy::rules() const
{
    return d->context.options.rules;
}

int CaptureProxy::activeExchangeCount() const
{
    return d->active;
}

} // namespace Sse
