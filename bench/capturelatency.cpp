// SPDX-License-Identifier: MIT
// bench_capturelatency: what Sse::CaptureProxy adds per chunk on loopback, its throughput, and
// 200 concurrent streams through one proxy (memory, events lost).
#include "tests/support/heapusage.h"
#include "tests/support/procstats.h"

#include "sselib/capture/captureproxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h> // malloc_trim()
#endif

using namespace Qt::Literals::StringLiterals;
namespace ProcStats = TestSupport::ProcStats;

namespace {

/// How long the concurrent streams' sockets get to be deleted after they closed.
constexpr int SettleMs = 2000;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

struct Options
{
    int chunks = 2000; ///< latency: chunks (one small event each)
    int intervalMs = 2; ///< latency: between chunks
    int bigEvents = 256; ///< throughput: events
    int bigKiB = 1024; ///< throughput: size of each
    int streams = 200; ///< concurrency: streams at once through the proxy
    int streamEvents = 200; ///< concurrency: events per stream
    int streamIntervalMs = 10; ///< concurrency: between a stream's events
    int rounds = 2; ///< concurrency: runs of all streams (the first warms up)
};

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Measures Sse::CaptureProxy on loopback: the latency it adds per chunk (an upstream "
            "writes each chunk to a direct and a proxied connection at once; the client notes "
            "when each arrives), the throughput for big events direct and through it, and N "
            "concurrent streams through it (RSS, events lost). The upstream, the proxy and the "
            "clients each run on a thread of their own. Exit code 1: an event was lost or "
            "reordered, or a run did not finish."_s);
    parser.addHelpOption();
    const std::vector<std::pair<QCommandLineOption, int Options::*>> numbers{
            {{u"chunks"_s, u"Latency: chunks, one event each."_s, u"n"_s}, &Options::chunks},
            {{u"interval"_s, u"Latency: ms between chunks."_s, u"ms"_s}, &Options::intervalMs},
            {{u"big-events"_s, u"Throughput: events."_s, u"n"_s}, &Options::bigEvents},
            {{u"big-kib"_s, u"Throughput: KiB per event."_s, u"KiB"_s}, &Options::bigKiB},
            {{u"streams"_s, u"Concurrent streams through the proxy."_s, u"n"_s}, &Options::streams},
            {{u"stream-events"_s, u"Events per concurrent stream."_s, u"n"_s},
                    &Options::streamEvents},
            {{u"stream-interval"_s, u"ms between a concurrent stream's events."_s, u"ms"_s},
                    &Options::streamIntervalMs},
            {{u"rounds"_s, u"Runs of the concurrent streams."_s, u"n"_s}, &Options::rounds},
    };
    for (const auto &[option, field] : numbers)
        parser.addOption(option);
    parser.process(app);
    Options options;
    for (const auto &[option, field] : numbers) {
        if (parser.isSet(option))
            options.*field = std::max(1, parser.value(option).toInt());
    }
    return options;
}

/// Runs `work` on the event loop of `anchor`'s thread and waits for it.
void runOn(QObject *anchor, const std::function<void()> &work)
{
    QMetaObject::invokeMethod(anchor, work, Qt::BlockingQueuedConnection);
}

