// SPDX-License-Identifier: MIT
// Load test for Sse::Publisher: 1,000 raw-socket subscribers on 127.0.0.1 get a run of events.
#include "tests/support/procstats.h"

#include "sselib/parser.h"
#include "sselib/publisher/publisher.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int Subscribers = 1000;
// The publisher listens with QTcpServer's default backlog of 50: more connections at once than
// that wait for SYN retransmits.
constexpr int ConnectBatch = 50;
// Debug and ASan builds take a few seconds for the whole run on 2 cores, so no scaling down.
constexpr int Events = 500;
// 1 GiB proves that memory is bounded, not that it is small: about 55 MiB is the peak, 370 MiB
// under ASan (its shadow memory and quarantine).
constexpr qint64 MaxPeakRssKiB = 1024 * 1024;
constexpr int EventsPerBurst = 10;
constexpr qsizetype PayloadSize = 100;
// Two sockets per subscriber (ours and the publisher's), plus the process's own files.
constexpr rlim_t FilesNeeded = 2 * Subscribers + 100;
constexpr int ConnectTimeoutMs = 20000;
constexpr int DeliveryTimeoutMs = 60000;
constexpr int CloseTimeoutMs = 20000;

/// The data of the event with sequence number `n`: PayloadSize bytes that name it.
QByteArray payloadOf(int n)
{
    QByteArray data = "load event " + QByteArray::number(n) + ' ';
    for (qsizetype i = data.size(); i < PayloadSize; ++i)
        data.append(char('a' + (n + i) % 26));
    return data;
}

QByteArray mebibytes(qint64 kib)
{
    return kib < 0 ? QByteArray("?") : QByteArray::number(kib / 1024.0, 'f', 0);
}

/// Undoes HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1) on input split anywhere.
/// Chunk extensions and trailer fields are read and dropped; CRLF is required where the RFC
/// puts it.
class ChunkedDecoder
{
public:
    enum class State {
        Size,
        Data,
        DataEnd,
        Trailer,
        Done,
        Failed
    };

    /// Calls sink(QByteArrayView) with each piece of the body; false once the framing is bad.
    template <typename Sink>
    bool feed(QByteArrayView bytes, Sink &&sink)
    {
        while (!bytes.isEmpty() && m_state != State::Failed) {
            if (m_state == State::Done)
                return fail("bytes after the last chunk"_ba);
            if (m_state == State::Data) {
                const qsizetype piece = qMin(m_remaining, bytes.size());
                sink(bytes.first(piece));
                bytes = bytes.sliced(piece);
                m_remaining -= piece;
                if (m_remaining == 0)
                    m_state = State::DataEnd;
                continue;
            }
            // Size, DataEnd and Trailer read one CRLF-terminated line each.
            const qsizetype lf = bytes.indexOf('\n');
            const qsizetype take = lf < 0 ? bytes.size() : lf + 1;
            if (m_line.size() + take > MaxLineSize)
                return fail("a chunk line longer than "_ba + QByteArray::number(MaxLineSize));
            m_line.append(bytes.first(take));
            bytes = bytes.sliced(take);
            if (lf < 0)
                break;
            if (!m_line.endsWith("\r\n"))
                return fail("a chunk line that ends in LF without CR"_ba);
            m_line.chop(2);
            const bool ok = takeLine();
            m_line.clear();
            if (!ok)
                return false;
        }
        return m_state != State::Failed;
    }

    [[nodiscard]] State state() const { return m_state; }

    [[nodiscard]] QByteArray errorString() const { return m_error; }

private:
    static constexpr qsizetype MaxLineSize = 4096;
    static constexpr int MaxSizeDigits = 15; // fits qsizetype

    bool takeLine()
    {
        switch (m_state) {
        case State::Size:
            return takeSizeLine();
        case State::DataEnd:
            if (!m_line.isEmpty())
                return fail("chunk data longer than its size"_ba);
            m_state = State::Size;
            return true;
        case State::Trailer:
            if (m_line.isEmpty())
                m_state = State::Done; // else a trailer field, dropped
            return true;
        case State::Data:
        case State::Done:
        case State::Failed:
            break;
        }
        return fail("internal: a line in state "_ba + QByteArray::number(int(m_state)));
    }

