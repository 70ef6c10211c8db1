// SPDX-License-Identifier: MIT
// bench_publisherfanout: one Sse::Publisher, N subscribers in a child process, a fixed event
// rate; prints one JSON line with delivery, loss and the publisher's own CPU time.
#include "benchstats.h"
#include "fanoutsubscribers.h"
#include "tests/support/procstats.h"

#include "sselib/publisher/publisher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int TickMs = 5; // the publishing timer: each tick sends the events due by then
constexpr double IdleTimeoutSeconds = 20; // subscribers give up after this long without events

struct Options
{
    int subscribers = 1000;
    int rate = 1000; ///< events per second, each to every subscriber
    double seconds = 10;
    int payload = 100; ///< data bytes per event
};

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Runs the built-in publisher (Sse::Publisher) in this process and N subscribers "
            "of /events in a child process, publishes RATE events a second for SECONDS and "
            "reports deliveries, lost events and the publisher process's own CPU time. Exit "
            "code 1: an event lost, a subscriber not connected or a timeout."_s);
    parser.addHelpOption();
    const QCommandLineOption subscribers(
            u"subscribers"_s, u"Concurrent subscribers."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption rate(
            u"rate"_s, u"Events per second (each to every subscriber)."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"Publishing time."_s, u"s"_s, u"10"_s);
    const QCommandLineOption payload(
            u"payload"_s, u"Data bytes per event."_s, u"bytes"_s, u"100"_s);
    parser.addOptions({subscribers, rate, seconds, payload});
    parser.process(app);
    Options options;
    options.subscribers = std::clamp(parser.value(subscribers).toInt(), 1, 20000);
    options.rate = std::max(1, parser.value(rate).toInt());
    options.seconds = std::max(0.01, parser.value(seconds).toDouble());
    options.payload = std::clamp(parser.value(payload).toInt(), 1, 1 << 20);
    return options;
}

Sse::PublisherOptions publisherOptions()
{
    Sse::PublisherOptions options;
    options.channels = {};
    options.generator.interval = std::chrono::milliseconds(0); // only the bench publishes
    options.generator.heartbeat = std::chrono::milliseconds(0);
    options.historySize = 0;
    return options;
}

// The subscribers' side: `--subscribe PORT COUNT EXPECTED`, run as the child process.
int runSubscriberMode(char *argv[])
{
    const FanoutResult result = runFanoutSubscribers(std::uint16_t(std::stoi(argv[2])), "/events",
            std::stoi(argv[3]), std::stoll(argv[4]), IdleTimeoutSeconds);
    std::printf("%s\n", result.toJson().c_str());
    return 0;
}

QByteArray payloadOf(qint64 n, int size)
{
    QByteArray data = "{\"n\":"_ba + QByteArray::number(n) + ",\"pad\":\""_ba;
    data.append(std::max<qsizetype>(0, size - data.size() - 2), 'x');
    return data + "\"}"_ba;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 5 && std::strcmp(argv[1], "--subscribe") == 0)
        return runSubscriberMode(argv);
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app);
    const auto count = static_cast<qint64>(options.rate * options.seconds);

    Sse::Publisher publisher(publisherOptions());
    if (!publisher.listen()) {
        std::fprintf(stderr, "bench_publisherfanout: %s\n", qPrintable(publisher.errorString()));
        return 1;
    }
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
            {u"--subscribe"_s, QString::number(publisher.port()),
                    QString::number(options.subscribers), QString::number(count)});

    QElapsedTimer clock;
    qint64 published = 0;
    double cpuStart = 0;
    qint64 lastPublishNs = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(TickMs);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 due = std::min(
                count, static_cast<qint64>(double(clock.nsecsElapsed()) / 1e9 * options.rate) + 1);
        for (; published < due; ++published)
            publisher.publish({}, payloadOf(published + 1, options.payload));
        if (published == count) {
            tick.stop();
            lastPublishNs = clock.nsecsElapsed();
        }
    });
    const auto startPublishing = [&] {
        cpuStart = BenchStats::processCpuSeconds();
        clock.start();
        tick.start();
    };
    bool started = false;
    QObject::connect(&publisher, &Sse::Publisher::clientCountChanged, &app, [&](int clients) {
        if (!started && clients == options.subscribers) {
            started = true;
            startPublishing();
        }
    });
    double publishCpu = 0;
    qint64 endNs = 0;
    QObject::connect(&child, &QProcess::finished, &app, [&] {
        publishCpu = BenchStats::processCpuSeconds() - cpuStart;
        endNs = clock.isValid() ? clock.nsecsElapsed() : 0;
        app.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &app, [&] {
        timedOut = true;
        child.kill();
    });
    deadline.start(static_cast<int>(options.seconds * 10000) + 120000); // busy machines
    app.exec();
    child.waitForFinished(5000);

    const QJsonObject subscribers =
            QJsonDocument::fromJson(child.readAllStandardOutput().split('\n').value(1)).object();
    const qint64 expected = count * options.subscribers;
    const qint64 received = subscribers.value(u"events"_s).toInteger();
    const double span = subscribers.value(u"firstToLastSeconds"_s).toDouble();
    const bool correct = !timedOut && received == expected
            && subscribers.value(u"complete"_s).toInt() == options.subscribers;
    const QJsonObject result{
            {u"bench"_s, u"publisherfanout"_s},
            {u"subscribers"_s, options.subscribers},
            {u"rate"_s, options.rate},
            {u"seconds"_s, options.seconds},
            {u"published"_s, published},
            {u"expected"_s, expected},
            {u"received"_s, received},
            {u"lost"_s, expected - received},
            {u"timedOut"_s, timedOut},
            {u"publishSeconds"_s, double(lastPublishNs) / 1e9},
            {u"deliverySeconds"_s, double(endNs) / 1e9},
            {u"perSubscriberRate"_s, span > 0 ? double(count - 1) / span : 0},
            {u"publisherCpuSeconds"_s, publishCpu},
            {u"publisherCpuPct"_s, endNs > 0 ? 100.0 * publishCpu / (double(endNs) / 1e9) : 0},
            {u"publisherCpuUsPerDelivery"_s,
                    received > 0 ? publishCpu * 1e6 / double(received) : 0},
            {u"publisherPeakRssMiB"_s, double(TestSupport::ProcStats::statusKiB("VmHWM")) / 1024.0},
            {u"subscriberProcess"_s, subscribers},
            {u"correct"_s, correct},
    };
    const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Compact);
    std::printf("%s\n", json.constData());
    if (!correct) // the suite shows stderr when a run fails
        std::fprintf(stderr, "%s\n", json.constData());
    return correct ? 0 : 1;
}
