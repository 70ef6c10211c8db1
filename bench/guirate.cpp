// SPDX-License-Identifier: MIT
// bench_guirate: a shown event log under a fast feed; prints one JSON line with the results.
#include "benchstats.h"
#include "streamserver.h"
#include "tests/support/procstats.h"

#include "sselib/eventsource.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/eventlogmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using Record = Sse::EventLog::Record;
using BenchStats::percentile;
using BenchStats::threadCpuSeconds;

namespace {

constexpr int TickMs = 16; // one frame at 60 Hz: what a user feels as smooth
constexpr double TargetP99Ms = 50.0;
constexpr double MinDeliveredShare = 0.95; // of the requested rate

struct Options
{
    int rate = 20000;
    double seconds = 5.0;
    int capacity = EventLogModel::DefaultCapacity;
    int prefill = -1; ///< rows in the log before the stream starts; -1: capacity
    int rawRetention = EventLogModel::DefaultRawRetention;
    QString filter;
    int idleMs = 1000; ///< ticks measured before the stream, as a baseline
    bool follow = true; ///< keep the view scrolled to the bottom, as FeedPanel does
    bool strict = false;
};

Options parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Streams events over 127.0.0.1 into a shown EventLogModel + EventFilterModel + "
            "QTableView and measures delivery and event loop responsiveness. Exit code 1: "
            "events lost, out of order or a timeout; with --strict also 2 when a timing target "
            "is missed."_s);
    parser.addHelpOption();
    const QCommandLineOption rate(u"rate"_s, u"Events per second."_s, u"n"_s, u"20000"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"Length of the stream."_s, u"s"_s, u"5"_s);
    const QCommandLineOption capacity(u"capacity"_s, u"The log's ring capacity."_s, u"rows"_s,
            QString::number(EventLogModel::DefaultCapacity));
    const QCommandLineOption prefill(u"prefill"_s,
            u"Rows put in the log before streaming (default: the capacity, so that every "
            "flush also evicts)."_s,
            u"rows"_s);
    const QCommandLineOption raw(u"raw-retention"_s, u"EventLogModel::setRawRetention()."_s,
            u"rows"_s, QString::number(EventLogModel::DefaultRawRetention));
    const QCommandLineOption filter(
            u"filter"_s, u"A text filter on the proxy, e.g. ACME."_s, u"text"_s);
    const QCommandLineOption idle(u"idle"_s,
            u"Milliseconds of tick measurement before the stream starts: the machine's own "
            "scheduling noise, for comparison."_s,
            u"ms"_s, u"1000"_s);
    const QCommandLineOption noFollow(
            u"no-follow"_s, u"Do not keep the view scrolled to the newest row."_s);
    const QCommandLineOption strict(u"strict"_s, u"Fail (exit code 2) on missed timing targets."_s);
    parser.addOptions({rate, seconds, capacity, prefill, raw, filter, idle, noFollow, strict});
    parser.process(app);

    Options options;
    options.rate = std::max(1, parser.value(rate).toInt());
    options.seconds = std::max(0.1, parser.value(seconds).toDouble());
    options.capacity = std::max(1, parser.value(capacity).toInt());
    options.prefill =
            parser.isSet(prefill) ? std::max(0, parser.value(prefill).toInt()) : options.capacity;
    options.rawRetention = parser.value(raw).toInt();
    options.filter = parser.value(filter);
    options.idleMs = std::max(0, parser.value(idle).toInt());
    options.follow = !parser.isSet(noFollow);
    options.strict = parser.isSet(strict);
    return options;
}

Record prefillRecord(qint64 n)
{
    const QByteArray wire = StreamServer::eventBytes(n);
    Record record;
    record.kind = Record::Kind::Event;
    record.event.type = "tick"_ba;
    record.event.lastEventId = "p"_ba + QByteArray::number(n);
    record.event.data = wire.mid(wire.indexOf("data: ") + 6).trimmed();
    record.event.raw = wire.trimmed() + '\n';
    record.event.receivedMs = QDateTime::currentMSecsSinceEpoch();
    record.event.connection = 1;
    return record;
}

// Heap bytes of a QByteArray: its block (header + capacity + terminator) and malloc's overhead.
qint64 heapBytes(const QByteArray &bytes)
{
    return bytes.isEmpty() ? 0 : bytes.capacity() + 48;
}

struct MemoryEstimate
{
    qint64 total = 0;
    qint64 raw = 0;
};

// Walks the rows once. The origin string is shared by all events and left out.
MemoryEstimate estimateMemory(const EventLogModel &log)
{
    MemoryEstimate estimate;
    constexpr qint64 RowOverhead = 40; // the model's per-row bookkeeping next to the Record
    estimate.total = qint64(log.rowCount()) * (qint64(sizeof(Record)) + RowOverhead);
    for (int row = 0; row < log.rowCount(); ++row) {
        const Record &record = log.record(row);
        estimate.total += heapBytes(record.event.type) + heapBytes(record.event.data)
                + heapBytes(record.event.lastEventId) + heapBytes(record.text);
        estimate.raw += heapBytes(record.event.raw);
    }
    estimate.total += estimate.raw;
    return estimate;
}

