// SPDX-License-Identifier: MIT
// Tests of EventLogModel (ring buffer, batched inserts, display, anomalies) and EventFilterModel.
#include "ui/models/eventfiltermodel.h"
#include "ui/models/eventlogmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <ctime>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Record = Sse::EventLog::Record;
using Anomaly = EventLogModel::Anomaly;

namespace {

Record makeEvent(const QByteArray &type, const QByteArray &data, const QByteArray &id = {},
        int connection = 1, qint64 receivedMs = 1000)
{
    Record record;
    record.kind = Record::Kind::Event;
    record.event.type = type;
    record.event.data = data;
    record.event.lastEventId = id;
    record.event.origin = u"http://127.0.0.1:8080"_s;
    record.event.receivedMs = receivedMs;
    record.event.connection = connection;
    record.event.hasIdField = !id.isEmpty(); // as a stream that sends ids on every event
    return record;
}

Record makeRawEvent(int n)
{
    const QByteArray number = QByteArray::number(n);
    Record record = makeEvent("tick", number, number);
    record.event.raw = "id: " + number + "\ndata: " + number + '\n';
    return record;
}

Record makeComment(const QByteArray &text, qint64 receivedMs = 1000)
{
    Record record;
    record.kind = Record::Kind::Comment;
    record.event.receivedMs = receivedMs;
    record.event.connection = 1;
    record.text = text;
    return record;
}

// A log and a filter over it, both watched by QAbstractItemModelTester for the whole test.
class Models
{
public:
    Models()
    {
        filter.setSourceModel(&log);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(&log, mode));
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(&filter, mode));
    }

    EventLogModel log;
    EventFilterModel filter;

private:
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers; // destroyed first
};

// Sets TZ for the lifetime of the guard.
class TimeZoneGuard
{
public:
    explicit TimeZoneGuard(const QByteArray &zone)
        : m_wasSet(qEnvironmentVariableIsSet("TZ"))
        , m_old(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }

    ~TimeZoneGuard()
    {
        if (m_wasSet)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }

    Q_DISABLE_COPY_MOVE(TimeZoneGuard)

private:
    bool m_wasSet;
    QByteArray m_old;
};

QList<quint64> sequences(const QAbstractItemModel &model)
{
    QList<quint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(EventLogModel::SequenceRole).toULongLong());
    return result;
}

QList<quint64> range(quint64 first, quint64 last)
{
    QList<quint64> result;
    for (quint64 n = first; n <= last; ++n)
        result.append(n);
    return result;
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, column).data(role).toString());
    return result;
}

QVariant cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role);
}

} // namespace

class tst_EventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Ring buffer and batching
    void ringBuffer_keepsTheNewestRows_data();
    void ringBuffer_keepsTheNewestRows();
    void setCapacity_shrinkDropsOldestAndGrowKeepsOrder();
    void setCapacity_growAfterTheQueueOverflowedNumbersWithoutGaps();
    void append_insertsOnceWhenTheTimerFires();
    void flush_removesAtMostOnceAndInsertsOnce();
    void flush_batchLargerThanCapacityIsNeverInserted();
    void append_ignoresUnknownKinds();
    void clear_emptiesRowsAndQueue();
    void wrap_keepsTheModelTesterHappy();
    void stress_rowCountStaysWithinCapacity();

    // Raw wire lines
    void rawRetention_keepsRawLinesOfTheNewestRowsOnly();
    void rawRetention_dropsWhileQueuedToo();
    void rawLines_inTheCommonFormAreRebuiltNotStored();

    // What the columns and roles show
    void headers_nameTheColumns();
    void timeColumn_showsLocalTimeWithMilliseconds();
    void timeColumn_followsTheLocalZone_data();
    void timeColumn_followsTheLocalZone();
    void dataColumn_previewIsOneElidedLine();
    void dataColumn_toolTipIsAFewEscapedLines();
    void sizeColumn_countsUtf8Bytes();
    void sizeColumn_humanUnits_data();
    void sizeColumn_humanUnits();
    void roles_giveRawValues();
    void typeColor_isStablePerTypeAndDiffersBetweenTypes();
    void comments_areGreyAndItalic();
    void typesSeen_inFirstSeenOrderWithOneSignalPerFlush();

    // Gaps and duplicates
    void anomaly_fromNumericIds_data();
    void anomaly_fromNumericIds();
    void anomaly_isShownInTheIdColumn();
    void anomaly_repeatedIdSaysWhere();
    void anomaly_keepsItsNumbersThroughWrapsAndResizes();

    // EventFilterModel
    void filter_hiddenTypesKeepNewTypesVisible();
    void filter_onlyTypeKeepsLaterTypesOut();
    void filter_textIsCaseInsensitive();
    void filter_regex_data();
    void filter_regex();
    void filter_invalidRegexMatchesNothingAndSaysWhy();
    void filter_idIsASubstring();
    void filter_commentsToggle();
    void filter_combinesWithAnd();
    void filter_timeColumnSortsByReceiveTime();
};

void tst_EventLogModel::ringBuffer_keepsTheNewestRows_data()
{
    QTest::addColumn<int>("burst");
    QTest::addRow("one flush per record") << 1;
    QTest::addRow("bursts of three") << 3;
    QTest::addRow("one burst") << 12;
}

void tst_EventLogModel::ringBuffer_keepsTheNewestRows()
{
    QFETCH(int, burst);
    Models m;
    m.log.setCapacity(5);
    for (int i = 1; i <= 12; ++i) {
        m.log.append(makeEvent("tick", QByteArray::number(i)));
        if (i % burst == 0)
            m.log.flush();
    }
    m.log.flush();
    QCOMPARE(m.log.rowCount(), 5);
    QCOMPARE(sequences(m.log), range(8, 12));
    QCOMPARE(column(m.log, EventLogModel::DataColumn),
            (QStringList{u"8"_s, u"9"_s, u"10"_s, u"11"_s, u"12"_s}));
    QCOMPARE(m.log.evictedCount(), 7u);
    QCOMPARE(m.log.totalReceived(), 12u);
    QCOMPARE(sequences(m.filter), range(8, 12));
}

