// SPDX-License-Identifier: MIT
// The ring buffer, the throttled flush, lazy formatting and the id-based anomaly check.
#include "eventlogmodel.h"

#include "sselib/wire.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using Sse::EventLog::Record;

namespace {

constexpr qsizetype PreviewChars = 200;
constexpr qsizetype ToolTipLines = 12;
constexpr qsizetype ToolTipChars = 1500;
constexpr qsizetype MaxIdDigits = 18; // fits quint64 with room for +1
constexpr char16_t NewlineMark = u'\u23CE'; // ⏎
constexpr char16_t Ellipsis = u'\u2026'; // …

// Medium tones (relative luminance ~0.2): about 4:1 against white and against a dark base, so
// type names stay readable with light and dark palettes. Neighbouring hues are far apart.
constexpr std::array<QRgb, 12> TypePalette{0xe83434, 0x108f10, 0x6b6bef, 0xb86614, 0x0f8989,
        0xd618d6, 0x7f7f0e, 0x197cdf, 0xe72486, 0x4d8a0f, 0xa054ec, 0x108d4f};
constexpr QRgb CommentColor = 0x808080;
constexpr QRgb GapColor = 0xc05a00;
constexpr QRgb DuplicateColor = 0xd62828;

// The prefix of `bytes` that decodes to at most about `chars` characters, cut on a character
// boundary, and whether anything was left out.
QString decodePrefix(QByteArrayView bytes, qsizetype chars, bool *cut)
{
    // UTF-8 needs at most 4 bytes per UTF-16 code unit pair, so this many bytes are enough.
    qsizetype end = std::min(bytes.size(), chars * 4);
    if (end < bytes.size()) {
        while (end > 0 && (static_cast<uchar>(bytes[end]) & 0xC0) == 0x80)
            --end;
    }
    *cut = end < bytes.size();
    return QString::fromUtf8(bytes.first(end));
}

void elide(QString &text, qsizetype chars, bool cut)
{
    if (text.size() > chars) {
        qsizetype end = chars;
        if (text.at(end - 1).isHighSurrogate())
            --end;
        text.truncate(end);
        cut = true;
    }
    if (cut)
        text.append(QChar(Ellipsis));
}

// One line: newlines become ⏎, other control characters a space.
QString preview(QByteArrayView bytes)
{
    bool cut = false;
    QString text = decodePrefix(bytes, PreviewChars + 1, &cut);
    for (QChar &c : text) {
        if (c.unicode() == u'\n')
            c = QChar(NewlineMark);
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(u' ');
    }
    elide(text, PreviewChars, cut);
    return text;
}

// A few lines as rich text, so that data which looks like HTML is shown, not rendered.
QString toolTip(QByteArrayView bytes)
{
    bool cut = false;
    QString text = decodePrefix(bytes, ToolTipChars + 1, &cut);
    qsizetype lines = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\n' && ++lines == ToolTipLines) {
            text.truncate(i);
            cut = true;
            break;
        }
    }
    elide(text, ToolTipChars, cut);
    return u"<p style=\"white-space:pre-wrap\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

// "HH:mm:ss.zzz" of a local time given as ms since the epoch, without QDateTime's cost.
QString formatTimeOfDay(qint64 localMs)
{
    constexpr qint64 DayMs = 24 * 3600 * 1000;
    const auto ms = static_cast<int>(((localMs % DayMs) + DayMs) % DayMs);
    const auto digit = [](int value) {
        return QChar(static_cast<char16_t>(u'0' + value));
    };
    const int h = ms / 3600000;
    const int m = ms / 60000 % 60;
    const int s = ms / 1000 % 60;
    const int z = ms % 1000;
    const std::array<QChar, 12> text{digit(h / 10), digit(h % 10), QChar(u':'), digit(m / 10),
            digit(m % 10), QChar(u':'), digit(s / 10), digit(s % 10), QChar(u'.'), digit(z / 100),
            digit(z / 10 % 10), digit(z % 10)};
    return QString(text.data(), static_cast<qsizetype>(text.size()));
}

