// SPDX-License-Identifier: MIT
// Sse::PublisherOptions: what the built-in test publisher serves and how.
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QHostAddress>

#include <chrono>

namespace Sse {

using namespace std::chrono_literals;

/// The periodic feed the publisher generates on every channel.
struct FeedSettings
{
    enum class Payload {
        ClockText, ///< "send data: 2026-11-21 14:19:08" like the seed's Go publisher
        Json ///< {"id","type","timestamp","payload"} like the seed's Spring MessageData
    };
    enum class Ids {
        Counter, ///< 1, 2, 3, ... per channel
        Uuid, ///< random UUIDs, as in the seed
        None
    };

    std::chrono::milliseconds interval = 1000ms; ///< 0: no periodic events
    Payload payload = Payload::ClockText;
    Ids ids = Ids::Counter;
    QByteArray eventName; ///< event type on the broadcast channel; empty: unnamed
    qint64 retryMs = -1; ///< retry field sent when a stream starts; < 0: none
    std::chrono::milliseconds heartbeat = 15000ms; ///< comment to every client; 0: none
    int limit = 0; ///< events per connection, then the stream ends; 0: no end
};

/// Where the publisher listens, what it allows and how much it keeps.
struct PublisherOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); ///< loopback unless asked
    quint16 port = 0; ///< 0: a free port
    QByteArray allowOrigin = QByteArrayLiteral("*");
    bool allowCredentials = false; ///< echo the allowed Origin and allow credentials
    QByteArrayList channels = {QByteArrayLiteral("test-event")}; ///< named channels
    int historySize = 1000; ///< events kept per channel for Last-Event-ID resume
    /// Unsent bytes (socket buffer plus bytes a fault holds back) at which the next write drops
    /// the client; one event larger than this still goes out.
    qint64 maxClientBacklog = 8 * 1024 * 1024;
    FeedSettings feed;
};

} // namespace Sse