void tst_EventLogModel::setCapacity_shrinkDropsOldestAndGrowKeepsOrder()
{
    Models m;
    QCOMPARE(m.log.capacity(), EventLogModel::DefaultCapacity);
    m.log.setCapacity(6);
    for (int i = 0; i < 9; ++i) // wraps the ring: rows 4..9, stored out of order
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    QCOMPARE(sequences(m.log), range(4, 9));

    QSignalSpy removed(&m.log, &QAbstractItemModel::rowsRemoved);
    m.log.setCapacity(4);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(sequences(m.log), range(6, 9));
    QCOMPARE(m.log.evictedCount(), 5u);

    m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    QCOMPARE(sequences(m.log), range(7, 10));

    m.log.setCapacity(7);
    for (int i = 0; i < 2; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    QCOMPARE(sequences(m.log), range(7, 12));
    for (int i = 0; i < 3; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    QCOMPARE(sequences(m.log), range(9, 15));

    // A queued batch is cut to the new capacity too.
    for (int i = 0; i < 5; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.setCapacity(2);
    QCOMPARE(m.log.pendingCount(), 2);
    m.log.flush();
    QCOMPARE(sequences(m.log), range(19, 20));
    QCOMPARE(m.log.evictedCount(), 18u);

    m.log.setCapacity(0);
    QCOMPARE(m.log.capacity(), 1);
    QCOMPARE(sequences(m.log), range(20, 20));
}

// The queue dropped record 3 while rows 1 and 2 waited in the table: those go too, as they would
// have under the old capacity, so that row numbers never skip.
void tst_EventLogModel::setCapacity_growAfterTheQueueOverflowedNumbersWithoutGaps()
{
    Models m;
    m.log.setCapacity(3);
    for (int i = 0; i < 2; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    for (int i = 0; i < 4; ++i)
        m.log.append(makeEvent("tick", "x"));
    QCOMPARE(m.log.pendingCount(), 3);
    m.log.setCapacity(10);
    m.log.flush();
    QCOMPARE(sequences(m.log), range(4, 6));
    QCOMPARE(m.log.evictedCount(), 3u);
    QCOMPARE(m.log.headerData(0, Qt::Vertical).toULongLong(), 4u);
    QCOMPARE(m.log.data(m.log.index(2, 0), EventLogModel::SequenceRole).toULongLong(), 6u);

    m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    QCOMPARE(sequences(m.log), range(4, 7));
}

void tst_EventLogModel::append_insertsOnceWhenTheTimerFires()
{
    Models m;
    QCOMPARE(m.log.flushInterval(), 50ms);
    QSignalSpy inserted(&m.log, &QAbstractItemModel::rowsInserted);
    QSignalSpy filterInserted(&m.filter, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 1000; ++i)
        m.log.append(makeEvent("tick", QByteArray::number(i), QByteArray::number(i + 1)));
    QCOMPARE(m.log.rowCount(), 0);
    QCOMPARE(m.log.pendingCount(), 1000);
    QCOMPARE(inserted.count(), 0);

    QVERIFY(inserted.wait());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 999);
    QCOMPARE(m.log.rowCount(), 1000);
    QCOMPARE(m.log.pendingCount(), 0);
    QCOMPARE(filterInserted.count(), 1);
    QCOMPARE(m.filter.rowCount(), 1000);

    // The timer is single-shot and restarts on the next append.
    m.log.setFlushInterval(10ms);
    m.log.append(makeEvent("tick", "late"));
    QTRY_COMPARE(m.log.rowCount(), 1001);
    QCOMPARE(inserted.count(), 2);
}

void tst_EventLogModel::flush_removesAtMostOnceAndInsertsOnce()
{
    Models m;
    m.log.setCapacity(10);
    for (int i = 0; i < 6; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();

    QStringList order;
    connect(&m.log, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [&order](const QModelIndex &, int first, int last) {
                order.append(u"remove %1-%2"_s.arg(first).arg(last));
            });
    connect(&m.log, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [&order](const QModelIndex &, int first, int last) {
                order.append(u"insert %1-%2"_s.arg(first).arg(last));
            });
    for (int i = 0; i < 8; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    QCOMPARE(order, (QStringList{u"remove 0-3"_s, u"insert 2-9"_s}));
    QCOMPARE(sequences(m.log), range(5, 14));

    order.clear();
    m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    QCOMPARE(order, (QStringList{u"remove 0-0"_s, u"insert 9-9"_s}));

    order.clear();
    m.log.flush(); // nothing queued: no signals
    QCOMPARE(order, QStringList());
}

void tst_EventLogModel::flush_batchLargerThanCapacityIsNeverInserted()
{
    Models m;
    m.log.setCapacity(5);
    for (int i = 0; i < 3; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();

    QSignalSpy removed(&m.log, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&m.log, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 12; ++i)
        m.log.append(makeEvent("tick", "x"));
    QCOMPARE(m.log.pendingCount(), 5);
    m.log.flush();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(sequences(m.log), range(11, 15));
    QCOMPARE(m.log.evictedCount(), 10u);
    QCOMPARE(m.log.totalReceived(), 15u);
}

void tst_EventLogModel::append_ignoresUnknownKinds()
{
    Models m;
    m.log.append(Record()); // Kind::Other
    m.log.flush();
    QCOMPARE(m.log.rowCount(), 0);
    QCOMPARE(m.log.totalReceived(), 0u);
}

void tst_EventLogModel::clear_emptiesRowsAndQueue()
{
    Models m;
    for (int i = 0; i < 4; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    m.log.append(makeEvent("tick", "queued"));

    QSignalSpy reset(&m.log, &QAbstractItemModel::modelReset);
    m.log.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m.log.rowCount(), 0);
    QCOMPARE(m.log.pendingCount(), 0);
    QCOMPARE(m.filter.rowCount(), 0);
    m.log.flush();
    QCOMPARE(m.log.rowCount(), 0);

    // The feed goes on: numbering continues and the table fills again.
    m.log.append(makeEvent("tick", "after"));
    m.log.flush();
    QCOMPARE(sequences(m.log), range(6, 6));
    QCOMPARE(m.log.totalReceived(), 6u);
    QCOMPARE(m.log.evictedCount(), 0u);
    QCOMPARE(m.log.typesSeen(), QStringList{u"tick"_s});

    m.log.clear();
    m.log.clear(); // empty: no reset
    QCOMPARE(reset.count(), 2);
}

// Bursts that overfill the ring, with the testers watching the log and a filtered proxy. A
// small capacity: the testers walk every row on every change.
void tst_EventLogModel::wrap_keepsTheModelTesterHappy()
{
    Models m;
    m.log.setCapacity(1000);
    m.filter.setIdFilter(u"7"_s);
    int maxRows = 0;
    connect(&m.log, &QAbstractItemModel::rowsInserted, this,
            [&m, &maxRows] { maxRows = std::max(maxRows, m.log.rowCount()); });
    const QList<int> bursts{300, 700, 600, 400, 1500, 1};
    quint64 total = 0;
    for (const int burst : bursts) {
        for (int i = 0; i < burst; ++i)
            m.log.append(makeEvent("tick", "payload", QByteArray::number(++total)));
        QVERIFY(m.log.pendingCount() <= m.log.capacity());
        m.log.flush();
        QVERIFY(m.log.rowCount() <= m.log.capacity());
        const int rows = m.log.rowCount();
        QCOMPARE(m.log.sequence(0), total - static_cast<quint64>(rows) + 1);
        QCOMPARE(m.log.sequence(rows - 1), total);
        int expected = 0;
        for (quint64 n = total - static_cast<quint64>(rows) + 1; n <= total; ++n)
            expected += QByteArray::number(n).contains('7') ? 1 : 0;
        QCOMPARE(m.filter.rowCount(), expected);
        QVERIFY(m.filter.index(expected - 1, EventLogModel::IdColumn)
                        .data()
                        .toString()
                        .contains(u'7'));
    }
    QCOMPARE(total, 3501u);
    QCOMPARE(maxRows, 1000);
    QCOMPARE(m.log.totalReceived(), 3501u);
    QCOMPARE(m.log.evictedCount(), 2501u);
    QCOMPARE(cell(m.log, 0, EventLogModel::IdColumn).toString(), u"2502"_s);
    QCOMPARE(cell(m.log, 999, EventLogModel::IdColumn).toString(), u"3501"_s);
    m.filter.setIdFilter(QString());
    QCOMPARE(sequences(m.filter), range(2502, 3501));
}

// The default capacity, filled twice over. No model testers: at this size they would take
// seconds, and wrap_keepsTheModelTesterHappy() covers the signals.
void tst_EventLogModel::stress_rowCountStaysWithinCapacity()
{
    EventLogModel log;
    EventFilterModel filter;
    filter.setSourceModel(&log);
    QCOMPARE(log.capacity(), 100000);
    int maxRows = 0;
    connect(&log, &QAbstractItemModel::rowsInserted, this,
            [&log, &maxRows] { maxRows = std::max(maxRows, log.rowCount()); });
    const QList<int> bursts{30000, 70000, 60000, 40000};
    quint64 total = 0;
    for (const int burst : bursts) {
        for (int i = 0; i < burst; ++i)
            log.append(makeEvent("tick", "payload", QByteArray::number(++total)));
        QVERIFY(log.pendingCount() <= log.capacity());
        log.flush();
        QVERIFY(log.rowCount() <= log.capacity());
        const int rows = log.rowCount();
        QCOMPARE(log.sequence(0), total - static_cast<quint64>(rows) + 1);
        QCOMPARE(log.sequence(rows - 1), total);
        QCOMPARE(filter.rowCount(), rows);
    }
    QCOMPARE(total, 200000u);
    QCOMPARE(maxRows, 100000);
    QCOMPARE(log.rowCount(), 100000);
    QCOMPARE(log.totalReceived(), 200000u);
    QCOMPARE(log.evictedCount(), 100000u);
    QCOMPARE(cell(log, 0, EventLogModel::IdColumn).toString(), u"100001"_s);
    QCOMPARE(cell(log, 99999, EventLogModel::IdColumn).toString(), u"200000"_s);
    QCOMPARE(cell(log, 0, 0, EventLogModel::AnomalyRole).value<Anomaly>(), Anomaly::None);
    QCOMPARE(cell(filter, 0, EventLogModel::IdColumn).toString(), u"100001"_s);
    QCOMPARE(cell(filter, 99999, EventLogModel::IdColumn).toString(), u"200000"_s);
}

void tst_EventLogModel::rawRetention_keepsRawLinesOfTheNewestRowsOnly()
{
    Models m;
    QCOMPARE(m.log.rawRetention(), EventLogModel::DefaultRawRetention);
    QCOMPARE(EventLogModel::DefaultRawRetention, 5000);
    m.log.setCapacity(8);
    m.log.setRawRetention(3);
    QCOMPARE(m.log.rawRetention(), 3);
    const auto rawOf = [&m](int row) {
        return cell(m.log, row, 0, EventLogModel::EventRole).value<Sse::Event>().raw;
    };
    const auto dropped = [&m] {
        QList<bool> result;
        for (int row = 0; row < m.log.rowCount(); ++row) {
            const bool flag = m.log.isRawDropped(row);
            if (cell(m.log, row, 0, EventLogModel::RawDroppedRole).toBool() != flag)
                return QList<bool>{};
            if (flag && !m.log.record(row).event.raw.isEmpty())
                return QList<bool>{};
            result.append(flag);
        }
        return result;
    };

    for (int i = 1; i <= 5; ++i)
        m.log.append(makeRawEvent(i));
    m.log.flush();
    QCOMPARE(dropped(), (QList<bool>{true, true, false, false, false}));
    QCOMPARE(rawOf(0), QByteArray());
    QCOMPARE(rawOf(2), "id: 3\ndata: 3\n"_ba);
    QCOMPARE(m.log.record(4).event.raw, "id: 5\ndata: 5\n"_ba);
    QCOMPARE(cell(m.log, 0, EventLogModel::DataColumn).toString(), u"1"_s); // the rest stays

    // Comments and events that came without raw lines never count as dropped.
    m.log.append(makeComment("ping"));
    m.log.append(makeEvent("tick", "no raw"));
    m.log.append(makeRawEvent(8));
    m.log.flush();
    QCOMPARE(dropped(), (QList<bool>{true, true, true, true, true, false, false, false}));
    QVERIFY(!cell(m.log, 6, 0, EventLogModel::RawDroppedRole).toBool());

    // Wrapping the ring keeps the newest three.
    for (int i = 9; i <= 13; ++i)
        m.log.append(makeRawEvent(i));
    m.log.flush();
    QCOMPARE(sequences(m.log), range(6, 13));
    QCOMPARE(dropped(), (QList<bool>{false, false, true, true, true, false, false, false}));
    QCOMPARE(m.log.record(7).event.raw, "id: 13\ndata: 13\n"_ba);

    // Shrinking drops at once; growing brings nothing back, but newer rows keep more.
    m.log.setRawRetention(1);
    QCOMPARE(dropped(), (QList<bool>{false, false, true, true, true, true, true, false}));
    m.log.setRawRetention(-4);
    QCOMPARE(m.log.rawRetention(), 0);
    QCOMPARE(dropped(), (QList<bool>{false, false, true, true, true, true, true, true}));
    m.log.setRawRetention(4);
    m.log.append(makeRawEvent(14));
    m.log.append(makeRawEvent(15));
    m.log.flush();
    QCOMPARE(dropped(), (QList<bool>{true, true, true, true, true, true, false, false}));

    // clear() forgets the rows, not the setting.
    m.log.clear();
    for (int i = 16; i <= 21; ++i)
        m.log.append(makeRawEvent(i));
    m.log.flush();
    QCOMPARE(m.log.rawRetention(), 4);
    QCOMPARE(dropped(), (QList<bool>{true, true, false, false, false, false}));
}

// Queued records count: a burst far bigger than the retention never holds all its lines, even
// before the flush, and the lines of queued records evicted by capacity go with them.
void tst_EventLogModel::rawRetention_dropsWhileQueuedToo()
{
    Models m;
    m.log.setCapacity(6);
    m.log.setRawRetention(2);
    for (int i = 1; i <= 4; ++i)
        m.log.append(makeRawEvent(i));
    m.log.flush();
    for (int i = 5; i <= 30; ++i)
        m.log.append(makeRawEvent(i));
    QCOMPARE(m.log.pendingCount(), 6);
    m.log.setCapacity(4); // cuts the queue while the table still has rows
    m.log.flush();
    QCOMPARE(sequences(m.log), range(27, 30));
    for (int row = 0; row < 4; ++row)
        QCOMPARE(m.log.isRawDropped(row), row < 2);
    QCOMPARE(m.log.record(3).event.raw, "id: 30\ndata: 30\n"_ba);

    // A retention above the capacity keeps every row's lines.
    m.log.setRawRetention(100);
    for (int i = 31; i <= 40; ++i)
        m.log.append(makeRawEvent(i));
    m.log.flush();
    QCOMPARE(sequences(m.log), range(37, 40));
    for (int row = 0; row < 4; ++row)
        QVERIFY(!m.log.isRawDropped(row));

    // Just above the capacity: evictions and drops take turns.
    m.log.setCapacity(2);
    m.log.setRawRetention(3);
    for (int i = 41; i <= 50; i += 2) {
        m.log.append(makeRawEvent(i));
        m.log.append(makeRawEvent(i + 1));
        m.log.flush();
        QCOMPARE(sequences(m.log), range(i, i + 1));
        QCOMPARE(m.log.record(0).event.raw,
                "id: "_ba + QByteArray::number(i) + "\ndata: "_ba + QByteArray::number(i) + '\n');
        QVERIFY(!m.log.isRawDropped(1));
    }
}

// Lines in the form Sse::Wire::event() writes are rebuilt, not stored: byte for byte the same,
// for every row whatever the raw retention. Any other form is stored as it came.
void tst_EventLogModel::rawLines_inTheCommonFormAreRebuiltNotStored()
{
    Models m;
    m.log.setRawRetention(1);
    Record common = makeEvent("update", "{\"a\":1}\nline two", "7");
    common.event.raw = "id: 7\nevent: update\ndata: {\"a\":1}\ndata: line two\n\n";
    Record message = makeEvent("message", "x"); // no id field, no event line
    message.event.raw = "data: x\n\n";
    Record asSent = makeEvent("update", "x", "8");
    asSent.event.raw = "id:8\nevent:update\ndata:x\n\n"; // no spaces
    Record namedMessage = makeEvent("message", "y", "9");
    namedMessage.event.raw = "id: 9\nevent: message\ndata: y\n\n";
    for (const Record &record : {common, message, asSent, namedMessage})
        m.log.append(record);
    m.log.flush();

    QCOMPARE(m.log.record(0).event.raw, QByteArray()); // not stored...
    QCOMPARE(m.log.rawLines(0), common.event.raw); // ...but there, beyond the retention too
    QCOMPARE(m.log.rawLines(1), message.event.raw);
    QVERIFY(!m.log.isRawDropped(0));
    QVERIFY(!m.log.isRawDropped(1));
    QVERIFY(m.log.isRawDropped(2)); // stored, and beyond the retention of 1
    QCOMPARE(m.log.rawLines(2), QByteArray());
    QCOMPARE(m.log.record(3).event.raw, namedMessage.event.raw); // "event: message" kept
    QCOMPARE(m.log.rawLines(3), namedMessage.event.raw);

    QCOMPARE(m.log.recordWithRawLines(0), common);
    QCOMPARE(m.log.data(m.log.index(0, 0), EventLogModel::RecordRole).value<Record>(), common);
    QCOMPARE(m.log.data(m.log.index(1, 0), EventLogModel::EventRole).value<Sse::Event>(),
            message.event);
}

void tst_EventLogModel::headers_nameTheColumns()
{
    Models m;
    QCOMPARE(m.log.columnCount(), 5);
    QStringList headers;
    for (int c = 0; c < EventLogModel::ColumnCount; ++c)
        headers.append(m.log.headerData(c, Qt::Horizontal).toString());
    QCOMPARE(headers, (QStringList{u"Time"_s, u"Type"_s, u"ID"_s, u"Data"_s, u"Size"_s}));

    m.log.setCapacity(2);
    for (int i = 0; i < 3; ++i)
        m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    QCOMPARE(m.log.headerData(0, Qt::Vertical).toULongLong(), 2u); // the sequence number
}

void tst_EventLogModel::timeColumn_showsLocalTimeWithMilliseconds()
{
    Models m;
    const QDateTime time(QDate(2024, 5, 6), QTime(13, 14, 15, 78));
    m.log.append(makeEvent("tick", "x", {}, 1, time.toMSecsSinceEpoch()));
    m.log.flush();
    QCOMPARE(cell(m.log, 0, EventLogModel::TimeColumn).toString(), u"13:14:15.078"_s);
    QCOMPARE(cell(m.log, 0, EventLogModel::TimeColumn, EventLogModel::ReceivedMsRole).toLongLong(),
            time.toMSecsSinceEpoch());
}

void tst_EventLogModel::timeColumn_followsTheLocalZone_data()
{
    // POSIX rules, so that the test needs no tzdata.
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("julyOffset"); // seconds east of UTC, proves the zone took effect
    QTest::addRow("UTC") << "UTC0"_ba << 0;
    QTest::addRow("central Europe") << "CET-1CEST,M3.5.0,M10.5.0/3"_ba << 7200;
    QTest::addRow("Nepal, +05:45") << "<+0545>-5:45"_ba << 20700;
    QTest::addRow("Newfoundland, -03:30 with DST")
            << "<-0330>3:30<-0230>,M3.2.0,M11.1.0"_ba << -9000;
    QTest::addRow("Lord Howe, 30 minute DST") << "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"_ba << 37800;
}

// The column formats by itself with a cached offset; it must agree with QDateTime everywhere,
// around DST changes too.
void tst_EventLogModel::timeColumn_followsTheLocalZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, julyOffset);
    const TimeZoneGuard guard(zone);
    Models m;
    QList<qint64> times{-86400001, -1, 0, 1};
    const auto utc = [](int year, int month, int day, int hour, int minute) {
        return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
    };
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(utc(2024, 7, 1, 12, 0)).offsetFromUtc(), julyOffset);
    const QList<qint64> around{utc(2024, 1, 1, 0, 0), utc(2024, 3, 10, 5, 30),
            utc(2024, 3, 31, 1, 0), utc(2024, 4, 6, 15, 0), utc(2024, 10, 5, 15, 30),
            utc(2024, 10, 27, 1, 0), utc(2024, 11, 3, 4, 30)};
    for (const qint64 base : around) {
        times << base - 1 << base << base + 1;
        for (qint64 t = base - 3 * 3600 * 1000; t <= base + 3 * 3600 * 1000; t += 433017)
            times << t;
    }
    m.log.setCapacity(static_cast<int>(times.size()));
    for (const qint64 t : times)
        m.log.append(makeEvent("tick", "x", {}, 1, t));
    m.log.flush();
    for (int row = 0; row < m.log.rowCount(); ++row) {
        const qint64 t = times.at(row);
        QCOMPARE(cell(m.log, row, EventLogModel::TimeColumn).toString(),
                QDateTime::fromMSecsSinceEpoch(t).toString(u"HH:mm:ss.zzz"_s));
    }
}

void tst_EventLogModel::dataColumn_previewIsOneElidedLine()
{
    Models m;
    m.log.append(makeEvent("tick", "first line\nsecond\n\nfourth"));
    m.log.append(makeEvent("tick", QByteArray(500, 'x')));
    m.log.append(makeEvent("tick", "tab\there\x01"));
    m.log.append(makeEvent("tick",
            QByteArray(199, 'a')
                    + "\xF0\x9F\x98\x80"
                      "b")); // 😀 at the cut
    m.log.append(makeEvent("tick", ""));
    m.log.flush();

    QCOMPARE(cell(m.log, 0, EventLogModel::DataColumn).toString(),
            u"first line\u23CEsecond\u23CE\u23CEfourth"_s);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::DataRole).toString(),
            u"first line\nsecond\n\nfourth"_s);
    QCOMPARE(
            cell(m.log, 1, EventLogModel::DataColumn).toString(), QString(200, u'x') + u"\u2026"_s);
    QCOMPARE(cell(m.log, 2, EventLogModel::DataColumn).toString(), u"tab here "_s);
    QCOMPARE(cell(m.log, 3, EventLogModel::DataColumn).toString(),
            QString(199, u'a') + u"\u2026"_s); // never half a surrogate pair
    QCOMPARE(cell(m.log, 4, EventLogModel::DataColumn).toString(), QString());
}

void tst_EventLogModel::dataColumn_toolTipIsAFewEscapedLines()
{
    Models m;
    QByteArray data = "<b>not bold</b>";
    for (int i = 2; i <= 30; ++i)
        data += "\nline " + QByteArray::number(i);
    m.log.append(makeEvent("tick", data));
    m.log.flush();
    const QString tip = cell(m.log, 0, EventLogModel::DataColumn, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"&lt;b&gt;not bold&lt;/b&gt;"_s), qPrintable(tip));
    QVERIFY(tip.contains(u"line 12"_s));
    QVERIFY(!tip.contains(u"line 13"_s));
    QVERIFY(tip.contains(u"\u2026"_s));
}

