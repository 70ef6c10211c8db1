// SPDX-License-Identifier: MIT
// bench_dashboardload: the shown dashboard under fast feeds; prints one JSON line with results.
#include "benchstats.h"
#include "streamserver.h"
#include "tests/support/heapusage.h"
#include "tests/support/procstats.h"

#include "ui/mainwindow.h"
#include "ui/models/eventlogmodel.h"
#include "ui/models/feed.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int TickMs = 10; // the timer whose lateness is the GUI thread's stall
constexpr int SettleMs = 300; // after the last event: the logs' last flush (50 ms) and a paint

struct Options
{
    int feeds = 1;
    int rate = 20000; ///< per feed
    double seconds = 60;
    int capacity = EventLogModel::DefaultCapacity;
    int idleMs = 1000;
};

Options parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Shows the dashboard (MainWindow) with N feeds, each streamed over 127.0.0.1 by its "
            "own server thread at a fixed rate, and measures the lateness of a 10 ms timer on "
            "the GUI thread, the heap per retained event beyond its data, lost events and CPU "
            "time. Exit code 1: an event lost, repeated or out of order, or a timeout."_s);
    parser.addHelpOption();
    const QCommandLineOption feeds(u"feeds"_s, u"Feeds in the window."_s, u"n"_s, u"1"_s);
    const QCommandLineOption rate(u"rate"_s, u"Events per second per feed."_s, u"n"_s, u"20000"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"Length of the streams."_s, u"s"_s, u"60"_s);
    const QCommandLineOption capacity(u"capacity"_s, u"Each feed's log capacity."_s, u"rows"_s,
            QString::number(EventLogModel::DefaultCapacity));
    const QCommandLineOption idle(u"idle"_s,
            u"Milliseconds of timer measurement before the streams: the machine's own noise."_s,
            u"ms"_s, u"1000"_s);
    parser.addOptions({feeds, rate, seconds, capacity, idle});
    parser.process(app);

    Options options;
    options.feeds = std::clamp(parser.value(feeds).toInt(), 1, 500);
    options.rate = std::max(1, parser.value(rate).toInt());
    options.seconds = std::max(0.1, parser.value(seconds).toDouble());
    options.capacity = std::max(1, parser.value(capacity).toInt());
    options.idleMs = std::max(0, parser.value(idle).toInt());
    return options;
}

/// One feed's events: ids must run 1, 2, 3, ... (the server's counter).
struct FeedCheck
{
    qint64 received = 0;
    qint64 outOfOrder = 0;
};

/// The heap the feeds' logs hold beyond their events' data, per retained event.
struct Retained
{
    qint64 events = 0;
    qint64 dataBytes = 0;
    qint64 rawBytes = 0; ///< the wire lines the newest events keep (EventLogModel::rawRetention)
    bool inOrder = true; ///< every log ends with the newest events, in order
};

Retained retained(const std::vector<Feed *> &feeds, qint64 count)
{
    Retained result;
    for (Feed *feed : feeds) {
        const EventLogModel &log = *feed->model();
        const int rows = log.rowCount();
        for (int row = 0; row < rows; ++row) {
            const auto &record = log.record(row);
            result.dataBytes += record.event.data.size();
            result.rawBytes += record.event.raw.size();
            if (record.event.lastEventId != QByteArray::number(count - rows + 1 + row))
                result.inOrder = false;
        }
        result.events += rows;
    }
    return result;
}

/// Lateness of a periodic timer, kept while `measuring` says so.
class TickProbe final
{
public:
    explicit TickProbe(QObject *context)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(TickMs);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                (m_streaming ? m_lagMs : m_idleLagMs)
                        .push_back(std::max(0.0, double(now - m_last) / 1e6 - TickMs));
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }

    void setStreaming(bool streaming)
    {
        m_streaming = streaming;
        m_last = -1;
    }

    [[nodiscard]] const std::vector<double> &lagMs() const { return m_lagMs; }

    [[nodiscard]] const std::vector<double> &idleLagMs() const { return m_idleLagMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    bool m_streaming = false;
    std::vector<double> m_lagMs;
    std::vector<double> m_idleLagMs;
};