/// A std::thread that runs a Qt event loop around an anchor object (runOn() it), joined by
/// stop(). QThread::wait() returns before the thread's thread-local destructors have run, where
/// OpenSSL frees the random generators it made for the thread (the proxy builds a
/// QSslConfiguration); LeakSanitizer could then find them at exit, now and then.
class LoopThread
{
public:
    LoopThread()
    {
        std::promise<void> ready;
        m_thread = std::thread([this, &ready] {
            QEventLoop loop;
            QObject anchor;
            m_loop = &loop;
            m_anchor = &anchor;
            ready.set_value();
            loop.exec();
            // As QThread does when it finishes: what was deleteLater()'d goes now.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        });
        ready.get_future().wait();
    }

    ~LoopThread() { stop(); }

    LoopThread(const LoopThread &) = delete;
    LoopThread &operator=(const LoopThread &) = delete;

    [[nodiscard]] QObject *anchor() const { return m_anchor; }

    /// Deletes what lives on the thread, ends its loop and joins it.
    void stop()
    {
        if (!m_thread.joinable())
            return;
        runOn(m_anchor, [this] {
            qDeleteAll(m_anchor->children());
            m_loop->quit();
        });
        m_thread.join();
    }

private:
    std::thread m_thread;
    QEventLoop *m_loop = nullptr;
    QObject *m_anchor = nullptr;
};

/// The upstream, on its own thread: a raw HTTP server whose streams end by close.
///   /latency?n=N&ms=I  waits for a second connection to the same URL, then writes chunk k
///                      ("data: k NS\n\n", NS its steady-clock time) to both, alternating
///                      which goes first, every I ms
///   /big?n=N&kib=K     N events of K KiB as fast as the client takes them
///   /many?n=N&ms=I     "id: k\ndata: k\n\n" for k = 1..N, one every I ms
class Upstream
{
public:
    explicit Upstream(QObject *anchor)
        : m_anchor(anchor)
    { }

    quint16 listen()
    {
        quint16 port = 0;
        runOn(m_anchor, [this, &port] {
            m_server = new QTcpServer(m_anchor);
            QObject::connect(m_server, &QTcpServer::pendingConnectionAvailable, m_server,
                    [this] { accept(); });
            if (m_server->listen(QHostAddress::LocalHost))
                port = m_server->serverPort();
        });
        return port;
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto head = std::make_shared<QByteArray>();
            auto served = std::make_shared<bool>(false);
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head, served] {
                *head += socket->readAll();
                if (*served || !head->contains("\r\n\r\n"))
                    return;
                *served = true;
                serve(socket, *head);
            });
        }
    }

    void serve(QTcpSocket *socket, const QByteArray &head)
    {
        const QByteArray target = head.split(' ').value(1);
        const QUrl url(QString::fromLatin1(target));
        const QUrlQuery query(url);
        const int n = query.queryItemValue(u"n"_s).toInt();
        const int ms = query.queryItemValue(u"ms"_s).toInt();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                      "Cache-Control: no-cache\r\nConnection: close\r\n\r\n"_ba);
        socket->flush();
        if (url.path() == "/latency"_L1)
            joinLatency(socket, n, ms);
        else if (url.path() == "/big"_L1)
            writeBig(socket, n, query.queryItemValue(u"kib"_s).toInt());
        else if (url.path() == "/many"_L1)
            writeMany(socket, n, ms);
        else
            socket->disconnectFromHost();
    }

    void joinLatency(QTcpSocket *socket, int n, int ms)
    {
        m_pair.append(socket);
        if (m_pair.size() < 2)
            return;
        const QList<QPointer<QTcpSocket>> pair = std::exchange(m_pair, {});
        auto *timer = new QTimer(m_anchor);
        timer->setTimerType(Qt::PreciseTimer);
        timer->setInterval(ms);
        auto k = std::make_shared<int>(0);
        QObject::connect(timer, &QTimer::timeout, timer, [timer, pair, n, k] {
            if (++*k > n) {
                for (const QPointer<QTcpSocket> &s : pair) {
                    if (s)
                        s->disconnectFromHost();
                }
                timer->deleteLater();
                return;
            }
            const QByteArray chunk =
                    "data: " + QByteArray::number(*k) + ' ' + QByteArray::number(nowNs()) + "\n\n";
            for (int i = 0; i < 2; ++i) {
                const QPointer<QTcpSocket> &s = pair.at((i + *k) % 2);
                if (s) {
                    s->write(chunk);
                    s->flush();
                }
            }
        });
        timer->start();
    }

    static void writeBig(QTcpSocket *socket, int n, int kib)
    {
        const QByteArray event = "data: " + QByteArray(qsizetype(kib) * 1024, 'x') + "\n\n";
        auto left = std::make_shared<int>(n);
        // Keeps about two events queued: the client's pace sets the rate, not memory.
        const auto refill = [socket, event, left] {
            while (*left > 0 && socket->bytesToWrite() < 2 * event.size()) {
                socket->write(event);
                --*left;
            }
            if (*left == 0 && socket->bytesToWrite() == 0)
                socket->disconnectFromHost();
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, refill);
        refill();
    }

    void writeMany(QTcpSocket *socket, int n, int ms)
    {
        auto *timer = new QTimer(socket);
        timer->setInterval(ms);
        auto k = std::make_shared<int>(0);
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, n, k] {
            ++*k;
            const QByteArray number = QByteArray::number(*k);
            socket->write("id: " + number + "\ndata: " + number + "\n\n");
            if (*k == n) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start();
    }

    QObject *m_anchor;
    QTcpServer *m_server = nullptr;
    QList<QPointer<QTcpSocket>> m_pair;
};