void tst_EventLogModel::sizeColumn_countsUtf8Bytes()
{
    Models m;
    m.log.append(makeEvent("tick", "caf\xC3\xA9"));
    m.log.append(makeEvent("tick", "\xF0\x9F\x98\x80"));
    m.log.append(makeComment("ping"));
    m.log.flush();
    QCOMPARE(column(m.log, EventLogModel::SizeColumn), (QStringList{u"5 B"_s, u"4 B"_s, u"4 B"_s}));
    QCOMPARE(cell(m.log, 0, EventLogModel::SizeColumn, EventLogModel::SizeRole).toLongLong(), 5);
    QCOMPARE(cell(m.log, 0, EventLogModel::SizeColumn, Qt::ToolTipRole).toString(), u"5 bytes"_s);
}

void tst_EventLogModel::sizeColumn_humanUnits_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<double>("value"); // < 0: a whole number of bytes
    QTest::addColumn<QString>("unit");
    QTest::addRow("0") << qint64(0) << -1.0 << u"B"_s;
    QTest::addRow("812") << qint64(812) << -1.0 << u"B"_s;
    QTest::addRow("1023") << qint64(1023) << -1.0 << u"B"_s;
    QTest::addRow("1 KiB") << qint64(1024) << 1.0 << u"KiB"_s;
    QTest::addRow("1.2 KiB") << qint64(1229) << 1.2 << u"KiB"_s;
    QTest::addRow("just under 1 MiB") << qint64(1024 * 1024 - 1) << 1.0 << u"MiB"_s;
    QTest::addRow("5 MiB") << qint64(5 * 1024 * 1024) << 5.0 << u"MiB"_s;
    QTest::addRow("3.5 GiB") << qint64(3584) * 1024 * 1024 << 3.5 << u"GiB"_s;
}