    bool takeSizeLine()
    {
        qsizetype size = 0;
        int digits = 0;
        for (const char c : std::as_const(m_line)) {
            int value = -1;
            if (c >= '0' && c <= '9')
                value = c - '0';
            else if (c >= 'a' && c <= 'f')
                value = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                value = c - 'A' + 10;
            if (value < 0)
                break;
            if (++digits > MaxSizeDigits)
                return fail("a chunk size with too many digits"_ba);
            size = size * 16 + value;
        }
        const QByteArrayView rest = QByteArrayView(m_line).sliced(digits).trimmed();
        if (digits == 0 || !(rest.isEmpty() || rest.startsWith(';')))
            return fail("a malformed chunk size line: "_ba + m_line.left(40));
        m_remaining = size;
        m_state = size == 0 ? State::Trailer : State::Data;
        return true;
    }

    bool fail(const QByteArray &error)
    {
        m_state = State::Failed;
        m_error = error;
        return false;
    }

    State m_state = State::Size;
    qsizetype m_remaining = 0;
    QByteArray m_line;
    QByteArray m_error;
};

/// What all subscribers share: the expected run and how far it got.
struct LoadRun
{
    QByteArrayList ids; ///< [n - 1]: the id the publisher's counter gives the n-th event
    QByteArrayList payloads; ///< [n - 1]: the data of the n-th event
    int settled = 0; ///< subscribers that have every event, or have failed
    int failed = 0;
    QElapsedTimer clock; ///< started at the first publish
    qint64 lastDeliveryNs = -1; ///< when the last subscriber got the last event
};

/// One subscriber: a raw socket, a chunked decoder and a parser, checking each event as it
/// comes (nothing is stored, so that the memory measured is the publisher's and the sockets').
class Subscriber final : public Sse::ParserHandler
{
    Q_DISABLE_COPY_MOVE(Subscriber)

public:
    Subscriber(LoadRun *run, int index, quint16 port)
        : m_run(run)
        , m_index(index)
        , m_parser(this)
    {
        QObject::connect(&m_socket, &QAbstractSocket::connected, &m_socket, [this] {
            m_socket.write("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream"
                           "\r\n\r\n");
        });
        QObject::connect(&m_socket, &QIODevice::readyRead, &m_socket, [this] { read(); });
        QObject::connect(&m_socket, &QAbstractSocket::errorOccurred, &m_socket, [this] {
            if (!m_closing)
                fail("socket error: "_ba + m_socket.errorString().toUtf8());
        });
        QObject::connect(&m_socket, &QAbstractSocket::disconnected, &m_socket, [this] {
            if (!m_closing)
                fail("the publisher closed the connection"_ba);
        });
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    }

    ~Subscriber() override { QObject::disconnect(&m_socket, nullptr, nullptr, nullptr); }

    [[nodiscard]] int received() const { return m_received; }

    [[nodiscard]] QByteArray problem() const { return m_problem; }

    [[nodiscard]] bool isStreaming() const
    {
        return m_headDone && m_socket.state() == QAbstractSocket::ConnectedState
                && m_decoder.state() != ChunkedDecoder::State::Done;
    }

    void close()
    {
        m_closing = true;
        m_socket.disconnectFromHost();
    }

    void event(const Sse::ParsedEvent &event) override
    {
        const int n = ++m_received;
        if (n > m_run->ids.size()) {
            fail("event " + QByteArray::number(n) + " of a run of "
                    + QByteArray::number(m_run->ids.size()) + ", id " + event.lastEventId);
            return;
        }
        const QByteArray &id = m_run->ids.at(n - 1);
        if (event.lastEventId != id) {
            fail("event " + QByteArray::number(n) + " has id " + event.lastEventId + ", expected "
                    + id + " (lost, duplicated or out of order)");
        } else if (event.type != "message") {
            fail("event " + id + " has type " + event.type);
        } else if (event.data != m_run->payloads.at(n - 1)) {
            fail("event " + id + " has data \"" + event.data.toByteArray() + '"');
        } else if (n == m_run->ids.size() && m_problem.isEmpty()) {
            settle();
            if (m_run->settled == Subscribers && m_run->failed == 0)
                m_run->lastDeliveryNs = m_run->clock.nsecsElapsed();
        }
    }