Feed *addFeed(MainWindow &window, int index, quint16 port, int capacity)
{
    FeedConfig config;
    config.name = u"load %1"_s.arg(index + 1);
    config.url = QUrl(u"http://127.0.0.1:%1/events"_s.arg(port));
    config.logCapacity = capacity;
    return window.addFeed(config, true);
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parseOptions(app);
    const auto count = static_cast<qint64>(options.rate * options.seconds);

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    std::vector<std::unique_ptr<StreamServer>> servers;
    std::vector<Feed *> feeds;
    std::vector<FeedCheck> checks(std::size_t(options.feeds));
    qint64 complete = 0; // feeds that received all their events
    qint64 firstEventNs = -1;
    qint64 lastEventNs = -1;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < options.feeds; ++i) {
        servers.push_back(std::make_unique<StreamServer>());
        const quint16 port = servers.back()->listen();
        if (port == 0) {
            std::fprintf(stderr, "bench_dashboardload: cannot listen on 127.0.0.1\n");
            return 1;
        }
        Feed *feed = addFeed(window, i, port, options.capacity);
        feeds.push_back(feed);
        FeedCheck *check = &checks[std::size_t(i)];
        QObject::connect(feed->source(), &Sse::EventSource::eventReceived, feed,
                [&, check](const Sse::Event &event) {
                    ++check->received;
                    if (event.lastEventId != QByteArray::number(check->received))
                        ++check->outOfOrder;
                    lastEventNs = clock.nsecsElapsed();
                    if (firstEventNs < 0)
                        firstEventNs = lastEventNs;
                    if (check->received == count && ++complete == options.feeds)
                        QTimer::singleShot(SettleMs, &app, &QCoreApplication::quit);
                });
    }

    TickProbe probe(&app);
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &app, [&] {
        timedOut = true;
        app.quit();
    });
    deadline.start(static_cast<int>(options.seconds * 3000) + options.idleMs + 20000);

    qint64 heapBefore = 0;
    double cpuStart = 0;
    double guiCpuStart = 0;
    qint64 streamStartNs = 0;
    QTimer::singleShot(options.idleMs, &app, [&] {
        heapBefore = TestSupport::heapInUse();
        cpuStart = BenchStats::processCpuSeconds();
        guiCpuStart = BenchStats::threadCpuSeconds();
        streamStartNs = clock.nsecsElapsed();
        probe.setStreaming(true);
        for (auto &server : servers)
            server->start(options.rate, count);
    });
    app.exec();
    probe.setStreaming(false);
    const double guiCpu = BenchStats::threadCpuSeconds() - guiCpuStart;
    const qint64 heapAfter = TestSupport::heapInUse();
    const double wall = double(clock.nsecsElapsed() - streamStartNs) / 1e9;
    const Retained kept = retained(feeds, count);
    const double rssMiB = TestSupport::ProcStats::snapshot().rssMiB;
    window.stopAll();
    double serverCpu = 0;
    for (auto &server : servers) {
        server->stop();
        serverCpu += server->cpuSeconds();
    }
    const double cpu = BenchStats::processCpuSeconds() - cpuStart - serverCpu;

    qint64 received = 0;
    qint64 outOfOrder = kept.inOrder ? 0 : 1;
    for (const FeedCheck &check : checks) {
        received += check.received;
        outOfOrder += check.outOfOrder;
    }
    const qint64 sent = count * options.feeds;
    const qint64 lost = sent - received;
    const double streamSeconds = std::max(1e-9, double(lastEventNs - firstEventNs) / 1e9);
    const double perEvent = kept.events > 0
            ? double(heapAfter - heapBefore - kept.dataBytes) / double(kept.events)
            : 0;
    const double perEventWithoutRaw = kept.events > 0
            ? double(heapAfter - heapBefore - kept.dataBytes - kept.rawBytes) / double(kept.events)
            : 0;
    const bool correct = lost == 0 && outOfOrder == 0 && !timedOut;
    const QJsonObject result{
            {u"bench"_s, u"dashboardload"_s},
            {u"feeds"_s, options.feeds},
            {u"ratePerFeed"_s, options.rate},
            {u"seconds"_s, options.seconds},
            {u"sent"_s, sent},
            {u"received"_s, received},
            {u"lost"_s, lost},
            {u"outOfOrder"_s, outOfOrder},
            {u"timedOut"_s, timedOut},
            {u"deliveredPerSec"_s, qRound64(double(received) / streamSeconds)},
            {u"ticks"_s, qint64(probe.lagMs().size())},
            {u"lagMaxMs"_s, BenchStats::maxOf(probe.lagMs())},
            {u"lagP99Ms"_s, BenchStats::percentile(probe.lagMs(), 0.99)},
            {u"lagP50Ms"_s, BenchStats::percentile(probe.lagMs(), 0.5)},
            {u"idleLagMaxMs"_s, BenchStats::maxOf(probe.idleLagMs())},
            {u"idleLagP99Ms"_s, BenchStats::percentile(probe.idleLagMs(), 0.99)},
            {u"retainedEvents"_s, kept.events},
            {u"retainedDataBytes"_s, kept.dataBytes},
            {u"heapGrowthBytes"_s, heapAfter - heapBefore},
            {u"retainedRawBytes"_s, kept.rawBytes},
            {u"bytesPerRetainedEvent"_s, perEvent},
            {u"bytesPerRetainedEventWithoutRaw"_s, perEventWithoutRaw},
            {u"rssMiB"_s, rssMiB},
            {u"cpuSeconds"_s, cpu},
            {u"guiThreadCpuSeconds"_s, guiCpu},
            {u"serverCpuSeconds"_s, serverCpu},
            {u"wallSeconds"_s, wall},
            {u"cpuUsPerEvent"_s, received > 0 ? cpu * 1e6 / double(received) : 0},
            {u"correct"_s, correct},
    };
    const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Compact);
    std::printf("%s\n", json.constData());
    if (!correct) // the suite shows stderr when a run fails
        std::fprintf(stderr, "%s\n", json.constData());
    return correct ? 0 : 1;
}
