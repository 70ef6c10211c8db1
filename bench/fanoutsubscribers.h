// SPDX-License-Identifier: MIT
// FanoutSubscribers: many text/event-stream subscribers on one epoll thread, counting events.
#pragma once

#include <cstdint>
#include <string>

/// What the subscribers saw, for the publisher to report.
struct FanoutResult
{
    int connected = 0; ///< subscribers whose request was sent
    int complete = 0; ///< subscribers that got every expected event
    std::int64_t events = 0; ///< events received, all subscribers
    std::int64_t minEvents = 0; ///< the fewest one subscriber received
    double firstToLastSeconds = 0; ///< from the first event anywhere to the last one anywhere
    double cpuSeconds = 0; ///< this process's user + system time
    bool timedOut = false;

    [[nodiscard]] std::string toJson() const;
};

/// Connects `count` subscribers to GET `path` on 127.0.0.1:`port` (plain blocking connects,
/// then one epoll loop), counts the events each receives (a blank line ends one; the stream
/// must not send comments or retry fields) until every one has `expected` events, or
/// `timeoutSeconds` pass without an event. Prints "ready" on stdout once all are connected.
FanoutResult runFanoutSubscribers(std::uint16_t port, const std::string &path, int count,
        std::int64_t expected, double timeoutSeconds);