void tst_EventLogModel::sizeColumn_humanUnits()
{
    QFETCH(qint64, bytes);
    QFETCH(double, value);
    QFETCH(QString, unit);
    const QString number = value < 0 ? QString::number(bytes) : QLocale().toString(value, 'f', 1);
    QCOMPARE(EventLogModel::sizeText(bytes), number + u' ' + unit);
}

void tst_EventLogModel::roles_giveRawValues()
{
    Models m;
    const Record record = makeEvent("t\xC3\xA9", "d\xC3\xA9", "id-\xC3\xA9", 3, 42);
    m.log.append(record);
    m.log.append(makeEvent("message", "unnamed"));
    m.log.flush();
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::TypeRole).toString(), u"t\u00e9"_s);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::DataRole).toString(), u"d\u00e9"_s);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::IdRole).toString(), u"id-\u00e9"_s);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::ReceivedMsRole).toLongLong(), 42);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::SequenceRole).toULongLong(), 1u);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::KindRole).value<Record::Kind>(), Record::Kind::Event);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::EventRole).value<Sse::Event>(), record.event);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::RecordRole).value<Record>().event, record.event);
    QCOMPARE(m.log.record(0).event, record.event);
    QCOMPARE(cell(m.log, 0, EventLogModel::TypeColumn).toString(), u"t\u00e9"_s);
    QCOMPARE(cell(m.log, 0, EventLogModel::IdColumn).toString(), u"id-\u00e9"_s);
    QCOMPARE(cell(m.log, 1, EventLogModel::TypeColumn).toString(), u"message"_s);
    QCOMPARE(cell(m.log, 1, EventLogModel::DataColumn).toString(), u"unnamed"_s);
}