qint64 sizeOf(const Record &record)
{
    return record.kind == Record::Kind::Comment ? record.text.size() : record.event.data.size();
}

// The lines Sse::Wire::event() writes for an event (LF line ends, the blank line included): id
// only when the event set one, no event line for "message". Raw lines in any other form (CR LF
// line ends, "data:x" without the space) do not compare equal, and are stored as they came.
QByteArray wireForm(const Sse::Event &event)
{
    return Sse::Wire::event(event.data,
            event.type == "message" ? QByteArrayView() : QByteArrayView(event.type),
            event.hasIdField ? QByteArrayView(event.lastEventId) : QByteArrayView());
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(DefaultFlushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventLogModel::flush);
}

EventLogModel::~EventLogModel() = default;

void EventLogModel::setCapacity(int capacity)
{
    capacity = std::max(capacity, 1);
    const auto newCapacity = static_cast<std::size_t>(capacity);
    if (newCapacity == m_rows.capacity())
        return;
    if (newCapacity > m_rows.capacity()) {
        // Queued records go in under the old capacity: a queue that lost records evicts every
        // row then, which keeps the numbering gapless.
        flush();
        m_rows.setCapacity(newCapacity);
        return;
    }
    while (m_pending.size() > newCapacity) {
        forgetIdJump(m_pending.front(), pendingFirstSequence());
        m_pending.pop_front();
        ++m_evicted;
    }
    if (m_rows.size() > newCapacity) {
        const auto drop = static_cast<int>(m_rows.size() - newCapacity);
        beginRemoveRows(QModelIndex(), 0, drop - 1);
        dropOldest(drop);
        m_rows.setCapacity(newCapacity);
        endRemoveRows();
    } else {
        m_rows.setCapacity(newCapacity);
    }
    m_rawTail = std::min(m_rawTail, m_rows.size() + m_pending.size());
}

void EventLogModel::setRawRetention(int rows)
{
    rows = std::max(rows, 0);
    if (rows == m_rawRetention)
        return;
    m_rawRetention = rows;
    dropRawBeyond(static_cast<std::size_t>(rows));
}

std::chrono::milliseconds EventLogModel::flushInterval() const
{
    return m_flushTimer.intervalAsDuration();
}

void EventLogModel::setFlushInterval(std::chrono::milliseconds interval)
{
    m_flushTimer.setInterval(std::max(interval, std::chrono::milliseconds::zero()));
}

void EventLogModel::append(const Record &record)
{
    append(Record(record));
}