    void comment(QByteArrayView text) override
    {
        fail("unexpected comment: "_ba + text.toByteArray());
    }

    void retry(quint64 milliseconds, QByteArrayView digits) override
    {
        Q_UNUSED(milliseconds)
        fail("unexpected retry field: "_ba + digits.toByteArray());
    }

    void error(const Sse::ParseError &error) override { fail(error.message().toUtf8()); }

private:
    void read()
    {
        const QByteArray bytes = m_socket.readAll();
        if (m_headDone) {
            feedBody(bytes);
            return;
        }
        m_head.append(bytes);
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_head.size() > 16 * 1024)
                fail("no end to the response head in 16 KiB"_ba);
            return;
        }
        m_headDone = true;
        const QByteArray head = std::exchange(m_head, {});
        checkHead(QByteArrayView(head).first(end));
        feedBody(QByteArrayView(head).sliced(end + 4));
    }

    void checkHead(QByteArrayView head)
    {
        const QList<QByteArray> lines = head.toByteArray().split('\n');
        if (!lines.first().startsWith("HTTP/1.1 200 ")) {
            fail("status line " + lines.first().trimmed());
            return;
        }
        QByteArray contentType;
        QByteArray transferEncoding;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "content-type")
                contentType = line.mid(colon + 1).trimmed();
            else if (name == "transfer-encoding")
                transferEncoding = line.mid(colon + 1).trimmed().toLower();
        }
        if (!contentType.startsWith("text/event-stream"))
            fail("Content-Type: " + contentType);
        else if (transferEncoding != "chunked")
            fail("Transfer-Encoding: " + transferEncoding + " on HTTP/1.1");
    }

    void feedBody(QByteArrayView bytes)
    {
        if (!m_decoder.feed(bytes, [this](QByteArrayView piece) { m_parser.feed(piece); }))
            fail("chunked framing: " + m_decoder.errorString());
        else if (m_decoder.state() == ChunkedDecoder::State::Done)
            fail("the stream ended with the last chunk"_ba);
    }

    void fail(const QByteArray &problem)
    {
        if (!m_problem.isEmpty())
            return;
        m_problem = "subscriber " + QByteArray::number(m_index) + ": " + problem;
        ++m_run->failed;
        settle();
    }

    void settle()
    {
        if (m_settled)
            return;
        m_settled = true;
        ++m_run->settled;
    }

    LoadRun *const m_run;
    const int m_index;
    Sse::Parser m_parser;
    ChunkedDecoder m_decoder;
    QByteArray m_head; // the response head until its blank line
    QByteArray m_problem; // the first thing that went wrong
    int m_received = 0;
    bool m_headDone = false;
    bool m_settled = false;
    bool m_closing = false;
    QTcpSocket m_socket; // last: destroyed first, while the rest is still whole
};

} // namespace

class tst_PublisherLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chunkedDecoder_decodesSplitInput_data();
    void chunkedDecoder_decodesSplitInput();
    void broadcast_reachesEverySubscriberInOrder();
};

// 2,000 sockets need more than the default 1,024 descriptors.
void tst_PublisherLoad::initTestCase()
{
    rlimit limit{};
    QVERIFY2(getrlimit(RLIMIT_NOFILE, &limit) == 0, std::strerror(errno));
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < FilesNeeded) {
        QSKIP(qPrintable(u"The load test needs %1 file descriptors; the hard limit "
                         "(RLIMIT_NOFILE, ulimit -Hn) is %2."_s.arg(quint64(FilesNeeded))
                                 .arg(quint64(limit.rlim_max))));
    }
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= FilesNeeded)
        return;
    // RLIM_INFINITY is no valid soft limit for RLIMIT_NOFILE (it is capped by fs.nr_open).
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? 4 * FilesNeeded : limit.rlim_max;
    QVERIFY2(setrlimit(RLIMIT_NOFILE, &limit) == 0, std::strerror(errno));
}

