// SPDX-License-Identifier: MIT
// bench_soakdashboard: the shown dashboard with 20 feeds that reconnect every second, for minutes.
#include "tests/support/heapusage.h"
#include "tests/support/procstats.h"

#include "sselib/publisher/publisher.h"
#include "ui/mainwindow.h"
#include "ui/models/connectionhistory.h"
#include "ui/models/feedlist.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
namespace ProcStats = TestSupport::ProcStats;

namespace {

struct Options
{
    double minutes = 10;
    int feeds = 20;
    int sampleSeconds = 30;
    /// Each feed keeps its newest Feed::MaxConnections connection records (requests and
    /// responses with their headers, a few KiB each); at one reconnect every one to two seconds
    /// they fill up within about 400 s. The log rings fill sooner.
    int warmupSeconds = 420;
    int capacity = 1000; ///< per feed: small, so that the rings are full after the warm-up
    /// Timeline markers kept per feed (spans: half as many); 0: ConnectionHistory's defaults,
    /// which at about four markers a reconnect take more than an hour to fill.
    int historyMarkers = 0;
};

Options parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Shows the dashboard (MainWindow, offscreen) with N feeds on an in-process "
            "Sse::Publisher whose streams end every second, so every feed reconnects every "
            "second with Last-Event-ID. Samples RSS, open fds and threads and prints a table and "
            "the growth after the warm-up. Exit code 1: a feed lost or repeated an event, or "
            "stopped receiving."_s);
    parser.addHelpOption();
    const QCommandLineOption minutes(u"minutes"_s, u"Length of the run."_s, u"m"_s, u"10"_s);
    const QCommandLineOption feeds(u"feeds"_s, u"Feeds in the window."_s, u"n"_s, u"20"_s);
    const QCommandLineOption sample(u"sample"_s, u"Seconds between samples."_s, u"s"_s, u"30"_s);
    const QCommandLineOption warmup(u"warmup"_s,
            u"Seconds before the baseline sample (rings and histories fill up first)."_s, u"s"_s,
            QString::number(Options{}.warmupSeconds));
    const QCommandLineOption capacity(
            u"capacity"_s, u"Each feed's log capacity."_s, u"rows"_s, u"1000"_s);
    const QCommandLineOption history(u"history"_s,
            u"Timeline markers kept per feed (spans: half); 0: the dashboard's defaults. A small "
            "value fills the timeline history within the warm-up."_s,
            u"markers"_s, u"0"_s);
    parser.addOptions({minutes, feeds, sample, warmup, capacity, history});
    parser.process(app);

    Options options;
    options.minutes = std::max(0.01, parser.value(minutes).toDouble());
    options.feeds = std::clamp(parser.value(feeds).toInt(), 1, 200);
    options.sampleSeconds = std::max(1, parser.value(sample).toInt());
    options.warmupSeconds = std::max(0, parser.value(warmup).toInt());
    options.capacity = std::max(1, parser.value(capacity).toInt());
    options.historyMarkers = std::max(0, parser.value(history).toInt());
    return options;
}

/// Checks that one feed's events carry consecutive ids (the publisher's counter) across its
/// reconnects: Last-Event-ID resume loses and repeats nothing.
struct FeedCheck
{
    qint64 lastId = 0;
    qint64 events = 0;
    qint64 gaps = 0; ///< events whose id was not the previous one + 1
    qint64 lastEventMs = 0;
};

struct Sample
{
    double seconds = 0;
    ProcStats::Snapshot stats;
    /// Live heap (mallinfo2): RSS that grows while this does not is the allocator's, not ours.
    double heapMiB = 0;
    qint64 events = 0;
    qint64 connections = 0;
    qint64 records = 0; ///< connection records kept, at most Feed::MaxConnections per feed
    qint64 markers = 0;
    qint64 spans = 0;
};

Sample takeSample(double seconds, const FeedList &feeds, const std::vector<FeedCheck> &checks)
{
    Sample sample;
    sample.seconds = seconds;
    sample.stats = ProcStats::snapshot();
    sample.heapMiB = double(TestSupport::heapInUse()) / (1024.0 * 1024.0);
    for (int i = 0; i < feeds.count(); ++i) {
        Feed *feed = feeds.at(i);
        sample.connections += feed->source() ? feed->source()->connectionCount() : 0;
        sample.records += feed->connections().size();
        sample.markers += qint64(feed->history()->markers().size());
        sample.spans += qint64(feed->history()->spans().size());
    }
    for (const FeedCheck &check : checks)
        sample.events += check.events;
    return sample;
}