/// An HTTP/1.1 response body as it arrives: the head skipped, chunked framing decoded.
class BodyDecoder
{
public:
    /// The body bytes in `bytes`; finished() once the last chunk came.
    QByteArray feed(const QByteArray &bytes)
    {
        m_buffer += bytes;
        if (!m_headDone) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return {};
            const QByteArray head = m_buffer.left(end).toLower();
            m_chunked = head.contains("transfer-encoding: chunked");
            m_buffer.remove(0, end + 4);
            m_headDone = true;
        }
        if (!m_chunked)
            return std::exchange(m_buffer, {});
        return dechunk();
    }

    [[nodiscard]] bool finished() const { return m_finished; }

private:
    QByteArray dechunk()
    {
        QByteArray body;
        qsizetype pos = 0;
        while (!m_finished) {
            if (m_chunkLeft > 0) {
                const qsizetype take = std::min(m_chunkLeft, m_buffer.size() - pos);
                if (take == 0)
                    break;
                body += m_buffer.mid(pos, take);
                pos += take;
                m_chunkLeft -= take;
                if (m_chunkLeft == 0)
                    m_chunkLeft = -2;
            } else if (m_chunkLeft == -2) {
                if (m_buffer.size() - pos < 2)
                    break;
                pos += 2; // the CRLF after a chunk's data
                m_chunkLeft = -1;
            } else {
                const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    break;
                const QByteArray size = m_buffer.mid(pos, lineEnd - pos).split(';').value(0);
                m_chunkLeft = size.trimmed().toLongLong(nullptr, 16);
                pos = lineEnd + 2;
                m_finished = m_chunkLeft == 0;
            }
        }
        m_buffer.remove(0, pos);
        return body;
    }

    QByteArray m_buffer;
    bool m_headDone = false;
    bool m_chunked = false;
    bool m_finished = false;
    qsizetype m_chunkLeft = -1; ///< -1: a size line is next; -2: a chunk's CRLF
};

/// A client stream on the main thread: GET `target`, then one callback per event (its text,
/// without the blank line) with the time its last bytes were read. Without a callback it only
/// counts events (LF LF), keeping nothing: a big-event stream then measures the server's pace.
class Reader
{
public:
    using OnEvent = std::function<void(const QByteArray &event, qint64 receivedNs)>;

    Reader(quint16 port, const QByteArray &target, OnEvent onEvent)
        : m_onEvent(std::move(onEvent))
    {
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this, target] {
            m_socket.write("GET " + target
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Accept: text/event-stream\r\n\r\n");
        });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { read(); });
        QObject::connect(
                &m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_done = true; });
        QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &m_socket,
                [this](QAbstractSocket::SocketError) { m_done = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    [[nodiscard]] bool done() const { return m_done || m_decoder.finished(); }

    [[nodiscard]] qint64 bodyBytes() const { return m_bodyBytes; }

    [[nodiscard]] qint64 eventCount() const { return m_eventCount; }

private:
    void read()
    {
        const qint64 receivedNs = nowNs();
        const QByteArray body = m_decoder.feed(m_socket.readAll());
        m_bodyBytes += body.size();
        if (!m_onEvent)
            return count(body);
        m_events += body;
        qsizetype start = 0;
        for (;;) {
            const qsizetype end = m_events.indexOf("\n\n", std::max(start, m_scanFrom));
            if (end < 0)
                break;
            m_onEvent(m_events.mid(start, end - start), receivedNs);
            start = end + 2;
            m_scanFrom = 0;
        }
        m_events.remove(0, start);
        m_scanFrom = std::max<qsizetype>(0, m_events.size() - 1);
    }

    void count(const QByteArray &body)
    {
        for (const char c : body) {
            m_eventCount += c == '\n' && m_lastByte == '\n' ? 1 : 0;
            m_lastByte = c == '\n' && m_lastByte == '\n' ? '\0' : c;
        }
    }

    QTcpSocket m_socket;
    BodyDecoder m_decoder;
    OnEvent m_onEvent;
    QByteArray m_events;
    qsizetype m_scanFrom = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_eventCount = 0;
    char m_lastByte = 0;
    bool m_done = false;
};

/// Spins the event loop until `done` or `timeoutMs`; false on the timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