void tst_EventLogModel::typeColor_isStablePerTypeAndDiffersBetweenTypes()
{
    Models m;
    m.log.append(makeEvent("tick", "1"));
    m.log.append(makeEvent("alert", "2"));
    m.log.append(makeEvent("tick", "3"));
    m.log.flush();
    const auto color = [&m](int row, int role) {
        return cell(m.log, row, EventLogModel::TypeColumn, role).value<QColor>();
    };
    QVERIFY(color(0, Qt::ForegroundRole).isValid());
    QCOMPARE(color(0, Qt::ForegroundRole), color(2, Qt::ForegroundRole));
    QCOMPARE(color(0, Qt::ForegroundRole), EventLogModel::typeColor("tick"));
    QCOMPARE(color(0, Qt::DecorationRole), EventLogModel::typeColor("tick"));
    QVERIFY(color(0, Qt::ForegroundRole) != color(1, Qt::ForegroundRole));
    // The same in every run: FNV-1a, not the seeded qHash.
    QCOMPARE(EventLogModel::typeColor("tick").name(), u"#e72486"_s);

    // Readable on white and on a dark base: mid luminance for every colour in use.
    for (const QByteArray &type : {"tick"_ba, "alert"_ba, "message"_ba, "a"_ba, "b"_ba}) {
        const QColor c = EventLogModel::typeColor(type);
        QVERIFY2(c.lightnessF() > 0.25 && c.lightnessF() < 0.7, qPrintable(c.name()));
    }
    QVERIFY(!cell(m.log, 0, EventLogModel::DataColumn, Qt::ForegroundRole).isValid());
}

void tst_EventLogModel::comments_areGreyAndItalic()
{
    Models m;
    m.log.append(makeComment("heartbeat"));
    m.log.append(makeEvent("tick", "x"));
    m.log.flush();
    for (int c = 0; c < EventLogModel::ColumnCount; ++c) {
        QVERIFY(cell(m.log, 0, c, Qt::FontRole).value<QFont>().italic());
        QVERIFY(cell(m.log, 0, c, Qt::ForegroundRole).value<QColor>().isValid());
        QVERIFY(!cell(m.log, 1, c, Qt::FontRole).isValid());
    }
    QCOMPARE(cell(m.log, 0, EventLogModel::TypeColumn).toString(), u"(comment)"_s);
    QCOMPARE(cell(m.log, 0, EventLogModel::DataColumn).toString(), u"heartbeat"_s);
    QCOMPARE(cell(m.log, 0, EventLogModel::IdColumn).toString(), QString());
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::KindRole).value<Record::Kind>(),
            Record::Kind::Comment);
    QCOMPARE(cell(m.log, 0, 0, EventLogModel::TypeRole).toString(), QString());
    QCOMPARE(m.log.typesSeen(), QStringList{u"tick"_s});
}