void tst_PublisherLoad::chunkedDecoder_decodesSplitInput_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("done"); // the last chunk and the trailer came (valid input only)
    QTest::addColumn<bool>("valid");

    QTest::addRow("one chunk, open") << "5\r\nhello\r\n"_ba
                                     << "hello"_ba << false << true;
    QTest::addRow("chunks, extension, last chunk, trailer")
            << "3;x=y\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: 1\r\n\r\n"_ba
            << "abc0123456789"_ba << true << true;
    QTest::addRow("upper and lower hex") << "a\r\n0123456789\r\nB\r\n0123456789x\r\n"_ba
                                         << "01234567890123456789x"_ba << false << true;
    QTest::addRow("data with CRLF inside") << "4\r\n\r\n\r\n\r\n"_ba
                                           << "\r\n\r\n"_ba << false << true;
    QTest::addRow("data longer than its size") << "2\r\nabc\r\n"_ba
                                               << "ab"_ba << false << false;
    QTest::addRow("not hex") << "g\r\nabc\r\n"_ba
                             << ""_ba << false << false;
    QTest::addRow("LF without CR") << "3\nabc\r\n"_ba
                                   << ""_ba << false << false;
    QTest::addRow("bytes after the last chunk") << "0\r\n\r\nx"_ba
                                                << ""_ba << false << false;
}

void tst_PublisherLoad::chunkedDecoder_decodesSplitInput()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, body);
    QFETCH(bool, done);
    QFETCH(bool, valid);

    // Whole, then in pieces of 1, 2 and 3 bytes: the same result for every split.
    for (const qsizetype step : {wire.size(), qsizetype(1), qsizetype(2), qsizetype(3)}) {
        ChunkedDecoder decoder;
        QByteArray out;
        bool ok = true;
        for (qsizetype at = 0; ok && at < wire.size(); at += step) {
            ok = decoder.feed(QByteArrayView(wire).sliced(at, qMin(step, wire.size() - at)),
                    [&out](QByteArrayView piece) { out.append(piece); });
        }
        QCOMPARE(ok, valid);
        QCOMPARE(out, body);
        if (valid) {
            QCOMPARE(decoder.state() == ChunkedDecoder::State::Done, done);
        } else {
            QCOMPARE(decoder.state(), ChunkedDecoder::State::Failed);
            QVERIFY(!decoder.errorString().isEmpty());
        }
    }
}

