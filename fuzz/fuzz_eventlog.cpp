// SPDX-License-Identifier: MIT
// fuzz_eventlog: any bytes read as an event log, line by line; what was read exports and reads
// back as the same records (the NDJSON round trip of import and export).
#include "fuzzcheck.h"

#include "sselib/eventlog.h"
#include "sselib/logexport.h"

#include <QBuffer>
#include <QList>

#include <cstddef>
#include <cstdint>

namespace {

/// A record that was read is written back to a line that reads as the same record.
void checkRoundTrip(const Sse::EventLog::Record &record)
{
    QByteArray line;
    switch (record.kind) {
    case Sse::EventLog::Record::Kind::Event:
        Sse::EventLog::appendEvent(line, record.event);
        break;
    case Sse::EventLog::Record::Kind::Comment:
        Sse::EventLog::appendComment(
                line, record.text, record.event.receivedMs, record.event.connection);
        break;
    case Sse::EventLog::Record::Kind::Other:
        return;
    }
    FUZZ_CHECK(line.endsWith('\n') && line.count('\n') == 1);
    const Sse::EventLog::LineResult again = Sse::EventLog::readLine(line);
    FUZZ_CHECK(again.ok);
    FUZZ_CHECK(again.record == record);
}

/// Exports `records` as NDJSON, as the dashboard and the CLI do, and reads each line back.
void checkExport(const QList<Sse::EventLog::Record> &records)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Sse::ExportResult result = Sse::exportLog(buffer, QStringLiteral("buffer"),
            Sse::LogFormat::Ndjson, records.size(),
            [&records](qsizetype i) -> const Sse::EventLog::Record & { return records.at(i); });
    FUZZ_CHECK(result.ok && result.records == records.size());
    QByteArrayView rest(buffer.data());
    for (const Sse::EventLog::Record &record : records) {
        const qsizetype newline = rest.indexOf('\n');
        FUZZ_CHECK(newline >= 0);
        const Sse::EventLog::LineResult again = Sse::EventLog::readLine(rest.first(newline + 1));
        FUZZ_CHECK(again.ok && again.record == record);
        rest = rest.sliced(newline + 1);
    }
    FUZZ_CHECK(rest.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView rest(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<Sse::EventLog::Record> records;
    // Bounded: one input is at most a few thousand lines.
    while (!rest.isEmpty()) {
        const qsizetype newline = rest.indexOf('\n');
        const qsizetype length = newline < 0 ? rest.size() : newline + 1;
        const Sse::EventLog::LineResult result = Sse::EventLog::readLine(rest.first(length));
        FUZZ_CHECK(result.ok == result.error.isEmpty());
        if (result.ok) {
            checkRoundTrip(result.record);
            records.append(result.record);
        }
        rest = rest.sliced(length);
    }
    checkExport(records);
    return 0;
}