void tst_EventLogModel::typesSeen_inFirstSeenOrderWithOneSignalPerFlush()
{
    Models m;
    QSignalSpy changed(&m.log, &EventLogModel::typesChanged);
    for (const QByteArray &type : {"b"_ba, "a"_ba, "b"_ba, "message"_ba, "a"_ba})
        m.log.append(makeEvent(type, "x"));
    QCOMPARE(m.log.typesSeen(), (QStringList{u"b"_s, u"a"_s, u"message"_s}));
    QCOMPARE(changed.count(), 0);
    m.log.flush();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toStringList(), (QStringList{u"b"_s, u"a"_s, u"message"_s}));

    m.log.append(makeEvent("a", "x"));
    m.log.append(makeComment("c"));
    m.log.flush();
    QCOMPARE(changed.count(), 1);

    m.log.append(makeEvent("z", "x"));
    QVERIFY(changed.wait());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m.log.typesSeen(), (QStringList{u"b"_s, u"a"_s, u"message"_s, u"z"_s}));
}

void tst_EventLogModel::anomaly_fromNumericIds_data()
{
    QTest::addColumn<QByteArrayList>("ids");
    QTest::addColumn<QList<int>>("connections");
    QTest::addColumn<QList<Anomaly>>("expected");
    const auto None = Anomaly::None;
    const auto Gap = Anomaly::Gap;
    const auto Duplicate = Anomaly::Duplicate;

    QTest::addRow("in order") << QByteArrayList{"1", "2", "3"} << QList<int>{1, 1, 1}
                              << QList<Anomaly>{None, None, None};
    QTest::addRow("jump") << QByteArrayList{"1", "2", "3", "5"} << QList<int>{1, 1, 1, 1}
                          << QList<Anomaly>{None, None, None, Gap};
    QTest::addRow("repeat after reconnect") << QByteArrayList{"1", "2", "2"} << QList<int>{1, 1, 2}
                                            << QList<Anomaly>{None, None, Duplicate};
    QTest::addRow("replay after reconnect")
            << QByteArrayList{"1", "2", "3", "2", "3", "4"} << QList<int>{1, 1, 1, 2, 2, 2}
            << QList<Anomaly>{None, None, None, Duplicate, None, None};
    QTest::addRow("went back on one connection")
            << QByteArrayList{"5", "3"} << QList<int>{1, 1} << QList<Anomaly>{None, Duplicate};
    QTest::addRow("repeated on one connection")
            << QByteArrayList{"5", "5"} << QList<int>{1, 1} << QList<Anomaly>{None, Duplicate};
    // "<2>": an event without an id field, which carries the last id over. It repeats nothing.
    QTest::addRow("id carried over")
            << QByteArrayList{"1", "2", "<2>", "3"} << QList<int>{1, 1, 1, 1}
            << QList<Anomaly>{None, None, None, None};
    QTest::addRow("id carried over after reconnect") << QByteArrayList{
            "5", "<5>", "6"} << QList<int>{1, 2, 2} << QList<Anomaly>{None, None, None};
    QTest::addRow("set again after a carried one") << QByteArrayList{
            "5", "<5>", "5"} << QList<int>{1, 1, 1} << QList<Anomaly>{None, None, Duplicate};
    QTest::addRow("numeric suffix")
            << QByteArrayList{"evt-7", "evt-8"} << QList<int>{1, 1} << QList<Anomaly>{None, None};
    QTest::addRow("numeric suffix jump") << QByteArrayList{"evt-7", "evt-8", "evt-41"}
                                         << QList<int>{1, 1, 1} << QList<Anomaly>{None, None, Gap};
    QTest::addRow("other prefix") << QByteArrayList{"evt-7", "msg-9", "msg-9"}
                                  << QList<int>{1, 1, 2} << QList<Anomaly>{None, None, Duplicate};
    QTest::addRow("non-numeric") << QByteArrayList{"abc", "abc", "abd"} << QList<int>{1, 2, 2}
                                 << QList<Anomaly>{None, Duplicate, None};
    QTest::addRow("non-numeric on one connection")
            << QByteArrayList{"abc", "abc"} << QList<int>{1, 1} << QList<Anomaly>{None, Duplicate};
    QTest::addRow("non-numeric carried over") << QByteArrayList{"abc", "<abc>",
            "<abc>"} << QList<int>{1, 1, 2} << QList<Anomaly>{None, None, None};
    // An empty id field resets the id: no id, nothing to repeat.
    QTest::addRow("empty") << QByteArrayList{"", "", ""} << QList<int>{1, 2, 3}
                           << QList<Anomaly>{None, None, None};
    QTest::addRow("non-numeric in between") << QByteArrayList{"1", "x", "5"} << QList<int>{1, 1, 1}
                                            << QList<Anomaly>{None, None, None};
    QTest::addRow("stream ids <ms>-<n>")
            << QByteArrayList{"1718000000000-0", "1718000000001-0", "1718000000001-1"}
            << QList<int>{1, 1, 1} << QList<Anomaly>{None, None, None};
    QTest::addRow("too long to be a number")
            << QByteArrayList{"1234567890123456789", "1234567890123456799"} << QList<int>{1, 1}
            << QList<Anomaly>{None, None};
}

void tst_EventLogModel::anomaly_fromNumericIds()
{
    QFETCH(QByteArrayList, ids);
    QFETCH(QList<int>, connections);
    QFETCH(QList<Anomaly>, expected);
    Models m;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QByteArray &id = ids.at(i);
        const bool carried = id.startsWith('<');
        Record event =
                makeEvent("tick", "x", carried ? id.sliced(1).chopped(1) : id, connections.at(i));
        event.event.hasIdField = !carried;
        m.log.append(makeComment("between")); // comments never count
        m.log.append(event);
    }
    m.log.flush();
    QList<Anomaly> actual;
    for (int row = 1; row < m.log.rowCount(); row += 2)
        actual.append(cell(m.log, row, 0, EventLogModel::AnomalyRole).value<Anomaly>());
    QCOMPARE(actual, expected);
    for (int row = 0; row < m.log.rowCount(); row += 2)
        QCOMPARE(m.log.anomaly(row), Anomaly::None);
}

