// SPDX-License-Identifier: MIT
// Sse::PublisherOptions and Sse::GeneratorSettings: what the built-in test publisher serves.
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QHostAddress>

#include <chrono>
#include <optional>

namespace Sse {

/// The generator: the events the publisher makes up by itself, on every channel, and what it
/// sends each stream besides events.
struct GeneratorSettings
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

    std::chrono::milliseconds interval{1000}; ///< between generated events; zero: none
    Payload payload = Payload::ClockText;
    Ids ids = Ids::Counter;
    QByteArray eventName; ///< event type on the broadcast channel; empty: unnamed
    std::optional<std::chrono::milliseconds> retry; ///< retry field sent when a stream starts
    std::chrono::milliseconds heartbeat{15000}; ///< comment to every client this often; zero: none
    std::optional<int> limit; ///< events per connection, then the stream ends; none: no end

    [[nodiscard]] bool operator==(const GeneratorSettings &other) const;

    [[nodiscard]] bool operator!=(const GeneratorSettings &other) const
    {
        return !(*this == other);
    }
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
    /// Bytes a request's line and headers may take, blank line included: a longer request line
    /// gets 414, a longer head 431, answered as soon as the limit is passed.
    qsizetype maxRequestHeadSize = 16 * 1024;
    /// Bytes a request body may announce with Content-Length (POST /publish): more gets 413
    /// before the body is read. Request bodies without a Content-Length (chunked) get 411.
    qint64 maxRequestBodySize = 8 * 1024 * 1024;
    /// A connection that has not sent its whole request head by then gets 408 and is closed.
    std::chrono::milliseconds headTimeout{30000};
    /// A connection handed to the HTTP server (everything but streams) that neither sends nor
    /// receives anything for this long is closed.
    std::chrono::milliseconds idleTimeout{30000};
    GeneratorSettings generator;

    [[nodiscard]] bool operator==(const PublisherOptions &other) const;

    [[nodiscard]] bool operator!=(const PublisherOptions &other) const { return !(*this == other); }
};

} // namespace Sse