void EventLogModel::append(Record &&record)
{
    if (record.kind == Record::Kind::Other)
        return;
    Row row;
    static_cast<Record &>(row) = std::move(record);
    const quint64 sequence = m_sequence + 1;
    if (row.kind == Record::Kind::Event) {
        noteType(row.event.type);
        detectAnomaly(row, sequence);
        // Lines in the form Sse::Wire writes (the publisher, data-only LLM streams) need no
        // copy: a flag rebuilds them, the same bytes.
        if (!row.event.raw.isEmpty() && row.event.raw == wireForm(row.event)) {
            row.event.raw = QByteArray();
            row.rawRebuilt = true;
        }
    }
    // Rows beyond capacity would be evicted on insertion: drop them now, never insert them.
    if (m_pending.size() >= m_rows.capacity()) {
        forgetIdJump(m_pending.front(), pendingFirstSequence());
        m_pending.pop_front();
        ++m_evicted;
        m_rawTail = std::min(m_rawTail, m_rows.size() + m_pending.size());
    }
    m_sequence = sequence;
    m_pending.push_back(std::move(row));
    ++m_rawTail;
    dropRawBeyond(static_cast<std::size_t>(m_rawRetention));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void EventLogModel::flush()
{
    m_flushTimer.stop();
    if (!m_pending.empty()) {
        const std::size_t incoming = m_pending.size(); // never more than capacity
        if (m_rows.size() + incoming > m_rows.capacity()) {
            const auto drop = static_cast<int>(m_rows.size() + incoming - m_rows.capacity());
            beginRemoveRows(QModelIndex(), 0, drop - 1);
            dropOldest(drop);
            endRemoveRows();
            m_rawTail = std::min(m_rawTail, m_rows.size() + incoming);
        }
        // The queue lost records only when it held a whole capacity, which evicts every row.
        if (m_rows.size() == 0)
            m_firstSequence = pendingFirstSequence();
        Q_ASSERT(m_firstSequence + m_rows.size() == pendingFirstSequence());
        const auto first = static_cast<int>(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + static_cast<int>(incoming) - 1);
        for (Row &row : m_pending)
            m_rows.pushBack(std::move(row));
        m_pending.clear();
        endInsertRows();
    }
    if (m_typesDirty) {
        m_typesDirty = false;
        Q_EMIT typesChanged(m_types);
    }
}

void EventLogModel::clear()
{
    m_flushTimer.stop();
    m_pending.clear();
    m_rawTail = 0;
    m_idJumps.clear();
    if (m_rows.size() > 0) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    if (m_typesDirty) {
        m_typesDirty = false;
        Q_EMIT typesChanged(m_types);
    }
}

const Record &EventLogModel::record(int row) const
{
    return rowAt(row);
}

Record EventLogModel::recordWithRawLines(int row) const
{
    Record copy = rowAt(row);
    if (rowAt(row).rawRebuilt)
        copy.event.raw = wireForm(copy.event);
    return copy;
}

QByteArray EventLogModel::rawLines(int row) const
{
    const Row &at = rowAt(row);
    return at.rawRebuilt ? wireForm(at.event) : at.event.raw;
}

quint64 EventLogModel::sequence(int row) const
{
    Q_ASSERT(row >= 0 && static_cast<std::size_t>(row) < m_rows.size());
    return m_firstSequence + static_cast<quint64>(row);
}

EventLogModel::Anomaly EventLogModel::anomaly(int row) const
{
    return rowAt(row).anomaly;
}

bool EventLogModel::isRawDropped(int row) const
{
    return rowAt(row).rawDropped;
}

QString EventLogModel::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    const std::array<const char *, 4> units{
            QT_TR_NOOP("%1 KiB"), QT_TR_NOOP("%1 MiB"), QT_TR_NOOP("%1 GiB"), QT_TR_NOOP("%1 TiB")};
    double value = double(bytes) / 1024.0;
    std::size_t unit = 0;
    // 1023.96 KiB would read "1024.0 KiB": round first, then pick the unit.
    while (unit + 1 < units.size() && std::round(value * 10.0) >= 1024.0 * 10.0) {
        value /= 1024.0;
        ++unit;
    }
    return tr(units[unit]).arg(QLocale().toString(value, 'f', 1));
}

