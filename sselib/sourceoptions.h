// SPDX-License-Identifier: MIT
// Sse::SourceOptions: how an EventSource requests its stream and when it reconnects.
#pragma once

#include "sselib/headers.h"
#include "sselib/parser.h"

#include <QByteArray>

#include <chrono>
#include <optional>

namespace Sse {

/// Reconnect behaviour beyond the standard. Everything is off by default: a default policy
/// behaves exactly like a browser's EventSource.
struct ReconnectPolicy
{
    /// "Firefox style" manual re-init: once the source has closed for good (not by close()),
    /// open a fresh connection after reinitDelay, like a page that creates a new EventSource.
    /// A fresh connection starts with the configured initial Last-Event-ID and reconnection time.
    bool manualReinit = false;
    std::chrono::milliseconds reinitDelay{5000};

    /// Obey a server's named event (default "reconnect"): drop the connection and reconnect
    /// after the delay in its data (decimal ms), or after the reconnection time.
    bool obeyReconnectEvent = false;
    QByteArray reconnectEventType = QByteArrayLiteral("reconnect");

    /// Exponential backoff: the n-th consecutive failed attempt waits
    /// min(cap, reconnection time * factor^(n-1)), varied by +-jitter (a fraction).
    /// The count restarts once a connection has stayed open for healthyAfter.
    bool backoff = false;
    double backoffFactor = 2.0;
    std::chrono::milliseconds backoffCap{60000};
    double jitter = 0.2;
    std::chrono::milliseconds healthyAfter{30000};

    /// Give up (close for good, fatal) after this many consecutive failed attempts (at least
    /// 1); nullopt: never.
    std::optional<int> maxAttempts;

    friend bool operator==(const ReconnectPolicy &a, const ReconnectPolicy &b)
    {
        return a.manualReinit == b.manualReinit && a.reinitDelay == b.reinitDelay
                && a.obeyReconnectEvent == b.obeyReconnectEvent
                && a.reconnectEventType == b.reconnectEventType && a.backoff == b.backoff
                && a.backoffFactor == b.backoffFactor && a.backoffCap == b.backoffCap
                && a.jitter == b.jitter && a.healthyAfter == b.healthyAfter
                && a.maxAttempts == b.maxAttempts;
    }

    friend bool operator!=(const ReconnectPolicy &a, const ReconnectPolicy &b) { return !(a == b); }
};

/// How an EventSource requests its stream.
struct SourceOptions
{
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body; ///< sent when non-empty (e.g. POST for LLM APIs)
    HeaderList headers; ///< extra request headers, in order
    QByteArray initialLastEventId; ///< Last-Event-ID of the very first request
    bool withCredentials = false; ///< send and store cookies and HTTP auth
    /// Off: "Accept-Encoding: identity"; on: gzip, deflate and br. A compressed body is decoded
    /// either way, as browsers do.
    bool allowCompression = false;
    bool ignoreTlsErrors = false; ///< only when the user chose so for this feed
    int maxRedirects = 20;
    bool keepRawLines = false; ///< fill Event::raw with each event's wire lines

    std::chrono::milliseconds reconnectionTime{3000}; ///< until the stream sends retry:
    /// No bytes for this long: reconnect. nullopt: off.
    std::optional<std::chrono::milliseconds> readTimeout;

    qsizetype maxLineSize = Parser::DefaultMaxLineSize;
    qsizetype maxEventSize = Parser::DefaultMaxEventSize;

    ReconnectPolicy policy;

    friend bool operator==(const SourceOptions &a, const SourceOptions &b)
    {
        return a.method == b.method && a.body == b.body && a.headers == b.headers
                && a.initialLastEventId == b.initialLastEventId
                && a.withCredentials == b.withCredentials
                && a.allowCompression == b.allowCompression
                && a.ignoreTlsErrors == b.ignoreTlsErrors && a.maxRedirects == b.maxRedirects
                && a.keepRawLines == b.keepRawLines && a.reconnectionTime == b.reconnectionTime
                && a.readTimeout == b.readTimeout && a.maxLineSize == b.maxLineSize
                && a.maxEventSize == b.maxEventSize && a.policy == b.policy;
    }

    friend bool operator!=(const SourceOptions &a, const SourceOptions &b) { return !(a == b); }
};

} // namespace Sse
