// SPDX-License-Identifier: MIT
// Sse::exportLog and Sse::importLog: a feed's event log to and from files.
#pragma once

#include "sselib/eventlog.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Sse {

/// The file formats an event log is exported to.
///
/// - Ndjson: the event log itself (see eventlog.h), lossless; importLog() reads it back. Records
///   of kinds this version does not know are written back as the lines they were read from.
/// - Json: a JSON array of the same objects as the NDJSON lines, one object a line.
/// - Csv: RFC 4180, CRLF line ends, UTF-8 without BOM; the header is
///   `receivedMs,receivedAt,connection,kind,type,lastEventId,data` (receivedAt: ISO 8601 UTC
///   with milliseconds; a comment's text is in the data column). Fields holding a comma, a
///   quote, CR or LF are quoted, with quotes doubled; line breaks stay inside the quotes.
///   Against spreadsheet formula injection, a text field (kind, type, lastEventId, data) that
///   starts with = + - @, TAB or CR gets a leading ' (so "=1+2" becomes "'=1+2"). CSV is
///   therefore for reading, not for importing: use NDJSON to keep the exact bytes.
/// - EventStream: the events as text/event-stream, so that a parser yields the same
///   type/data/lastEventId sequence: an id field only when the last event ID changes (a
///   bare `id` line when it is reset to empty), no event field for "message", comments as
///   ": text" lines. Receive times, connections and origins are not part of the wire format.
///   Only what a parser can deliver survives: a CR in data comes back as LF, and an id with
///   NUL or a line break cannot be carried.
enum class LogFormat {
    Ndjson,
    Json,
    Csv,
    EventStream
};

/// The format a file name's suffix stands for (case-insensitive): .ndjson and .jsonl, .json,
/// .csv, .sse and .txt; nullopt for any other.
[[nodiscard]] std::optional<LogFormat> logFormatFromFileName(const QString &fileName);

/// The format a short name stands for (case-insensitive): "ndjson" (or "jsonl"), "json",
/// "csv", "sse" (or "txt", "text/event-stream"); nullopt for any other.
[[nodiscard]] std::optional<LogFormat> logFormatFromName(QStringView name);

/// The short name of a format, as logFormatFromName() reads it: "ndjson", "json", "csv", "sse".
[[nodiscard]] QString logFormatName(LogFormat format);

/// The usual file suffix, without the dot: "ndjson", "json", "csv", "sse".
[[nodiscard]] QString logFormatSuffix(LogFormat format);

/// A translated description for people ("NDJSON event log", ...).
[[nodiscard]] QString logFormatDescription(LogFormat format);

/// A file dialog filter such as "CSV (*.csv)".
[[nodiscard]] QString logFormatFilter(LogFormat format);

/// What exportLog() did.
struct ExportResult
{
    bool ok = false; ///< the file was written completely (and committed, for a regular file)
    bool cancelled = false; ///< the progress callback returned false
    /// Records written: events and comments, and in NDJSON those of unknown kinds that carry
    /// their line; other records are skipped.
    qint64 records = 0;
    QString error; ///< why not ok: names the file and says the reason, for people

    friend bool operator==(const ExportResult &a, const ExportResult &b)
    {
        return a.ok == b.ok && a.cancelled == b.cancelled && a.records == b.records
                && a.error == b.error;
    }

    friend bool operator!=(const ExportResult &a, const ExportResult &b) { return !(a == b); }
};

/// Writes `count` records, which `recordAt(0)` ... `recordAt(count - 1)` return, to
/// `fileName` in `format`.
///
/// A regular file (or a new one) is written atomically: the data goes to a temporary file next
/// to the target (QSaveFile) that replaces it only once everything is written and synced. On
/// any failure or cancellation the target is left as it was (absent, or its old content) and
/// no temporary file remains. Any other existing target that is no directory (a FIFO, a
/// character device such as /dev/null) is opened and written directly, never replaced; what
/// was written before a failure stays written. Opening a FIFO waits for its reader.
///
/// `progress(done)`, if set, is called with the number of records processed so far, every
/// few thousand records and once with `count` before the commit; returning false cancels.
/// A plain function: call it from any thread, as long as the records do not change meanwhile.
[[nodiscard]] ExportResult exportLog(const QString &fileName, LogFormat format, qsizetype count,
        const std::function<const EventLog::Record &(qsizetype)> &recordAt,
        const std::function<bool(qsizetype done)> &progress = {});

/// The same, written directly to an open `device` (standard output, a pipe); `deviceName`
/// names it in ExportResult::error. Nothing is atomic: a failure leaves what was written.
[[nodiscard]] ExportResult exportLog(QIODevice &device, const QString &deviceName, LogFormat format,
        qsizetype count, const std::function<const EventLog::Record &(qsizetype)> &recordAt,
        const std::function<bool(qsizetype done)> &progress = {});

/// What importLog() read.
struct ImportResult
{
    bool ok = false; ///< the whole file was read and every line is a log record
    QList<EventLog::Record> records; ///< in the file's order; when ok
    QString error; ///< why not ok: "FILE: why" or "FILE:LINE: why", for people
    /// With TornLastLine::Skip: "FILE:LINE: why" of the torn last line that was left out, for
    /// people; empty when there was none.
    QString tornLine;
};

/// What importLog() makes of a last line that has no newline and is no log record: what a
/// recorder killed in the middle of a write (ssedash-cli monitor --output) leaves.
enum class TornLastLine {
    Fail, ///< a bad line like any other: the import fails
    Skip ///< left out, and named in ImportResult::tornLine; the import goes on
};

/// Reads an NDJSON event log, line by line. Empty lines are skipped; a record of a kind this
/// version does not know comes as Kind::Other with its line, in its place. Not ok when the
/// file cannot be read or a line is not a log record (but for a torn last line, see `torn`).
[[nodiscard]] ImportResult importLog(
        const QString &fileName, TornLastLine torn = TornLastLine::Fail);

} // namespace Sse

Q_DECLARE_METATYPE(Sse::ExportResult)