void tst_EventLogModel::anomaly_isShownInTheIdColumn()
{
    Models m;
    m.log.setCapacity(3);
    const QList<std::pair<QByteArray, int>> ids{
            {"40", 1}, {"41", 1}, {"44", 1}, {"45", 1}, {"45", 2}, {"46", 2}};
    for (const auto &[id, connection] : ids)
        m.log.append(makeEvent("tick", "x", id, connection));
    m.log.flush(); // rows 45, 45 (after a reconnect), 46; 44 is already evicted
    QCOMPARE(m.log.anomaly(1), Anomaly::Duplicate);
    QCOMPARE(cell(m.log, 1, EventLogModel::IdColumn, Qt::ToolTipRole).toString(),
            u"id 45 repeated: duplicate after reconnect?"_s);
    QVERIFY(cell(m.log, 1, EventLogModel::IdColumn, Qt::FontRole).value<QFont>().bold());
    QVERIFY(cell(m.log, 1, EventLogModel::IdColumn, Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY(cell(m.log, 1, EventLogModel::IdColumn, Qt::DecorationRole).value<QColor>().isValid());
    QVERIFY(!cell(m.log, 2, EventLogModel::IdColumn, Qt::ToolTipRole).isValid());
    QVERIFY(!cell(m.log, 2, EventLogModel::IdColumn, Qt::DecorationRole).isValid());

    m.log.append(makeEvent("tick", "x", "49"));
    m.log.append(makeEvent("tick", "x", "50"));
    m.log.append(makeEvent("tick", "x", "47"));
    m.log.flush();
    QCOMPARE(m.log.anomaly(0), Anomaly::Gap);
    QCOMPARE(cell(m.log, 0, EventLogModel::IdColumn, Qt::ToolTipRole).toString(),
            u"id jumped from 46 to 49: 2 event(s) missing?"_s);
    QCOMPARE(cell(m.log, 2, EventLogModel::IdColumn, Qt::ToolTipRole).toString(),
            u"id went back from 50 to 47: duplicate after reconnect?"_s);
    QVERIFY(cell(m.log, 0, EventLogModel::IdColumn, Qt::ForegroundRole).value<QColor>()
            != cell(m.log, 2, EventLogModel::IdColumn, Qt::ForegroundRole).value<QColor>());
}

void tst_EventLogModel::anomaly_repeatedIdSaysWhere()
{
    Models m;
    for (const QByteArray &id : {"evt-5"_ba, "evt-5"_ba, "abc"_ba, "abc"_ba})
        m.log.append(makeEvent("tick", "x", id));
    m.log.append(makeEvent("tick", "x", "abc", 2));
    m.log.flush();
    const QList<Anomaly> expected{Anomaly::None, Anomaly::Duplicate, Anomaly::None,
            Anomaly::Duplicate, Anomaly::Duplicate};
    for (int row = 0; row < m.log.rowCount(); ++row)
        QCOMPARE(m.log.anomaly(row), expected.at(row));
    // Not "after reconnect" when there was none; the id as it was sent.
    QCOMPARE(cell(m.log, 1, EventLogModel::IdColumn, Qt::ToolTipRole).toString(),
            u"id evt-5 repeated on the same connection"_s);
    QCOMPARE(cell(m.log, 3, EventLogModel::IdColumn, Qt::ToolTipRole).toString(),
            u"id abc repeated on the same connection"_s);
    QCOMPARE(cell(m.log, 4, EventLogModel::IdColumn, Qt::ToolTipRole).toString(),
            u"id abc repeated: duplicate after reconnect?"_s);
}

// The numbers behind a gap are kept aside from the rows; they must stay with their row while
// the ring wraps, shrinks and grows, and go with it.
void tst_EventLogModel::anomaly_keepsItsNumbersThroughWrapsAndResizes()
{
    Models m;
    m.log.setCapacity(4);
    quint64 id = 0;
    const auto appendMany = [&](int count) {
        for (int i = 0; i < count; ++i) {
            id += (id % 5 == 4) ? 3 : 1; // every fifth event skips two ids
            m.log.append(makeEvent("tick", "x", QByteArray::number(id)));
        }
    };
    const auto checkTexts = [&] {
        for (int row = 1; row < m.log.rowCount(); ++row) {
            const quint64 current = m.log.record(row).event.lastEventId.toULongLong();
            const quint64 previous = m.log.record(row - 1).event.lastEventId.toULongLong();
            const QVariant tip = cell(m.log, row, EventLogModel::IdColumn, Qt::ToolTipRole);
            if (current == previous + 1) {
                QVERIFY(!tip.isValid());
                continue;
            }
            QCOMPARE(tip.toString(),
                    u"id jumped from %1 to %2: 2 event(s) missing?"_s.arg(previous).arg(current));
        }
    };
    for (int burst = 0; burst < 50; ++burst) {
        appendMany(burst % 7);
        m.log.flush();
        checkTexts();
    }
    m.log.setCapacity(9);
    appendMany(11); // more than the capacity: the queue drops records, the rows all go
    m.log.flush();
    checkTexts();
    m.log.setCapacity(2);
    checkTexts();
    m.log.clear();
    appendMany(3);
    m.log.flush();
    checkTexts();
}

void tst_EventLogModel::filter_hiddenTypesKeepNewTypesVisible()
{
    Models m;
    for (const QByteArray &type : {"a"_ba, "b"_ba, "c"_ba, "b"_ba})
        m.log.append(makeEvent(type, type));
    m.log.append(makeComment("ping"));
    m.log.flush();
    QCOMPARE(m.filter.rowCount(), 5);

    m.filter.setHiddenTypes({u"b"_s, u"c"_s});
    QCOMPARE(m.filter.hiddenTypes(), (QStringList{u"b"_s, u"c"_s}));
    QCOMPARE(column(m.filter, EventLogModel::DataColumn), (QStringList{u"a"_s, u"ping"_s}));

    m.log.append(makeEvent("d", "d"));
    m.log.append(makeEvent("b", "b2"));
    m.log.flush();
    QCOMPARE(column(m.filter, EventLogModel::DataColumn), (QStringList{u"a"_s, u"ping"_s, u"d"_s}));

    m.filter.setTypeHidden(u"c"_s, false);
    m.filter.setTypeHidden(u"a"_s, true);
    QVERIFY(m.filter.isTypeHidden(u"a"_s));
    QVERIFY(!m.filter.isTypeHidden(u"c"_s));
    QCOMPARE(column(m.filter, EventLogModel::DataColumn), (QStringList{u"c"_s, u"ping"_s, u"d"_s}));

    m.filter.setHiddenTypes({});
    QCOMPARE(m.filter.rowCount(), 7);
}

void tst_EventLogModel::filter_onlyTypeKeepsLaterTypesOut()
{
    Models m;
    m.log.append(makeEvent("alpha", "1"));
    m.log.append(makeComment("ping"));
    m.log.append(makeEvent("beta", "2"));
    m.log.flush();
    m.filter.setOnlyType(u"beta"_s);
    QCOMPARE(m.filter.onlyType(), u"beta"_s);
    QCOMPARE(column(m.filter, EventLogModel::DataColumn), QStringList{u"2"_s});
    m.log.append(makeEvent("gamma", "3"));
    m.log.append(makeEvent("beta", "4"));
    m.log.append(makeComment("pong"));
    m.log.flush();
    QCOMPARE(column(m.filter, EventLogModel::DataColumn), (QStringList{u"2"_s, u"4"_s}));
    m.filter.setOnlyType({});
    QCOMPARE(m.filter.rowCount(), 6);
}

void tst_EventLogModel::filter_textIsCaseInsensitive()
{
    Models m;
    m.log.append(makeEvent("t", "Hello World"));
    m.log.append(makeEvent("t", "goodbye"));
    m.log.append(makeEvent("t", "caf\xC3\xA9 CR\xC3\x88ME"));
    m.log.append(makeComment("hello from a comment"));
    m.log.flush();

    m.filter.setTextFilter(u"HELLO"_s);
    QCOMPARE(m.filter.textFilter(), u"HELLO"_s);
    QVERIFY(!m.filter.isTextFilterRegex());
    QCOMPARE(column(m.filter, EventLogModel::DataColumn),
            (QStringList{u"Hello World"_s, u"hello from a comment"_s}));

    m.filter.setTextFilter(u"cr\u00e8me"_s);
    QCOMPARE(column(m.filter, EventLogModel::DataColumn), QStringList{u"caf\u00e9 CR\u00c8ME"_s});

    m.filter.setTextFilter(u"o w"_s);
    QCOMPARE(m.filter.rowCount(), 1);
    m.filter.setTextFilter(u"a.c"_s); // plain text: the dot is a dot
    QCOMPARE(m.filter.rowCount(), 0);
    m.filter.setTextFilter(QString());
    QCOMPARE(m.filter.rowCount(), 4);
}

void tst_EventLogModel::filter_regex_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("anchored") << u"^h.*d$"_s << QStringList{u"Hello World"_s};
    QTest::addRow("alternation") << u"world|bye"_s << QStringList{u"Hello World"_s, u"goodbye"_s};
    QTest::addRow("digits") << u"\\d{3}"_s << QStringList{u"code 404"_s};
    QTest::addRow("non-ASCII case") << u"^\u00c9t\u00c9$"_s << QStringList{u"\u00e9t\u00e9"_s};
}

void tst_EventLogModel::filter_regex()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, expected);
    Models m;
    for (const QByteArray &data :
            {"Hello World"_ba, "goodbye"_ba, "code 404"_ba, "\xC3\xA9t\xC3\xA9"_ba})
        m.log.append(makeEvent("t", data));
    m.log.flush();
    m.filter.setTextFilter(pattern, true);
    QVERIFY(m.filter.isTextFilterRegex());
    QCOMPARE(m.filter.textFilterError(), QString());
    QCOMPARE(column(m.filter, EventLogModel::DataColumn), expected);
}