void printHeader()
{
    std::printf("%8s %9s %9s %5s %8s %10s %12s %8s %9s %8s\n", "t_s", "rss_MiB", "heap_MiB", "fds",
            "threads", "events", "connections", "records", "markers", "spans");
}

void printSample(const Sample &s)
{
    std::printf("%8.0f %9.1f %9.1f %5d %8d %10lld %12lld %8lld %9lld %8lld\n", s.seconds,
            s.stats.rssMiB, s.heapMiB, s.stats.fds, s.stats.threads,
            static_cast<long long>(s.events), static_cast<long long>(s.connections),
            static_cast<long long>(s.records), static_cast<long long>(s.markers),
            static_cast<long long>(s.spans));
    std::fflush(stdout);
}

Sse::PublisherOptions publisherOptions()
{
    Sse::PublisherOptions options;
    options.channels = {};
    options.generator.interval = 100ms; // ten events a second on /events
    options.generator.limit = 10; // then the stream ends: a reconnect every second
    options.generator.retry = 1ms;
    options.generator.heartbeat = 0ms;
    return options;
}

// Counts one feed's events and checks their ids.
void watch(Feed *feed, FeedCheck *check, const QElapsedTimer &clock)
{
    QObject::connect(feed->source(), &Sse::EventSource::eventReceived, feed,
            [check, &clock](const Sse::Event &event) {
                const qint64 id = event.lastEventId.toLongLong();
                if (check->lastId != 0 && id != check->lastId + 1)
                    ++check->gaps;
                check->lastId = id;
                ++check->events;
                check->lastEventMs = clock.elapsed();
            });
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parseOptions(app);

    Sse::Publisher publisher(publisherOptions());
    if (!publisher.listen()) {
        std::fprintf(stderr, "bench_soakdashboard: %s\n", qPrintable(publisher.errorString()));
        return 1;
    }
    MainWindow window;
    window.show();
    auto *feeds = window.findChild<FeedList *>(u"feeds"_s);
    QElapsedTimer clock;
    clock.start();
    std::vector<FeedCheck> checks(std::size_t(options.feeds));
    for (int i = 0; i < options.feeds; ++i) {
        FeedConfig config;
        config.name = u"soak %1"_s.arg(i + 1);
        config.url = publisher.url(u"/events"_s);
        config.logCapacity = options.capacity;
        config.options.reconnectionTime = 1ms;
        Feed *feed = window.addFeed(config, true);
        if (options.historyMarkers > 0) {
            feed->history()->setMarkerCapacity(options.historyMarkers);
            feed->history()->setSpanCapacity(std::max(1, options.historyMarkers / 2));
        }
        watch(feed, &checks[std::size_t(i)], clock);
    }

    std::vector<Sample> samples;
    printHeader();
    const auto sampleNow = [&] {
        samples.push_back(takeSample(double(clock.elapsed()) / 1000.0, *feeds, checks));
        printSample(samples.back());
    };
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &app, sampleNow);
    sampler.start(options.sampleSeconds * 1000);
    // Show each feed's panel in turn, as a user clicking through the list would.
    QTimer rotate;
    QObject::connect(&rotate, &QTimer::timeout, &app,
            [feeds] { feeds->setCurrentIndex((feeds->currentIndex() + 1) % feeds->count()); });
    rotate.start(2000);
    QTimer::singleShot(std::chrono::milliseconds(qint64(options.minutes * 60000)), &app, [&] {
        sampleNow();
        app.quit();
    });
    app.exec();

    const qint64 nowMs = clock.elapsed();
    qint64 gaps = 0;
    int stalled = 0; // feeds without an event in the last 5 s
    for (const FeedCheck &check : checks) {
        gaps += check.gaps;
        if (check.events == 0 || nowMs - check.lastEventMs > 5000)
            ++stalled;
    }
    const auto baseline = std::find_if(samples.cbegin(), samples.cend(),
            [&options](const Sample &s) { return s.seconds >= options.warmupSeconds; });
    const Sample &first = baseline != samples.cend() ? *baseline : samples.front();
    const Sample &last = samples.back();
    std::printf("growth from t=%.0f s to t=%.0f s: rss %+.1f MiB, heap %+.1f MiB, fds %+d, "
                "threads %+d; %lld events, %lld connections, %lld id gaps or repeats, "
                "%d stalled feeds\n",
            first.seconds, last.seconds, last.stats.rssMiB - first.stats.rssMiB,
            last.heapMiB - first.heapMiB, last.stats.fds - first.stats.fds,
            last.stats.threads - first.stats.threads, static_cast<long long>(last.events),
            static_cast<long long>(last.connections), static_cast<long long>(gaps), stalled);
    window.stopAll();
    return gaps == 0 && stalled == 0 ? 0 : 1;
}