// The acceptance test of the issue: every subscriber gets every event of the run, none lost,
// none out of order, with memory that stays bounded. The rate is printed, not checked.
void tst_PublisherLoad::broadcast_reachesEverySubscriberInOrder()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s)); // a dropped client, a socket error
    const qint64 rssBeforeKiB = TestSupport::ProcStats::statusKiB("VmRSS");

    Sse::PublisherOptions options;
    options.generator.interval = 0ms;
    options.generator.heartbeat = 0ms;
    Sse::Publisher publisher(options);
    QVERIFY2(publisher.listen(), qPrintable(publisher.errorString()));
    QVERIFY2(publisher.port() != 0, "the publisher has no port");
    QSignalSpy disconnected(&publisher, &Sse::Publisher::clientDisconnected);

    LoadRun run;
    for (int n = 1; n <= Events; ++n) {
        run.ids.append(QByteArray::number(n));
        run.payloads.append(payloadOf(n));
    }
    const auto failures = [&run](const std::vector<std::unique_ptr<Subscriber>> &subscribers) {
        QByteArray report = QByteArray::number(run.failed) + " failed";
        int listed = 0;
        for (size_t i = 0; i < subscribers.size() && listed < 5; ++i) {
            const Subscriber &subscriber = *subscribers.at(i);
            if (!subscriber.problem().isEmpty()) {
                report += "; " + subscriber.problem();
                ++listed;
            } else if (subscriber.received() != Events) {
                report += "; subscriber " + QByteArray::number(qsizetype(i)) + " stalled at "
                        + QByteArray::number(subscriber.received()) + " of "
                        + QByteArray::number(Events) + " events";
                ++listed;
            }
        }
        return report;
    };

    // Connect in batches that the listen backlog holds.
    QElapsedTimer connectClock;
    connectClock.start();
    std::vector<std::unique_ptr<Subscriber>> subscribers;
    subscribers.reserve(Subscribers);
    for (int first = 0; first < Subscribers; first += ConnectBatch) {
        const int end = qMin(first + ConnectBatch, Subscribers);
        for (int i = first; i < end; ++i)
            subscribers.push_back(std::make_unique<Subscriber>(&run, i, publisher.port()));
        QTRY_COMPARE_WITH_TIMEOUT(publisher.clientCount(), end, ConnectTimeoutMs);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(std::all_of(subscribers.cbegin(), subscribers.cend(),
                                      [](const auto &s) { return s->isStreaming(); })
                    || run.failed > 0,
            failures(subscribers).constData(), ConnectTimeoutMs);
    QVERIFY2(run.failed == 0, failures(subscribers).constData());
    const qint64 connectMs = connectClock.elapsed();

    // The run: bursts from a zero timer, so that sockets are read and written in between.
    int published = 0;
    QByteArrayList wrongIds;
    QTimer burst;
    burst.setInterval(0);
    connect(&burst, &QTimer::timeout, &burst, [&] {
        for (int i = 0; i < EventsPerBurst && published < Events; ++i, ++published) {
            const QByteArray id = publisher.publish({}, run.payloads.at(published));
            if (id != run.ids.at(published))
                wrongIds.append(run.ids.at(published) + " -> " + id);
        }
        if (published == Events)
            burst.stop();
    });
    run.clock.start();
    burst.start();
    QTRY_VERIFY2_WITH_TIMEOUT(
            run.settled == Subscribers, failures(subscribers).constData(), DeliveryTimeoutMs);
    QVERIFY2(run.failed == 0, failures(subscribers).constData());
    QCOMPARE(published, Events);
    QVERIFY2(wrongIds.isEmpty(), wrongIds.join(", ").constData());
    QVERIFY(run.lastDeliveryNs > 0);
    QCOMPARE(disconnected.size(), 0);
    QCOMPARE(publisher.clientCount(), Subscribers);
    const QJsonObject broadcast = publisher.stats().value(u"channels"_s).toArray().at(0).toObject();
    QCOMPARE(broadcast.value(u"eventsPublished"_s).toInteger(), Events);
    QCOMPARE(broadcast.value(u"eventsSent"_s).toInteger(), qint64(Events) * Subscribers);

    const qint64 rssAfterKiB = TestSupport::ProcStats::statusKiB("VmRSS");
    const qint64 peakKiB = TestSupport::ProcStats::statusKiB("VmHWM");
    const qint64 deliveries = qint64(Events) * Subscribers;
    const double seconds = double(run.lastDeliveryNs) / 1e9;
    qInfo().noquote().nospace() << "load: " << Subscribers << " subscribers x " << Events
                                << " events = " << deliveries << " deliveries in "
                                << QString::number(seconds, 'f', 2) << " s ("
                                << qint64(double(deliveries) / seconds) << " events/s), RSS "
                                << mebibytes(rssBeforeKiB) << " MiB before, "
                                << mebibytes(rssAfterKiB) << " MiB after the run (peak "
                                << mebibytes(peakKiB) << " MiB); " << Subscribers
                                << " connected in " << connectMs << " ms";
    if (peakKiB >= 0) {
        QVERIFY2(peakKiB < MaxPeakRssKiB,
                qPrintable(u"peak RSS %1 MiB, the bound is %2 MiB"_s.arg(peakKiB / 1024)
                                   .arg(MaxPeakRssKiB / 1024)));
    }

    // Everyone leaves: the publisher notices each one.
    for (const auto &subscriber : subscribers)
        subscriber->close();
    QTRY_COMPARE_WITH_TIMEOUT(publisher.clientCount(), 0, CloseTimeoutMs);
    QCOMPARE(disconnected.size(), Subscribers);
    subscribers.clear();
}

QTEST_GUILESS_MAIN(tst_PublisherLoad)
#include "tst_publisherload.moc"
