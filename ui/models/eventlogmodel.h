// SPDX-License-Identifier: MIT
// EventLogModel: one feed's events and comments in a bounded ring buffer, for a QTableView.
#pragma once

#include "blockring.h"

#include "sselib/eventlog.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QColor>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <deque>

/// The event log of one feed: the newest capacity() records, events and comments, in arrival
/// order. append() only queues; a throttle timer moves the queue into the table with one
/// beginInsertRows() (and at most one beginRemoveRows() for evicted rows) per flush, so a fast
/// feed costs the view one update per interval. Display text is formatted lazily in data().
/// Only the newest rawRetention() records keep their raw wire lines, so that they do not double
/// the memory of a full log.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    // Unscoped on purpose: views and delegates use them as plain ints (column numbers, roles).
    enum Column {
        TimeColumn,
        TypeColumn,
        IdColumn,
        DataColumn,
        SizeColumn,
        ColumnCount
    };

    enum Role {
        EventRole = Qt::UserRole + 1, ///< Sse::Event (default-constructed for comments)
        RecordRole, ///< Sse::EventLog::Record
        KindRole, ///< Sse::EventLog::Record::Kind
        TypeRole, ///< QString: the event type; empty for comments
        DataRole, ///< QString: the full data, or the comment text
        IdRole, ///< QString: the event's last event ID
        ReceivedMsRole, ///< qint64: receive time, ms since the Unix epoch (sort by this)
        SequenceRole, ///< quint64: 1-based arrival number; keeps counting across eviction
        AnomalyRole, ///< EventLogModel::Anomaly
        RawDroppedRole, ///< bool: the event's raw lines were dropped, see setRawRetention()
        SizeRole ///< qint64: bytes of the data (or the comment text); SizeColumn shows sizeText()
    };

    /// What an event's id says about the stream, compared to the previous event's id.
    enum class Anomaly : quint8 {
        None, ///< in order, or nothing to compare (ids that are not numeric and not repeated)
        Gap, ///< the number jumped by more than one: events missing
        Duplicate ///< the event set the previous event's id again, or the number went back
    };
    Q_ENUM(Anomaly)

    static constexpr int DefaultCapacity = 100000;
    static constexpr std::chrono::milliseconds DefaultFlushInterval{50};
    static constexpr int DefaultRawRetention = 5000;

    explicit EventLogModel(QObject *parent = nullptr);
    ~EventLogModel() override;

    [[nodiscard]] int capacity() const { return static_cast<int>(m_rows.capacity()); }

    /// Values below 1 count as 1. Shrinking drops the oldest rows (and queued records) at once.
    void setCapacity(int capacity);

    /// How many of the newest records (rows and queued ones) keep their raw wire lines
    /// (Sse::Event::raw). Older events drop them, and isRawDropped() says so: in a full log the
    /// lines would take about as much memory as the data itself. Values below 0 count as 0.
    [[nodiscard]] int rawRetention() const { return m_rawRetention; }

    /// Shrinking drops the raw lines of the rows beyond the new limit at once; growing cannot
    /// bring dropped lines back.
    void setRawRetention(int rows);

    [[nodiscard]] std::chrono::milliseconds flushInterval() const;
    void setFlushInterval(std::chrono::milliseconds interval);

    /// Queues `record` for the next flush; cheap, emits nothing. Records of Kind::Other are
    /// ignored.
    void append(const Sse::EventLog::Record &record);
    void append(Sse::EventLog::Record &&record);

    /// Moves the queued records into the table now (also done by the throttle timer).
    void flush();

    /// Removes every row and every queued record. totalReceived(), sequence numbers, typesSeen()
    /// and the id tracking for anomalies go on: they describe the feed, not the table.
    void clear();

    /// Records appended and not yet flushed.
    [[nodiscard]] int pendingCount() const { return static_cast<int>(m_pending.size()); }

    /// Every record appended (events and comments), evicted ones included.
    [[nodiscard]] quint64 totalReceived() const { return m_sequence; }

    /// Records dropped to respect capacity(), from the table or from the queue.
    [[nodiscard]] quint64 evictedCount() const { return m_evicted; }

    /// Event types in the order they first arrived (comments have none).
    [[nodiscard]] QStringList typesSeen() const { return m_types; }

    /// The record at `row` (0 <= row < rowCount()); faster than data(RecordRole). Its
    /// event.raw is empty when the lines are rebuilt rather than stored: see rawLines().
    [[nodiscard]] const Sse::EventLog::Record &record(int row) const;
    /// A copy of record() with event.raw set to rawLines(); data(RecordRole) gives the same.
    [[nodiscard]] Sse::EventLog::Record recordWithRawLines(int row) const;
    /// The event's raw wire lines. An event whose lines are exactly what Sse::Wire::event()
    /// writes for its fields (the common case) stores none: they are rebuilt here, byte for
    /// byte, and kept for every row. Empty for comments, for events that came without them and
    /// for dropped ones (isRawDropped()).
    [[nodiscard]] QByteArray rawLines(int row) const;
    [[nodiscard]] quint64 sequence(int row) const;
    [[nodiscard]] Anomaly anomaly(int row) const;

    /// Whether the event at `row` came with raw wire lines that were dropped to save memory
    /// (false for comments and for events that never had them).
    [[nodiscard]] bool isRawDropped(int row) const;

    /// A size as the Size column shows it: "812 B", "1.2 KiB", "5.0 MiB" (binary units, one
    /// decimal, in the locale's digits).
    [[nodiscard]] static QString sizeText(qint64 bytes);

    /// The colour that stands for an event type: stable across runs, readable on light and dark
    /// backgrounds.
    [[nodiscard]] static QColor typeColor(QByteArrayView type);

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(
            const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A type not seen before arrived; emitted at most once per flush.
    void typesChanged(const QStringList &types);

private:
    // Kept small: a full log holds 100,000 of them per feed. The sequence number follows from
    // the position (rows and queued records are numbered without gaps, see m_firstSequence).
    // Derived rather than holding a Record: GCC and Clang (Itanium C++ ABI) put these fields into
    // the padding after Record::kind, 8 bytes less a row.
    struct Row : Sse::EventLog::Record
    {
        Anomaly anomaly = Anomaly::None;
        bool rawDropped = false;
        bool sameConnection = false; ///< the previous event came on the same connection
        bool rawRebuilt = false; ///< raw lines dropped because wireForm() gives them back
    };

    /// The numbers behind a Gap or Duplicate between numbered ids (rare: kept aside, not in Row).
    struct IdJump
    {
        quint64 previous = 0;
        quint64 current = 0;
    };

    [[nodiscard]] const Row &rowAt(int row) const;
    void detectAnomaly(Row &row, quint64 sequence);
    /// Also makes `type` share the bytes of the equal type seen before: one block for all the
    /// rows of a type instead of one per row.
    void noteType(QByteArray &type);
    void dropOldest(int count);
    [[nodiscard]] Row &rowOrPending(std::size_t index);
    void dropRawBeyond(std::size_t keep);
    void forgetIdJump(const Row &row, quint64 sequence);
    [[nodiscard]] quint64 pendingFirstSequence() const;
    [[nodiscard]] QString anomalyText(const Row &row, quint64 sequence) const;
    [[nodiscard]] qint64 localOffsetMs(qint64 utcMs) const;

    BlockRing<Row> m_rows{DefaultCapacity};
    std::deque<Row> m_pending; ///< never longer than capacity()
    /// The sequence number of the first row. Rows and queued records are numbered without gaps
    /// (records evicted from the queue only while every row goes too, see flush()).
    quint64 m_firstSequence = 1;
    QHash<quint64, IdJump> m_idJumps; ///< by sequence number, for rows and queued records
    int m_rawRetention = DefaultRawRetention;
    // Rows and queued records form one sequence, oldest first. Every record but the newest
    // m_rawTail ones has dropped its raw lines, and m_rawTail <= m_rawRetention, so each append
    // drops at most one record's lines: O(1).
    std::size_t m_rawTail = 0;
    quint64 m_sequence = 0;
    quint64 m_evicted = 0;
    QTimer m_flushTimer;

    QStringList m_types;
    QSet<QByteArray> m_typeSet;
    QByteArray m_lastType; ///< saves a hash lookup while one type repeats
    bool m_typesDirty = false;

    // Id tracking for anomalies: the previous event of the feed, and its previous numbered one.
    bool m_hasPreviousEvent = false;
    QByteArray m_previousId;
    int m_previousConnection = 0;
    bool m_hasPreviousId = false;
    QByteArray m_previousPrefix;
    quint64 m_previousNumber = 0;

    // data() caches the local time offset of one quarter hour (GUI thread only).
    mutable bool m_hasOffset = false;
    mutable qint64 m_offsetBucket = 0;
    mutable qint64 m_offsetMs = 0;
};