QColor EventLogModel::typeColor(QByteArrayView type)
{
    // FNV-1a: unlike qHash it is the same in every run and on every machine.
    quint32 hash = 2166136261u;
    for (const char c : type) {
        hash ^= static_cast<uchar>(c);
        hash *= 16777619u;
    }
    return QColor::fromRgb(TypePalette[hash % TypePalette.size()]);
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
            || index.column() >= ColumnCount)
        return {};
    const Row &row = rowAt(index.row());
    const Record &record = row;
    const Sse::Event &event = record.event;
    const bool isComment = record.kind == Record::Kind::Comment;
    const QByteArray &text = isComment ? record.text : event.data;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return formatTimeOfDay(event.receivedMs + localOffsetMs(event.receivedMs));
        case TypeColumn:
            return isComment ? tr("(comment)") : QString::fromUtf8(event.type);
        case IdColumn:
            return QString::fromUtf8(event.lastEventId);
        case DataColumn:
            return preview(text);
        case SizeColumn:
            return sizeText(sizeOf(record));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(event.receivedMs).toString(Qt::ISODateWithMs);
        case IdColumn:
            if (row.anomaly != Anomaly::None)
                return anomalyText(row, sequence(index.row()));
            return {};
        case DataColumn:
            return toolTip(text);
        case SizeColumn:
            return tr("%1 bytes").arg(QLocale().toString(sizeOf(record)));
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (isComment)
            return QColor::fromRgb(CommentColor);
        if (index.column() == TypeColumn)
            return typeColor(event.type);
        if (index.column() == IdColumn && row.anomaly != Anomaly::None)
            return QColor::fromRgb(row.anomaly == Anomaly::Gap ? GapColor : DuplicateColor);
        return {};
    case Qt::DecorationRole:
        if (isComment)
            return {};
        if (index.column() == TypeColumn)
            return typeColor(event.type);
        if (index.column() == IdColumn && row.anomaly != Anomaly::None)
            return QColor::fromRgb(row.anomaly == Anomaly::Gap ? GapColor : DuplicateColor);
        return {};
    case Qt::FontRole:
        if (isComment) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (index.column() == IdColumn && row.anomaly != Anomaly::None) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case EventRole:
        return QVariant::fromValue(recordWithRawLines(index.row()).event);
    case RecordRole:
        return QVariant::fromValue(recordWithRawLines(index.row()));
    case KindRole:
        return QVariant::fromValue(record.kind);
    case TypeRole:
        return isComment ? QString() : QString::fromUtf8(event.type);
    case DataRole:
        return QString::fromUtf8(text);
    case IdRole:
        return QString::fromUtf8(event.lastEventId);
    case ReceivedMsRole:
        return event.receivedMs;
    case SequenceRole:
        return sequence(index.row());
    case AnomalyRole:
        return QVariant::fromValue(row.anomaly);
    case RawDroppedRole:
        return row.rawDropped;
    case SizeRole:
        return sizeOf(record);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        return sequence(section);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Type");
    case IdColumn:
        return tr("ID");
    case DataColumn:
        return tr("Data");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

const EventLogModel::Row &EventLogModel::rowAt(int row) const
{
    Q_ASSERT(row >= 0 && static_cast<std::size_t>(row) < m_rows.size());
    return m_rows[static_cast<std::size_t>(row)];
}

// Compares the number an id ends with ("41", "evt-41") to the previous numbered event's. The
// prefix must match, so ids such as "<ms>-<n>" or random ones are left alone. An equal number on
// the same connection is no repeat: an event without an id field carries the last one over.
void EventLogModel::detectAnomaly(Row &row, quint64 sequence)
{
    const Sse::Event &event = row.event;
    const QByteArray &id = event.lastEventId;
    // An event without an id field carries the last id over: only an id the event set itself
    // repeats one. An empty id is no id.
    const bool repeated =
            event.hasIdField && !id.isEmpty() && m_hasPreviousEvent && id == m_previousId;
    row.sameConnection = m_hasPreviousEvent && event.connection == m_previousConnection;
    m_hasPreviousEvent = true;
    m_previousId = id;
    m_previousConnection = event.connection;

    qsizetype begin = id.size();
    while (begin > 0 && isDigit(id.at(begin - 1)))
        --begin;
    const qsizetype digits = id.size() - begin;
    if (digits == 0 || digits > MaxIdDigits) {
        m_hasPreviousId = false;
        if (repeated)
            row.anomaly = Anomaly::Duplicate; // no IdJump: a repeat
        return;
    }
    quint64 number = 0;
    for (qsizetype i = begin; i < id.size(); ++i)
        number = number * 10 + static_cast<quint64>(id.at(i) - '0');
    const QByteArrayView prefix(id.constData(), begin);

    if (m_hasPreviousId && prefix == m_previousPrefix) {
        if (number > m_previousNumber + 1)
            row.anomaly = Anomaly::Gap;
        else if (number < m_previousNumber || repeated)
            row.anomaly = Anomaly::Duplicate;
        if (row.anomaly != Anomaly::None)
            m_idJumps.insert(sequence, {m_previousNumber, number});
    } else if (prefix != m_previousPrefix) {
        m_previousPrefix = prefix.toByteArray();
    }
    m_hasPreviousId = true;
    m_previousNumber = number;
}

