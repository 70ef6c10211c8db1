// SPDX-License-Identifier: MIT
// Blocking connects, non-blocking reads on epoll: the subscribers' side of bench_publisherfanout.
#include "fanoutsubscribers.h"

#include "benchstats.h"

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Subscriber
{
    int fd = -1;
    std::int64_t events = 0;
    bool lastWasLf = false; ///< the previous read ended with an LF
};

int connectTo(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendRequest(int fd, const std::string &path)
{
    const std::string request =
            "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
    return ::send(fd, request.data(), request.size(), MSG_NOSIGNAL)
            == static_cast<ssize_t>(request.size());
}

// Counts the blank lines ("\n\n") in `bytes`: the events. CRLF chunk framing never makes one.
std::int64_t countEventEnds(Subscriber &subscriber, const char *bytes, std::size_t size)
{
    if (size == 0)
        return 0;
    std::int64_t ends = 0;
    const char *p = bytes;
    const char *end = bytes + size;
    bool endedOnPair = false; // the last byte closed a blank line already counted
    if (subscriber.lastWasLf && bytes[0] == '\n') {
        ++ends;
        ++p;
        endedOnPair = size == 1;
    }
    while (p < end) {
        const auto *lf = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
        if (!lf)
            break;
        if (lf + 1 < end && lf[1] == '\n') {
            ++ends;
            p = lf + 2;
            endedOnPair = p == end;
        } else {
            p = lf + 1;
        }
    }
    subscriber.lastWasLf = bytes[size - 1] == '\n' && !endedOnPair;
    return ends;
}

} // namespace

std::string FanoutResult::toJson() const
{
    char text[512];
    std::snprintf(text, sizeof(text),
            "{\"connected\":%d,\"complete\":%d,\"events\":%lld,\"minEvents\":%lld,"
            "\"firstToLastSeconds\":%.6f,\"cpuSeconds\":%.6f,\"timedOut\":%s}",
            connected, complete, static_cast<long long>(events), static_cast<long long>(minEvents),
            firstToLastSeconds, cpuSeconds, timedOut ? "true" : "false");
    return text;
}

FanoutResult runFanoutSubscribers(std::uint16_t port, const std::string &path, int count,
        std::int64_t expected, double timeoutSeconds)
{
    FanoutResult result;
    std::vector<Subscriber> subscribers(std::size_t(std::max(0, count)));
    const int epoll = ::epoll_create1(0);
    for (std::size_t i = 0; i < subscribers.size(); ++i) {
        Subscriber &s = subscribers[i];
        s.fd = connectTo(port);
        if (s.fd < 0 || !sendRequest(s.fd, path))
            continue;
        ::fcntl(s.fd, F_SETFL, ::fcntl(s.fd, F_GETFL) | O_NONBLOCK);
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = i;
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, s.fd, &event);
        ++result.connected;
    }
    std::printf("ready\n");
    std::fflush(stdout);

    std::vector<char> buffer(256 * 1024);
    std::vector<epoll_event> ready(256);
    Clock::time_point first{};
    Clock::time_point last = Clock::now();
    int complete = 0;
    while (complete < result.connected) {
        const int n = ::epoll_wait(epoll, ready.data(), int(ready.size()), 100);
        if (std::chrono::duration<double>(Clock::now() - last).count() > timeoutSeconds) {
            result.timedOut = true;
            break;
        }
        for (int k = 0; k < n; ++k) {
            Subscriber &s = subscribers[ready[std::size_t(k)].data.u64];
            const ssize_t got = ::recv(s.fd, buffer.data(), buffer.size(), 0);
            if (got <= 0) { // closed: the publisher dropped it, or it ended
                ::epoll_ctl(epoll, EPOLL_CTL_DEL, s.fd, nullptr);
                continue;
            }
            const std::int64_t ends = countEventEnds(s, buffer.data(), std::size_t(got));
            if (ends == 0)
                continue;
            last = Clock::now();
            if (first == Clock::time_point{})
                first = last;
            const bool wasComplete = s.events >= expected;
            s.events += ends;
            if (!wasComplete && s.events >= expected)
                ++complete;
        }
    }
    result.complete = complete;
    result.minEvents = subscribers.empty() ? 0 : expected;
    for (const Subscriber &s : subscribers) {
        result.events += s.events;
        result.minEvents = std::min(result.minEvents, s.events);
        if (s.fd >= 0)
            ::close(s.fd);
    }
    ::close(epoll);
    if (first != Clock::time_point{})
        result.firstToLastSeconds = std::chrono::duration<double>(last - first).count();
    result.cpuSeconds = BenchStats::processCpuSeconds();
    return result;
}
