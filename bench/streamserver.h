// SPDX-License-Identifier: MIT
// StreamServer: a raw TCP text/event-stream server on its own thread, paced to a fixed rate.
#pragma once

#include <QByteArray>

#include <atomic>
#include <thread>

/// Serves one client on 127.0.0.1: answers its request with a text/event-stream response and
/// writes `count` events (ids 1..count) at `rate` events per second, batched per millisecond,
/// then ends the stream. Plain blocking sockets on a std::thread, so that the server never
/// shares the event loop it measures; a slow client slows it down (TCP backpressure) and shows
/// up as a lower delivered rate, never as lost events.
class StreamServer final
{
public:
    StreamServer() = default;
    ~StreamServer();
    StreamServer(const StreamServer &) = delete;
    StreamServer &operator=(const StreamServer &) = delete;

    /// Listens on an ephemeral port of 127.0.0.1; returns the port, or 0 on failure.
    [[nodiscard]] quint16 listen();

    void start(int rate, qint64 count);

    /// Asks the thread to stop and waits for it.
    void stop();

    /// Events written to the socket so far.
    [[nodiscard]] qint64 written() const { return m_written.load(); }

    /// CPU seconds the server thread used, once it has ended (stop()): a bench subtracts them
    /// from its process's CPU time to get the client's own.
    [[nodiscard]] double cpuSeconds() const { return m_cpuSeconds.load(); }

    /// The wire form of event `n`, as the server writes it.
    [[nodiscard]] static QByteArray eventBytes(qint64 n);

private:
    void run(int rate, qint64 count);

    int m_listenFd = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_written{0};
    std::atomic<double> m_cpuSeconds{0};
};