// VmRSS or VmHWM from /proc/self/status, in MiB; -1 where there is no /proc.
double procStatusMiB(const QByteArray &key)
{
    const qint64 kib = TestSupport::ProcStats::statusKiB(key);
    return kib < 0 ? -1 : double(kib) / 1024.0;
}

// Times each paint: with the flushes, the two things that keep the event loop busy.
class TimedTableView final : public QTableView
{
public:
    std::vector<double> paintMs;
    std::vector<double> paintCpuMs; ///< without the time the thread waited for a CPU

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QElapsedTimer timer;
        timer.start();
        const double cpu = threadCpuSeconds();
        QTableView::paintEvent(event);
        paintCpuMs.push_back((threadCpuSeconds() - cpu) * 1e3);
        paintMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
};

// Set up like FeedPanel's table: fixed rows, hidden vertical header, follows the bottom.
void setUpView(QTableView &view, EventFilterModel &filter, bool follow)
{
    view.setModel(&filter);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::SingleSelection);
    view.setWordWrap(false);
    view.setShowGrid(false);
    view.setAlternatingRowColors(true);
    view.setTextElideMode(Qt::ElideRight);
    view.setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view.setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    view.setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView *vertical = view.verticalHeader();
    vertical->setSectionResizeMode(QHeaderView::Fixed);
    vertical->setDefaultSectionSize(view.fontMetrics().height() + 6);
    vertical->hide();
    QHeaderView *horizontal = view.horizontalHeader();
    horizontal->setSectionResizeMode(QHeaderView::Interactive);
    horizontal->setSectionResizeMode(EventLogModel::DataColumn, QHeaderView::Stretch);
    QScrollBar *scrollBar = view.verticalScrollBar();
    if (follow)
        QObject::connect(
                scrollBar, &QScrollBar::rangeChanged, &view, [&view] { view.scrollToBottom(); });
    view.resize(1200, 800);
    view.show();
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parseOptions(app);
    const auto count = static_cast<qint64>(options.rate * options.seconds);

    EventLogModel log;
    log.setCapacity(options.capacity);
    log.setRawRetention(options.rawRetention);
    for (int i = 1; i <= options.prefill; ++i)
        log.append(prefillRecord(i));
    log.flush();
    EventFilterModel filter;
    filter.setSourceModel(&log);
    if (!options.filter.isEmpty())
        filter.setTextFilter(options.filter);
    TimedTableView view;
    setUpView(view, filter, options.follow);

    // A flush starts with the eviction (the ring is full) or the insertion, ends with the latter.
    QElapsedTimer flushTimer;
    double flushCpuStart = 0;
    std::vector<double> flushMs;
    std::vector<double> flushCpuMs;
    const auto flushStarts = [&flushTimer, &flushCpuStart] {
        flushTimer.start();
        flushCpuStart = threadCpuSeconds();
    };
    QObject::connect(&log, &QAbstractItemModel::rowsAboutToBeRemoved, &app, flushStarts);
    QObject::connect(&log, &QAbstractItemModel::rowsAboutToBeInserted, &app, [&] {
        if (!flushTimer.isValid())
            flushStarts();
    });
    QObject::connect(&log, &QAbstractItemModel::rowsInserted, &app, [&] {
        flushMs.push_back(double(flushTimer.nsecsElapsed()) / 1e6);
        flushCpuMs.push_back((threadCpuSeconds() - flushCpuStart) * 1e3);
        flushTimer.invalidate();
    });

    StreamServer server;
    const quint16 port = server.listen();
    if (port == 0) {
        std::fprintf(stderr, "bench_guirate: cannot listen on 127.0.0.1\n");
        return 1;
    }
    server.start(options.rate, count);

    Sse::SourceOptions sourceOptions;
    sourceOptions.keepRawLines = true; // as Feed does
    Sse::EventSource source(QUrl(u"http://127.0.0.1:%1/events"_s.arg(port)), sourceOptions);

    QElapsedTimer clock;
    qint64 received = 0;
    qint64 outOfOrder = 0; ///< events that did not carry the id expected at their position
    qint64 firstEventNs = -1;
    qint64 lastEventNs = -1;
    std::vector<double> tickDelaysMs;
    qint64 lastTickNs = -1;
    bool streaming = false;
    bool idle = true; // before the stream: the machine's own scheduling noise
    std::vector<double> idleDelaysMs;

    // Feed::onEvent's path: the event becomes a record and goes into the log.
    QObject::connect(&source, &Sse::EventSource::eventReceived, &log, [&](const Sse::Event &event) {
        Record record;
        record.kind = Record::Kind::Event;
        record.event = event;
        log.append(record);
        ++received;
        if (event.lastEventId != QByteArray::number(received) || event.raw.isEmpty())
            ++outOfOrder;
        lastEventNs = clock.nsecsElapsed();
        if (firstEventNs < 0) {
            firstEventNs = lastEventNs;
            streaming = true;
        }
        if (received == count) {
            streaming = false;
            source.close();
            QTimer::singleShot(200, &app, &QCoreApplication::quit); // a last flush
        }
    });

    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(TickMs);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double delay = std::max(0.0, double(now - lastTickNs) / 1e6 - TickMs);
        if (streaming && lastTickNs >= 0)
            tickDelaysMs.push_back(delay);
        else if (idle && lastTickNs >= 0)
            idleDelaysMs.push_back(delay);
        lastTickNs = now;
    });

    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &app, [&] {
        timedOut = true;
        app.quit();
    });
    deadline.start(static_cast<int>(options.seconds * 3000) + options.idleMs + 10000);

    clock.start();
    tick.start();
    double cpuStart = 0;
    QTimer::singleShot(options.idleMs, &source, [&] {
        idle = false;
        flushMs.clear();
        flushCpuMs.clear();
        view.paintMs.clear();
        view.paintCpuMs.clear();
        cpuStart = threadCpuSeconds();
        clock.restart();
        lastTickNs = -1;
        source.open();
    });
    app.exec();
    const double cpuSeconds = threadCpuSeconds() - cpuStart;
    const double wallSeconds = double(clock.nsecsElapsed()) / 1e9;
    source.close();
    server.stop();
    log.flush();

    const double streamSeconds =
            firstEventNs >= 0 ? std::max(1e-9, double(lastEventNs - firstEventNs) / 1e9) : 0;
    const double delivered = streamSeconds > 0 ? double(received - 1) / streamSeconds : 0;
    const qint64 lost = count - received;
    // The log must end with the newest events, in order, after the prefill.
    const int rows = log.rowCount();
    const qint64 inLog = std::min<qint64>(rows, received);
    for (qint64 i = 0; i < inLog; ++i) {
        const Record &record = log.record(static_cast<int>(rows - inLog + i));
        if (record.event.lastEventId != QByteArray::number(received - inLog + 1 + i)) {
            ++outOfOrder;
            break;
        }
    }
    const MemoryEstimate memory = estimateMemory(log);
    const double p99 = percentile(tickDelaysMs, 0.99);
    const auto maxOf = BenchStats::maxOf;

    const bool correct = lost == 0 && outOfOrder == 0 && !timedOut;
    const bool timingOk = p99 < TargetP99Ms && delivered >= MinDeliveredShare * options.rate;
    const QJsonObject result{
            {u"bench"_s, u"guirate"_s},
            {u"rate"_s, options.rate},
            {u"seconds"_s, options.seconds},
            {u"sent"_s, count},
            {u"received"_s, received},
            {u"lost"_s, lost},
            {u"outOfOrder"_s, outOfOrder},
            {u"timedOut"_s, timedOut},
            {u"deliveredPerSec"_s, qRound(delivered)},
            {u"capacity"_s, options.capacity},
            {u"prefill"_s, options.prefill},
            {u"rawRetention"_s, log.rawRetention()},
            {u"filter"_s, options.filter},
            {u"follow"_s, options.follow},
            {u"rows"_s, rows},
            {u"proxyRows"_s, filter.rowCount()},
            {u"ringMiBEstimate"_s, double(memory.total) / 1048576.0},
            {u"rawMiBEstimate"_s, double(memory.raw) / 1048576.0},
            {u"rssMiB"_s, procStatusMiB("VmRSS")},
            {u"peakRssMiB"_s, procStatusMiB("VmHWM")},
            {u"ticks"_s, static_cast<qint64>(tickDelaysMs.size())},
            {u"tickDelayP50Ms"_s, percentile(tickDelaysMs, 0.5)},
            {u"tickDelayP99Ms"_s, p99},
            {u"tickDelayMaxMs"_s, maxOf(tickDelaysMs)},
            {u"idleTickDelayP99Ms"_s, percentile(idleDelaysMs, 0.99)},
            {u"flushes"_s, static_cast<qint64>(flushMs.size())},
            {u"flushMsP50"_s, percentile(flushMs, 0.5)},
            {u"flushMsMax"_s, maxOf(flushMs)},
            {u"flushCpuMsP50"_s, percentile(flushCpuMs, 0.5)},
            {u"flushCpuMsMax"_s, maxOf(flushCpuMs)},
            {u"paints"_s, static_cast<qint64>(view.paintMs.size())},
            {u"paintMsP50"_s, percentile(view.paintMs, 0.5)},
            {u"paintMsMax"_s, maxOf(view.paintMs)},
            {u"paintCpuMsP50"_s, percentile(view.paintCpuMs, 0.5)},
            {u"paintCpuMsMax"_s, maxOf(view.paintCpuMs)},
            {u"guiThreadCpuPct"_s, wallSeconds > 0 ? 100.0 * cpuSeconds / wallSeconds : 0},
            {u"targets"_s,
                    QJsonObject{{u"tickDelayP99Ms"_s, TargetP99Ms}, {u"lost"_s, 0},
                            {u"outOfOrder"_s, 0},
                            {u"minDeliveredPerSec"_s, MinDeliveredShare * options.rate}}},
            {u"correct"_s, correct},
            {u"pass"_s, correct && timingOk},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    if (!correct)
        return 1;
    return options.strict && !timingOk ? 2 : 0;
}