/// RSS after glibc returned its free pages to the system: what is left is in use.
double trimmedRssMiB()
{
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
    return ProcStats::snapshot().rssMiB;
}

/// Live heap of all threads (0 where glibc cannot tell, as under ASan).
double heapMiB()
{
    return double(TestSupport::heapInUse()) / 1048576.0;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

void printRow(const char *name, const std::vector<double> &us)
{
    std::printf("  %-22s %9.1f %9.1f %9.1f\n", name, percentile(us, 0.5), percentile(us, 0.99),
            percentile(us, 1.0));
}

/// Latency: the same chunks direct and through the proxy at once. False when chunks were lost.
bool measureLatency(const Options &options, quint16 upstreamPort, quint16 proxyPort)
{
    const QByteArray target = "/latency?n=" + QByteArray::number(options.chunks)
            + "&ms=" + QByteArray::number(options.intervalMs);
    const auto n = size_t(options.chunks);
    std::vector<qint64> sent(n + 1, 0), direct(n + 1, 0), proxied(n + 1, 0);
    const auto record = [&sent, n](std::vector<qint64> *times) {
        return [&sent, times, n](const QByteArray &event, qint64 receivedNs) {
            const QList<QByteArray> fields = event.mid(6).split(' '); // "data: k NS"
            const auto k = size_t(fields.value(0).toLongLong());
            if (k >= 1 && k <= n && (*times)[k] == 0) {
                (*times)[k] = receivedNs;
                sent[k] = fields.value(1).toLongLong();
            }
        };
    };
    Reader directReader(upstreamPort, target, record(&direct));
    Reader proxyReader(proxyPort, target, record(&proxied));
    const int timeoutMs = options.chunks * options.intervalMs * 3 + 10000;
    if (!waitFor([&] { return directReader.done() && proxyReader.done(); }, timeoutMs)) {
        std::printf("latency: the streams did not end within %d ms\n", timeoutMs);
        return false;
    }
    std::vector<double> directUs, proxiedUs, addedUs;
    for (size_t k = 1; k <= n; ++k) {
        if (direct[k] == 0 || proxied[k] == 0)
            continue;
        directUs.push_back(double(direct[k] - sent[k]) / 1000.0);
        proxiedUs.push_back(double(proxied[k] - sent[k]) / 1000.0);
        addedUs.push_back(double(proxied[k] - direct[k]) / 1000.0);
    }
    std::printf("latency, %d chunks of one small event every %d ms (us from the upstream's "
                "write):\n  %-22s %9s %9s %9s\n",
            options.chunks, options.intervalMs, "", "median", "p99", "max");
    printRow("direct", directUs);
    printRow("through the proxy", proxiedUs);
    printRow("added by the proxy", addedUs);
    const auto lost = qsizetype(n) - qsizetype(addedUs.size());
    std::printf("  chunks lost: %lld\n", static_cast<long long>(lost));
    return lost == 0;
}

/// Throughput for big events, direct and through the proxy.
bool measureThroughput(const Options &options, quint16 upstreamPort, quint16 proxyPort)
{
    const QByteArray target = "/big?n=" + QByteArray::number(options.bigEvents)
            + "&kib=" + QByteArray::number(options.bigKiB);
    std::printf("throughput, %d events of %d KiB:\n", options.bigEvents, options.bigKiB);
    bool ok = true;
    const std::pair<const char *, quint16> targets[] = {
            {"direct", upstreamPort}, {"through the proxy", proxyPort}};
    for (const auto &[name, port] : targets) {
        QElapsedTimer timer;
        timer.start();
        Reader reader(port, target, nullptr);
        ok = waitFor([&reader] { return reader.done(); }, 120000) && ok;
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        std::printf("  %-22s %9.0f MiB/s  (%lld events, %.2f s)\n", name,
                double(reader.bodyBytes()) / 1048576.0 / seconds,
                static_cast<long long>(reader.eventCount()), seconds);
        ok = ok && reader.eventCount() == options.bigEvents;
    }
    return ok;
}

/// `options.streams` streams at once through the proxy, `options.rounds` times: RSS before,
/// at the peak and after each round, and events lost (each stream's ids must be 1..N in order).
bool measureConcurrency(const Options &options, quint16 proxyPort,
        const std::atomic<qint64> &captured, const std::atomic<int> &active)
{
    const QByteArray target = "/many?n=" + QByteArray::number(options.streamEvents)
            + "&ms=" + QByteArray::number(options.streamIntervalMs);
    const qint64 expected = qint64(options.streams) * options.streamEvents;
    std::printf("%d concurrent streams through the proxy, %d events each, one every %d ms:\n",
            options.streams, options.streamEvents, options.streamIntervalMs);
    const double rssBefore = ProcStats::snapshot().rssMiB;
    std::printf("  before: RSS %.1f MiB (%.1f MiB once trimmed), live heap %.1f MiB\n", rssBefore,
            trimmedRssMiB(), heapMiB());
    bool ok = true;
    for (int round = 1; round <= options.rounds; ++round) {
        const qint64 capturedBefore = captured.load();
        qint64 received = 0;
        qint64 disorder = 0;
        double peak = 0;
        {
            std::vector<std::unique_ptr<Reader>> readers;
            std::vector<int> last(size_t(options.streams), 0);
            for (int i = 0; i < options.streams; ++i) {
                readers.push_back(std::make_unique<Reader>(
                        proxyPort, target, [&, i](const QByteArray &event, qint64) {
                            const int id = event.mid(4, event.indexOf('\n') - 4).toInt();
                            disorder += id == last[size_t(i)] + 1 ? 0 : 1;
                            last[size_t(i)] = id;
                            ++received;
                        }));
            }
            QTimer sampler;
            QObject::connect(&sampler, &QTimer::timeout, &sampler,
                    [&peak] { peak = std::max(peak, ProcStats::snapshot().rssMiB); });
            sampler.start(100);
            const int timeoutMs = options.streamEvents * options.streamIntervalMs * 4 + 20000;
            ok = waitFor(
                         [&readers] {
                             return std::all_of(readers.cbegin(), readers.cend(),
                                     [](const auto &reader) { return reader->done(); });
                         },
                         timeoutMs)
                    && ok;
        }
        ok = waitFor([&active] { return active.load() == 0; }, 10000) && ok;
        // Closed sockets are deleted a moment later, on each thread's loop.
        waitFor([] { return false; }, SettleMs);
        const double rssAfter = ProcStats::snapshot().rssMiB;
        const qint64 lost = expected - received;
        const qint64 capturedNow = captured.load() - capturedBefore;
        std::printf(
                "  round %d: received %lld of %lld (lost %lld, out of order %lld), the proxy "
                "captured %lld;\n    RSS peak %.1f MiB, after %.1f MiB (%.1f MiB once malloc_trim "
                "gave back what the allocator kept), live heap after %.1f MiB\n",
                round, static_cast<long long>(received), static_cast<long long>(expected),
                static_cast<long long>(lost), static_cast<long long>(disorder),
                static_cast<long long>(capturedNow), peak, rssAfter, trimmedRssMiB(), heapMiB());
        ok = ok && lost == 0 && disorder == 0 && capturedNow == expected;
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app);

    LoopThread upstreamThread;
    LoopThread proxyThread;
    Upstream upstream(upstreamThread.anchor());
    const quint16 upstreamPort = upstream.listen();
    std::atomic<qint64> captured{0};
    std::atomic<int> active{0};
    bool listening = false;
    quint16 proxyPort = 0;
    QObject *proxyAnchor = proxyThread.anchor();
    runOn(proxyAnchor, [&] {
        Sse::CaptureOptions proxyOptions;
        proxyOptions.upstream = QUrl(u"http://127.0.0.1:%1"_s.arg(upstreamPort));
        auto *proxy = new Sse::CaptureProxy(proxyOptions, proxyAnchor);
        // Counted where they are emitted, as a consumer on the proxy's thread would see them.
        QObject::connect(proxy, &Sse::CaptureProxy::eventCaptured, proxy,
                [&captured] { captured.fetch_add(1); });
        QObject::connect(proxy, &Sse::CaptureProxy::activeExchangeCountChanged, proxy,
                [&active](int count) { active.store(count); });
        listening = proxy->listen();
        proxyPort = proxy->port();
        if (!listening)
            std::printf("the proxy does not listen: %s\n", qPrintable(proxy->errorString()));
    });

    bool ok = upstreamPort != 0 && listening;
    if (ok) {
        ok = measureLatency(options, upstreamPort, proxyPort);
        ok = measureThroughput(options, upstreamPort, proxyPort) && ok;
        ok = measureConcurrency(options, proxyPort, captured, active) && ok;
    }

    proxyThread.stop();
    upstreamThread.stop();
    std::printf("%s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
