// SPDX-License-Identifier: MIT
// bench_modelflush: the cost of a flush into a full ring, for the log alone and under filters.
#include "ui/models/eventfiltermodel.h"
#include "ui/models/eventlogmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>

#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using Record = Sse::EventLog::Record;

namespace {

Record makeRecord(quint64 n)
{
    const QByteArray id = QByteArray::number(n);
    Record record;
    record.kind = Record::Kind::Event;
    record.event.type = "tick"_ba;
    record.event.data = R"({"n":)"_ba + id + R"(,"price":101.25,"symbol":"ACME"})"_ba;
    record.event.lastEventId = id;
    record.event.receivedMs = 1700000000000 + static_cast<qint64>(n);
    record.event.connection = 1;
    record.event.raw = "id: "_ba + id + "\nevent: tick\ndata: "_ba + record.event.data + '\n';
    return record;
}

enum class Setup {
    LogOnly,
    Filter,
    FilterActive,
    FilterAndView
};

// Microseconds per event for append() and for flush() once the ring is full.
QJsonObject run(Setup setup, int capacity, int batch, int batches)
{
    EventLogModel log;
    log.setCapacity(capacity);
    EventFilterModel filter;
    std::unique_ptr<QTableView> view;
    if (setup != Setup::LogOnly)
        filter.setSourceModel(&log);
    if (setup == Setup::FilterActive)
        filter.setTextFilter(u"acme"_s);
    if (setup == Setup::FilterAndView) {
        view = std::make_unique<QTableView>();
        view->setModel(&filter);
        view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view->verticalHeader()->hide();
        view->resize(1000, 700);
        view->show();
    }
    quint64 n = 0;
    for (int i = 0; i < capacity; ++i)
        log.append(makeRecord(++n));
    log.flush();

    qint64 appendNs = 0;
    qint64 flushNs = 0;
    QElapsedTimer timer;
    for (int b = 0; b < batches; ++b) {
        timer.start();
        for (int i = 0; i < batch; ++i)
            log.append(makeRecord(++n));
        appendNs += timer.nsecsElapsed();
        timer.start();
        log.flush();
        if (view)
            view->scrollToBottom();
        flushNs += timer.nsecsElapsed();
        if (view)
            QCoreApplication::processEvents(); // paints
    }
    const double events = double(batch) * batches;
    static const char *const names[] = {
            "log", "log+filter", "log+active filter", "log+filter+view"};
    return QJsonObject{{u"setup"_s, QString::fromLatin1(names[static_cast<int>(setup)])},
            {u"capacity"_s, capacity}, {u"batch"_s, batch},
            {u"appendUsPerEvent"_s, double(appendNs) / 1000.0 / events},
            {u"flushUsPerEvent"_s, double(flushNs) / 1000.0 / events},
            {u"flushMsPerBatch"_s, double(flushNs) / 1e6 / batches}};
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Costs of EventLogModel flushes into a full ring."_s);
    parser.addHelpOption();
    const QCommandLineOption capacityOption(u"capacity"_s, u"Ring capacity."_s, u"rows"_s,
            QString::number(EventLogModel::DefaultCapacity));
    const QCommandLineOption batchOption(
            u"batch"_s, u"Events per flush (20k/s x 50 ms = 1000)."_s, u"events"_s, u"1000"_s);
    const QCommandLineOption batchesOption(
            u"batches"_s, u"Flushes to time."_s, u"count"_s, u"50"_s);
    parser.addOptions({capacityOption, batchOption, batchesOption});
    parser.process(app);
    const int capacity = std::max(1, parser.value(capacityOption).toInt());
    const int batch = std::max(1, parser.value(batchOption).toInt());
    const int batches = std::max(1, parser.value(batchesOption).toInt());
    for (const Setup setup :
            {Setup::LogOnly, Setup::Filter, Setup::FilterActive, Setup::FilterAndView}) {
        const QByteArray line =
                QJsonDocument(run(setup, capacity, batch, batches)).toJson(QJsonDocument::Compact);
        std::printf("%s\n", line.constData());
        std::fflush(stdout);
    }
    return 0;
}
