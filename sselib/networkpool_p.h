// SPDX-License-Identifier: MIT
// Sse::NetworkPool: network access managers for long-lived streams.
#pragma once

#include <QList>
#include <QObject>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkCookieJar;
QT_END_NAMESPACE

namespace Sse {

/// Hands out QNetworkAccessManagers so that no manager carries more than StreamsPerManager
/// streams: a manager opens at most 6 HTTP/1.1 connections per host and queues the rest, which
/// would stall every stream beyond the sixth. All managers share one cookie jar.
class NetworkPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkPool)

public:
    static constexpr int StreamsPerManager = 6;

    /// Whether a stream verifies TLS certificates. Streams of the two kinds never share a
    /// manager: QNetworkReply::ignoreSslErrors() makes every connection of the manager's to
    /// that host ignore them (Qt's HTTP connection applies it to all its channels), so one
    /// feed's choice would carry over to another feed of the same host.
    enum class Tls {
        Verify,
        IgnoreErrors
    };
    Q_ENUM(Tls)

    explicit NetworkPool(QObject *parent = nullptr);
    ~NetworkPool() override;

    /// The pool of the application's main thread, created on first use.
    [[nodiscard]] static NetworkPool *instance();

    /// A manager with room for one more stream of that kind.
    [[nodiscard]] QNetworkAccessManager *acquire(Tls tls = Tls::Verify);
    void release(QNetworkAccessManager *manager);

    [[nodiscard]] int managerCount() const { return int(m_slots.size()); }

    [[nodiscard]] QNetworkCookieJar *cookieJar() const { return m_cookieJar; }

private:
    struct Slot
    {
        QNetworkAccessManager *manager = nullptr;
        int streams = 0;
        Tls tls = Tls::Verify;
    };

    QList<Slot> m_slots;
    QNetworkCookieJar *m_cookieJar = nullptr;
};

} // namespace Sse
