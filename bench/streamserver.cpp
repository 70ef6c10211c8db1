// SPDX-License-Identifier: MIT
// Blocking POSIX sockets: one accept, one request head, then paced writes until done.
#include "streamserver.h"

#include "benchstats.h"

#include <QString>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int PollMs = 100;

// Waits until `fd` is readable; false on timeout (in steps of PollMs) or when asked to stop.
bool waitReadable(int fd, const std::atomic<bool> &stop, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs && !stop.load(); waited += PollMs) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, PollMs) > 0)
            return true;
    }
    return false;
}

bool writeAll(int fd, const QByteArray &bytes, const std::atomic<bool> &stop)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        if (stop.load())
            return false;
        const ssize_t n = ::send(fd, bytes.constData() + done,
                static_cast<size_t>(bytes.size() - done), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

StreamServer::~StreamServer()
{
    stop();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

quint16 StreamServer::listen()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listenFd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0
            || ::listen(m_listenFd, 1) != 0
            || ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return 0;
    return ntohs(address.sin_port);
}

void StreamServer::start(int rate, qint64 count)
{
    m_thread = std::thread([this, rate, count] {
        run(rate, count);
        m_cpuSeconds = BenchStats::threadCpuSeconds();
    });
}

void StreamServer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

QByteArray StreamServer::eventBytes(qint64 n)
{
    const QByteArray number = QByteArray::number(n);
    return "id: "_ba + number + "\nevent: tick\ndata: {\"n\":"_ba + number
            + ",\"symbol\":\"ACME\",\"price\":101.25,\"note\":\"a typical small JSON payload\"}"
              "\n\n"_ba;
}

void StreamServer::run(int rate, qint64 count)
{
    if (!waitReadable(m_listenFd, m_stop, 30000))
        return;
    const int fd = ::accept(m_listenFd, nullptr, nullptr);
    if (fd < 0)
        return;
    // The request head; its content does not matter.
    QByteArray request;
    char buffer[4096];
    while (!request.contains("\r\n\r\n") && waitReadable(fd, m_stop, 10000)) {
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0)
            break;
        request.append(buffer, n);
    }
    // A long retry: the client must not reconnect while the run winds down.
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                            "Cache-Control: no-cache\r\nConnection: close\r\n\r\n"
                            "retry: 600000\n\n"_ba;
    bool ok = request.contains("\r\n\r\n") && writeAll(fd, head, m_stop);

    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    qint64 sent = 0;
    QByteArray chunk;
    while (ok && sent < count) {
        const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
        const qint64 due = std::min(count, static_cast<qint64>(elapsed * rate) + 1);
        if (due <= sent) {
            // Until the next event is due, at least a millisecond: slow streams (many servers
            // at a few hundred events per second) must not wake up a thousand times a second.
            const double wait = double(sent) / rate - elapsed;
            std::this_thread::sleep_for(std::chrono::microseconds(
                    std::max<qint64>(1000, static_cast<qint64>(wait * 1e6))));
            continue;
        }
        chunk.clear();
        for (qint64 n = sent + 1; n <= due; ++n)
            chunk += eventBytes(n);
        ok = writeAll(fd, chunk, m_stop);
        if (ok) {
            sent = due;
            m_written = sent;
        }
    }
    // End the stream gracefully: FIN, then wait for the client to close, so no byte is lost
    // to a reset.
    ::shutdown(fd, SHUT_WR);
    while (waitReadable(fd, m_stop, 30000)) {
        if (::recv(fd, buffer, sizeof(buffer), 0) <= 0)
            break;
    }
    ::close(fd);
}