void EventLogModel::noteType(QByteArray &type)
{
    if (type == m_lastType) {
        type = m_lastType;
        return;
    }
    if (const auto seen = m_typeSet.constFind(type); seen != m_typeSet.cend()) {
        type = *seen;
        m_lastType = type;
        return;
    }
    m_lastType = type;
    m_typeSet.insert(type);
    m_types.append(QString::fromUtf8(type));
    m_typesDirty = true;
}

void EventLogModel::dropOldest(int count)
{
    const auto dropped = static_cast<std::size_t>(count);
    for (std::size_t i = 0; i < dropped; ++i)
        forgetIdJump(m_rows[i], m_firstSequence + i);
    m_rows.dropFront(dropped);
    m_firstSequence += dropped;
    m_evicted += dropped;
}

void EventLogModel::forgetIdJump(const Row &row, quint64 sequence)
{
    if (row.anomaly != Anomaly::None)
        m_idJumps.remove(sequence);
}

quint64 EventLogModel::pendingFirstSequence() const
{
    return m_sequence - m_pending.size() + 1;
}

EventLogModel::Row &EventLogModel::rowOrPending(std::size_t index)
{
    if (index < m_rows.size())
        return m_rows[index];
    return m_pending[index - m_rows.size()];
}

// No dataChanged(): no column shows the raw lines, and a signal per append would cost the views
// more than the lines do.
void EventLogModel::dropRawBeyond(std::size_t keep)
{
    const std::size_t total = m_rows.size() + m_pending.size();
    Q_ASSERT(m_rawTail <= total);
    for (; m_rawTail > keep; --m_rawTail) {
        Row &row = rowOrPending(total - m_rawTail);
        if (!row.event.raw.isEmpty()) {
            row.event.raw = QByteArray();
            row.rawDropped = true;
        }
    }
}

// QDateTime's local time conversion costs microseconds, too much for a column that repaints
// while events stream in. Offsets from UTC change only at quarter hours (DST and zone rules), so
// one lookup serves a quarter of an hour.
qint64 EventLogModel::localOffsetMs(qint64 utcMs) const
{
    constexpr qint64 QuarterHourMs = 15 * 60 * 1000;
    const qint64 bucket = utcMs / QuarterHourMs - (utcMs % QuarterHourMs < 0 ? 1 : 0);
    if (!m_hasOffset || bucket != m_offsetBucket) {
        m_offsetMs = QDateTime::fromMSecsSinceEpoch(utcMs).offsetFromUtc() * qint64(1000);
        m_offsetBucket = bucket;
        m_hasOffset = true;
    }
    return m_offsetMs;
}

QString EventLogModel::anomalyText(const Row &row, quint64 sequence) const
{
    const IdJump jump = m_idJumps.value(sequence);
    const QString previous = QString::number(jump.previous);
    const QString current = QString::number(jump.current);
    switch (row.anomaly) {
    case Anomaly::Gap:
        return tr("id jumped from %1 to %2: %n event(s) missing?", nullptr,
                static_cast<int>(std::min<quint64>(
                        jump.current - jump.previous - 1, std::numeric_limits<int>::max())))
                .arg(previous, current);
    case Anomaly::Duplicate:
        if (jump.current == jump.previous) {
            const QString id = row.event.lastEventIdText();
            if (row.sameConnection)
                return tr("id %1 repeated on the same connection").arg(id);
            return tr("id %1 repeated: duplicate after reconnect?").arg(id);
        }
        return tr("id went back from %1 to %2: duplicate after reconnect?").arg(previous, current);
    case Anomaly::None:
        break;
    }
    return {};
}
