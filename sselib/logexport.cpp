// SPDX-License-Identifier: MIT
// Export of an event log in blocks through QSaveFile, one writer per format; NDJSON import.
#include "logexport.h"

#include "jsonlines.h"
#include "wire.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

// Bytes gathered before each write: large enough that writing is never the bottleneck.
constexpr qsizetype BlockSize = 256 * 1024;
// Records between progress calls.
constexpr qsizetype ProgressStep = 4096;
constexpr qint64 MsPerDay = 24 * 60 * 60 * 1000;

// The context of this file's messages. Calls say Text::tr(): lupdate files a bare tr() under
// the enclosing namespace or class ("Sse"), not under the context used at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Sse::LogExport)
};

// Appends `value` with at least `width` digits (zero-padded); value >= 0.
void appendPadded(QByteArray &out, qint64 value, int width)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (int i = n; i < width; ++i)
        out.append('0');
    while (n > 0)
        out.append(digits[--n]);
}

// "2024-11-21T14:19:08.123Z" without QDateTime, which costs an allocation or two a call; the
// date is the proleptic Gregorian calendar's (H. Hinnant's civil_from_days).
void appendIsoUtc(QByteArray &out, qint64 ms)
{
    qint64 days = ms / MsPerDay;
    qint64 msOfDay = ms % MsPerDay;
    if (msOfDay < 0) {
        msOfDay += MsPerDay;
        --days;
    }
    days += 719468; // from 1970-01-01 to 0000-03-01
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
            (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthFromMarch = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    const qint64 month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    if (year < 0) {
        out.append('-');
        appendPadded(out, -year, 4);
    } else {
        appendPadded(out, year, 4);
    }
    out.append('-');
    appendPadded(out, month, 2);
    out.append('-');
    appendPadded(out, day, 2);
    out.append('T');
    appendPadded(out, msOfDay / 3600000, 2);
    out.append(':');
    appendPadded(out, msOfDay / 60000 % 60, 2);
    out.append(':');
    appendPadded(out, msOfDay / 1000 % 60, 2);
    out.append('.');
    appendPadded(out, msOfDay % 1000, 3);
    out.append('Z');
}

// A spreadsheet takes a cell that starts with one of these for a formula (OWASP's list).
bool startsLikeFormula(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// One RFC 4180 field; `guard` puts a ' before a text that would start a formula.
void appendCsvField(QByteArray &out, QByteArrayView text, bool guard = false)
{
    const bool formula = guard && startsLikeFormula(text);
    bool quote = false;
    for (const char c : text) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (quote)
        out.append('"');
    if (formula)
        out.append('\'');
    if (!quote) {
        out.append(text);
        return;
    }
    qsizetype start = 0;
    for (qsizetype quoteAt = text.indexOf('"'); quoteAt >= 0;
            quoteAt = text.indexOf('"', quoteAt + 1)) {
        out.append(text.sliced(start, quoteAt + 1 - start)).append('"');
        start = quoteAt + 1;
    }
    out.append(text.sliced(start)).append('"');
}

/// Turns records into the bytes of one format: begin(), append() per record, end().
class FormatWriter
{
public:
    explicit FormatWriter(LogFormat format)
        : m_format(format)
    { }

    void begin(QByteArray &out)
    {
        if (m_format == LogFormat::Json)
            out.append('[');
        else if (m_format == LogFormat::Csv)
            out.append("receivedMs,receivedAt,connection,kind,type,lastEventId,data\r\n");
    }

    /// False for a record that has no place in the export: a kind this version does not know
    /// has a place only in NDJSON, as the line it was read from.
    bool append(QByteArray &out, const EventLog::Record &record)
    {
        if (record.kind == EventLog::Record::Kind::Other) {
            if (m_format != LogFormat::Ndjson || record.text.isEmpty())
                return false;
            out.append(record.text).append('\n');
            return true;
        }
        switch (m_format) {
        case LogFormat::Ndjson:
            appendLogLine(out, record);
            break;
        case LogFormat::Json:
            out.append(m_first ? "\n" : ",\n");
            appendLogLine(out, record);
            out.chop(1); // the line's newline: the separator comes before the next object
            break;
        case LogFormat::Csv:
            appendCsvRow(out, record);
            break;
        case LogFormat::EventStream:
            appendWire(out, record);
            break;
        }
        m_first = false;
        return true;
    }

    void end(QByteArray &out)
    {
        if (m_format == LogFormat::Json)
            out.append(m_first ? "]\n" : "\n]\n");
    }

private:
    static void appendLogLine(QByteArray &out, const EventLog::Record &record)
    {
        if (record.kind == EventLog::Record::Kind::Event) {
            EventLog::appendEvent(out, record.event);
        } else {
            EventLog::appendComment(
                    out, record.text, record.event.receivedMs, record.event.connection);
        }
    }

    static void appendCsvRow(QByteArray &out, const EventLog::Record &record)
    {
        const bool isEvent = record.kind == EventLog::Record::Kind::Event;
        JsonLines::appendNumber(out, record.event.receivedMs);
        out.append(',');
        appendIsoUtc(out, record.event.receivedMs);
        out.append(',');
        JsonLines::appendNumber(out, record.event.connection);
        out.append(isEvent ? QByteArrayView(",event,") : QByteArrayView(",comment,"));
        if (isEvent) {
            appendCsvField(out, record.event.type, true);
            out.append(',');
            appendCsvField(out, record.event.lastEventId, true);
            out.append(',');
            appendCsvField(out, record.event.data, true);
        } else {
            out.append(",,");
            appendCsvField(out, record.text, true);
        }
        out.append("\r\n");
    }

    void appendWire(QByteArray &out, const EventLog::Record &record)
    {
        if (record.kind == EventLog::Record::Kind::Comment) {
            out.append(Wire::comment(record.text));
            return;
        }
        const Event &event = record.event;
        // A parser keeps the last event ID from event to event: write it only when it
        // changes. Wire leaves an empty id out, so a reset gets a bare "id" line.
        const bool idChanged = event.lastEventId != m_lastEventId;
        if (idChanged && event.lastEventId.isEmpty())
            out.append("id\n");
        out.append(Wire::event(event.data, event.type == "message" ? QByteArray() : event.type,
                idChanged ? event.lastEventId : QByteArray()));
        m_lastEventId = event.lastEventId;
    }

    LogFormat m_format;
    QByteArray m_lastEventId;
    bool m_first = true;
};

// Writes all of `block`, then empties it (keeping its capacity).
bool writeBlock(QIODevice &device, QByteArray &block)
{
    const char *data = block.constData();
    qint64 left = block.size();
    // A short write says nothing of why: write the rest, which fails with the reason.
    while (left > 0) {
        const qint64 written = device.write(data, left);
        if (written <= 0)
            return false;
        data += written;
        left -= written;
    }
    block.resize(0);
    return true;
}

// Writes the records to `device`, counting them in `result`. False when a write failed or
// `progress` cancelled (then result.cancelled is set).
bool writeRecords(QIODevice &device, LogFormat format, qsizetype count,
        const std::function<const EventLog::Record &(qsizetype)> &recordAt,
        const std::function<bool(qsizetype done)> &progress, ExportResult &result)
{
    QByteArray block;
    block.reserve(BlockSize + BlockSize / 4);
    FormatWriter writer(format);
    writer.begin(block);
    for (qsizetype i = 0; i < count; ++i) {
        if (writer.append(block, recordAt(i)))
            ++result.records;
        if (block.size() >= BlockSize && !writeBlock(device, block))
            return false;
        const qsizetype done = i + 1;
        if (progress && done % ProgressStep == 0 && done < count && !progress(done)) {
            result.cancelled = true;
            return false;
        }
    }
    writer.end(block);
    if (!writeBlock(device, block))
        return false;
    if (progress && !progress(count)) {
        result.cancelled = true;
        return false;
    }
    return true;
}

// Why writing to `name` stopped.
QString failure(const ExportResult &result, const QString &name, const QIODevice &device)
{
    return result.cancelled ? Text::tr("export to %1 cancelled").arg(name)
                            : Text::tr("cannot write %1: %2").arg(name, device.errorString());
}

// A FIFO, a character device (/dev/null, a terminal), a socket: nothing a rename could
// replace atomically, and one would put a regular file in its place.
bool isSpecialFile(const QString &fileName)
{
    const QFileInfo info(fileName);
    return info.exists() && !info.isFile() && !info.isDir();
}

} // namespace

std::optional<LogFormat> logFormatFromFileName(const QString &fileName)
{
    const qsizetype slash = fileName.lastIndexOf(u'/');
    const qsizetype dot = fileName.lastIndexOf(u'.');
    if (dot <= slash + 1) // no suffix, or a hidden file's name such as ".csv"
        return std::nullopt;
    // Every suffix is also a name; "text/event-stream" cannot be a suffix.
    return logFormatFromName(QStringView(fileName).sliced(dot + 1));
}

std::optional<LogFormat> logFormatFromName(QStringView name)
{
    const auto is = [name](QLatin1StringView candidate) {
        return name.compare(candidate, Qt::CaseInsensitive) == 0;
    };
    if (is("ndjson"_L1) || is("jsonl"_L1))
        return LogFormat::Ndjson;
    if (is("json"_L1))
        return LogFormat::Json;
    if (is("csv"_L1))
        return LogFormat::Csv;
    if (is("sse"_L1) || is("txt"_L1) || is("text/event-stream"_L1))
        return LogFormat::EventStream;
    return std::nullopt;
}

QString logFormatName(LogFormat format)
{
    return logFormatSuffix(format);
}

QString logFormatSuffix(LogFormat format)
{
    switch (format) {
    case LogFormat::Ndjson:
        return u"ndjson"_s;
    case LogFormat::Json:
        return u"json"_s;
    case LogFormat::Csv:
        return u"csv"_s;
    case LogFormat::EventStream:
        return u"sse"_s;
    }
    return {};
}

QString logFormatDescription(LogFormat format)
{
    switch (format) {
    case LogFormat::Ndjson:
        return Text::tr("NDJSON event log");
    case LogFormat::Json:
        return Text::tr("JSON");
    case LogFormat::Csv:
        return Text::tr("CSV");
    case LogFormat::EventStream:
        return Text::tr("text/event-stream");
    }
    return {};
}

QString logFormatFilter(LogFormat format)
{
    const QString patterns = format == LogFormat::Ndjson ? u"*.ndjson *.jsonl"_s
            : format == LogFormat::EventStream           ? u"*.sse *.txt"_s
                                                         : u"*."_s + logFormatSuffix(format);
    return u"%1 (%2)"_s.arg(logFormatDescription(format), patterns);
}

ExportResult exportLog(const QString &fileName, LogFormat format, qsizetype count,
        const std::function<const EventLog::Record &(qsizetype)> &recordAt,
        const std::function<bool(qsizetype done)> &progress)
{
    const QString shownName = QDir::toNativeSeparators(fileName);
    if (isSpecialFile(fileName)) {
        QFile file(fileName);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            ExportResult result;
            result.error = Text::tr("cannot write %1: %2").arg(shownName, file.errorString());
            return result;
        }
        return exportLog(file, shownName, format, count, recordAt, progress);
    }

    ExportResult result;
    // Never the direct-write fallback: a half-written target is what this must not leave.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        result.error = Text::tr("cannot write %1: %2").arg(shownName, file.errorString());
        return result;
    }
    if (!writeRecords(file, format, count, recordAt, progress, result)) {
        result.error = failure(result, shownName, file);
        file.cancelWriting();
        return result;
    }
    if (!file.commit()) {
        // commit() has discarded the temporary file already.
        result.error = Text::tr("cannot write %1: %2").arg(shownName, file.errorString());
        return result;
    }
    result.ok = true;
    return result;
}