void tst_EventLogModel::filter_invalidRegexMatchesNothingAndSaysWhy()
{
    Models m;
    m.log.append(makeEvent("t", "(x"));
    m.log.append(makeComment("(y"));
    m.log.flush();
    QSignalSpy errorChanged(&m.filter, &EventFilterModel::textFilterErrorChanged);

    m.filter.setTextFilter(u"(x"_s, true);
    QCOMPARE(m.filter.rowCount(), 0);
    QVERIFY(!m.filter.textFilterError().isEmpty());
    QVERIFY2(m.filter.textFilterError().contains(u"2"_s), qPrintable(m.filter.textFilterError()));
    QCOMPARE(errorChanged.count(), 1);

    m.filter.setTextFilter(u"(x"_s, false); // as plain text it matches
    QCOMPARE(m.filter.rowCount(), 1);
    QCOMPARE(m.filter.textFilterError(), QString());
    QCOMPARE(errorChanged.count(), 2);

    m.filter.setTextFilter(u"\\(.$"_s, true);
    QCOMPARE(m.filter.rowCount(), 2);
    QCOMPARE(errorChanged.count(), 2);
}

void tst_EventLogModel::filter_idIsASubstring()
{
    Models m;
    for (const QByteArray &id : {"41"_ba, "14"_ba, "evt-4A"_ba, "7"_ba, ""_ba})
        m.log.append(makeEvent("t", id, id));
    m.log.append(makeComment("no id"));
    m.log.flush();
    m.filter.setIdFilter(u"4"_s);
    QCOMPARE(m.filter.idFilter(), u"4"_s);
    QCOMPARE(column(m.filter, EventLogModel::IdColumn),
            (QStringList{u"41"_s, u"14"_s, u"evt-4A"_s}));
    m.filter.setIdFilter(u"EVT-4a"_s);
    QCOMPARE(column(m.filter, EventLogModel::IdColumn), QStringList{u"evt-4A"_s});
    m.filter.setIdFilter(QString());
    QCOMPARE(m.filter.rowCount(), 6);
}

void tst_EventLogModel::filter_commentsToggle()
{
    Models m;
    m.log.append(makeComment("ping"));
    m.log.append(makeEvent("t", "x"));
    m.log.append(makeComment("pong"));
    m.log.flush();
    QVERIFY(m.filter.showComments());
    QCOMPARE(m.filter.rowCount(), 3);
    m.filter.setShowComments(false);
    QCOMPARE(column(m.filter, EventLogModel::DataColumn), QStringList{u"x"_s});
    m.log.append(makeComment("later"));
    m.log.flush();
    QCOMPARE(m.filter.rowCount(), 1);
    m.filter.setShowComments(true);
    QCOMPARE(m.filter.rowCount(), 4);
}

void tst_EventLogModel::filter_combinesWithAnd()
{
    Models m;
    m.log.append(makeEvent("price", "apple 1", "1"));
    m.log.append(makeEvent("price", "apple 2", "2"));
    m.log.append(makeEvent("news", "apple 3", "3"));
    m.log.append(makeEvent("price", "pear 4", "4"));
    m.log.append(makeComment("apple heartbeat"));
    m.log.append(makeEvent("price", "apple 12", "12"));
    m.log.flush();

    m.filter.setTextFilter(u"apple"_s);
    QCOMPARE(m.filter.rowCount(), 5);
    m.filter.setHiddenTypes({u"news"_s});
    QCOMPARE(m.filter.rowCount(), 4);
    m.filter.setShowComments(false);
    QCOMPARE(column(m.filter, EventLogModel::IdColumn), (QStringList{u"1"_s, u"2"_s, u"12"_s}));
    m.filter.setIdFilter(u"2"_s);
    QCOMPARE(column(m.filter, EventLogModel::IdColumn), (QStringList{u"2"_s, u"12"_s}));
    m.filter.setTextFilter(u"apple \\d$"_s, true);
    QCOMPARE(column(m.filter, EventLogModel::IdColumn), QStringList{u"2"_s});

    // Rows that arrive later go through the same filters.
    m.log.append(makeEvent("price", "apple 22", "22"));
    m.log.append(makeEvent("price", "apple 7", "27"));
    m.log.append(makeEvent("news", "apple 8", "28"));
    m.log.flush();
    QCOMPARE(column(m.filter, EventLogModel::IdColumn), (QStringList{u"2"_s, u"27"_s}));
}

void tst_EventLogModel::filter_timeColumnSortsByReceiveTime()
{
    Models m;
    const qint64 midnight = QDateTime(QDate(2024, 5, 7), QTime(0, 0)).toMSecsSinceEpoch();
    m.log.append(makeEvent("t", "after midnight", {}, 1, midnight + 100));
    m.log.append(makeEvent("t", "before midnight", {}, 1, midnight - 100));
    m.log.append(makeEvent("t", "same time, later", {}, 1, midnight + 100));
    m.log.flush();
    m.filter.sort(EventLogModel::TimeColumn, Qt::AscendingOrder);
    QCOMPARE(column(m.filter, EventLogModel::DataColumn),
            (QStringList{u"before midnight"_s, u"after midnight"_s, u"same time, later"_s}));
}

QTEST_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