ExportResult exportLog(QIODevice &device, const QString &deviceName, LogFormat format,
        qsizetype count, const std::function<const EventLog::Record &(qsizetype)> &recordAt,
        const std::function<bool(qsizetype done)> &progress)
{
    ExportResult result;
    if (!writeRecords(device, format, count, recordAt, progress, result)) {
        result.error = failure(result, deviceName, device);
        return result;
    }
    result.ok = true;
    return result;
}

ImportResult importLog(const QString &fileName, TornLastLine torn)
{
    ImportResult result;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = u"%1: %2"_s.arg(fileName, file.errorString());
        return result;
    }
    for (qsizetype lineNumber = 1; !file.atEnd(); ++lineNumber) {
        // Untrimmed: a record of an unknown kind keeps its line exactly.
        const QByteArray line = file.readLine();
        if (QByteArrayView(line).trimmed().isEmpty())
            continue;
        EventLog::LineResult read = EventLog::readLine(line);
        if (!read.ok && torn == TornLastLine::Skip && !line.endsWith('\n') && file.atEnd()) {
            result.tornLine =
                    u"%1:%2: %3"_s.arg(fileName)
                            .arg(lineNumber)
                            .arg(Text::tr(
                                    "the last line was cut short, as when a recording stops in the "
                                    "middle of a write, and was left out (%1)")
                                            .arg(read.error));
            break;
        }
        if (!read.ok) {
            result.error = u"%1:%2: %3"_s.arg(fileName).arg(lineNumber).arg(read.error);
            result.records.clear();
            return result;
        }
        result.records.append(std::move(read.record));
    }
    if (file.error() != QFileDevice::NoError) {
        result.error = u"%1: %2"_s.arg(fileName, file.errorString());
        result.records.clear();
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace Sse
