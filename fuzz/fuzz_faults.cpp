// SPDX-License-Identifier: MIT
// fuzz_faults: the publisher's fault query (StreamFaults::fromQuery, readQueryNumber) on any query.
#include "fuzzcheck.h"

#include "sselib/publisher/streamfaults.h"

#include <QUrl>
#include <QUrlQuery>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

using Sse::StreamFaults;

// The documented range of each number parameter (publisher.h), as fromQuery() reads them.
struct NumberParameter
{
    QString key;
    qint64 min;
    qint64 max;
};

const NumberParameter Numbers[] = {{u"status"_s, 200, 599}, {u"redirect"_s, 301, 308},
        {u"closeAfter"_s, 0, 1 << 30}, {u"cutAfter"_s, 0, 1 << 30},
        {u"stall"_s, 0, StreamFaults::MaxDelayMs}, {u"dribble"_s, 0, 10000}, {u"splitUtf8"_s, 0, 1},
        {u"longLine"_s, 0, StreamFaults::MaxLongLine},
        {u"reconnect"_s, 0, StreamFaults::MaxDelayMs},
        {u"retry"_s, 0, std::numeric_limits<int>::max()}};

bool within(qint64 value, qint64 min, qint64 max)
{
    return value >= min && value <= max;
}

// Every value is in its documented range (the defaults here are read from a query too).
void checkRanges(const StreamFaults &f)
{
    FUZZ_CHECK(!f.status || within(*f.status, 200, 599));
    FUZZ_CHECK(!f.redirect || *f.redirect == 301 || *f.redirect == 302 || *f.redirect == 307
            || *f.redirect == 308);
    FUZZ_CHECK(within(f.closeAfter, 0, 1 << 30) && within(f.cutAfter, 0, 1 << 30));
    FUZZ_CHECK(within(f.stallMs, 0, StreamFaults::MaxDelayMs) && within(f.dribbleMs, 0, 10000));
    FUZZ_CHECK(within(f.longLine, 0, StreamFaults::MaxLongLine));
    FUZZ_CHECK(!f.reconnect || within(f.reconnect->count(), 0, StreamFaults::MaxDelayMs));
    FUZZ_CHECK(!f.retry || within(f.retry->count(), 0, std::numeric_limits<int>::max()));
    // The type goes into the response head as it is.
    FUZZ_CHECK(!f.contentType.contains('\r') && !f.contentType.contains('\n')
            && !f.contentType.contains('\0'));
}

// The error names a parameter of the query; a number's error says its value and range.
void checkError(const QUrlQuery &query, const QString &error)
{
    for (const NumberParameter &number : Numbers) {
        const QString value = query.queryItemValue(number.key, QUrl::FullyDecoded);
        const QString message =
                u"Query parameter %1=%2 must be a whole number from %3 to %4."_s.arg(number.key,
                        value, QString::number(number.min), QString::number(number.max));
        if (error == message) {
            FUZZ_CHECK(query.hasQueryItem(number.key));
            return;
        }
    }
    const QString choices[] = {u"redirect"_s, u"lineEnd"_s, u"contentType"_s};
    for (const QString &key : choices) {
        if (error.startsWith(u"Query parameter "_s + key + u' ')) {
            FUZZ_CHECK(query.hasQueryItem(key));
            return;
        }
    }
    FUZZ_CHECK(!"the error names no parameter of the query");
}

// Absent parameters keep the defaults.
void checkDefaultsKept(const QUrlQuery &query, const StreamFaults &f, const StreamFaults &d)
{
    const auto absent = [&query](const char16_t *key) {
        return !query.hasQueryItem(QString::fromUtf16(key));
    };
    FUZZ_CHECK(!absent(u"status") || f.status == d.status);
    FUZZ_CHECK(!absent(u"contentType") || f.contentType == d.contentType);
    FUZZ_CHECK(!absent(u"redirect") || f.redirect == d.redirect);
    FUZZ_CHECK(!absent(u"closeAfter") || f.closeAfter == d.closeAfter);
    FUZZ_CHECK(!absent(u"cutAfter") || f.cutAfter == d.cutAfter);
    FUZZ_CHECK(!absent(u"stall") || f.stallMs == d.stallMs);
    FUZZ_CHECK(!absent(u"dribble") || f.dribbleMs == d.dribbleMs);
    FUZZ_CHECK(!absent(u"splitUtf8") || f.splitUtf8 == d.splitUtf8);
    FUZZ_CHECK(!absent(u"lineEnd") || f.lineEnd == d.lineEnd);
    FUZZ_CHECK(!absent(u"longLine") || f.longLine == d.longLine);
    FUZZ_CHECK(!absent(u"reconnect") || f.reconnect == d.reconnect);
    FUZZ_CHECK(!absent(u"retry") || f.retry == d.retry);
}

// Reads `query` over `defaults` and checks the promises; gives the faults when ok.
std::optional<StreamFaults> check(const QUrlQuery &query, const StreamFaults &defaults)
{
    const Sse::StreamFaultsResult result = StreamFaults::fromQuery(query, defaults);
    FUZZ_CHECK(result.ok == result.error.isEmpty());
    if (!result.ok) {
        checkError(query, result.error);
        return std::nullopt;
    }
    const StreamFaults &f = result.faults;
    checkRanges(f);
    checkDefaultsKept(query, f, defaults);
    // Idempotent: read again over itself, and written back as a query, it stays the same.
    const Sse::StreamFaultsResult again = StreamFaults::fromQuery(query, f);
    FUZZ_CHECK(again.ok && again.faults == f);
    const QUrlQuery written = f.toQuery();
    const Sse::StreamFaultsResult back = StreamFaults::fromQuery(written, {});
    FUZZ_CHECK(back.ok && back.faults == f);
    FUZZ_CHECK(
            StreamFaults::fromQuery(QUrlQuery(written.query(QUrl::FullyEncoded)), {}).faults == f);
    return f;
}

// readQueryNumber() as /llm reads interval: within the range, or the fallback and an error.
void checkNumber(const QUrlQuery &query)
{
    const Sse::QueryNumberResult n = Sse::readQueryNumber(query, u"interval"_s, 0, 10000, 40);
    FUZZ_CHECK(n.ok == n.error.isEmpty());
    FUZZ_CHECK(n.ok ? within(n.value, 0, 10000) : n.value == 40);
    FUZZ_CHECK(query.hasQueryItem(u"interval"_s) || (n.ok && n.value == 40));
    if (!n.ok) {
        FUZZ_CHECK(n.error
                == u"Query parameter interval=%1 must be a whole number from 0 to 10000."_s.arg(
                        query.queryItemValue(u"interval"_s, QUrl::FullyDecoded)));
    }
}

void checkQuery(const QUrlQuery &query, const std::optional<StreamFaults> &defaults)
{
    check(query, StreamFaults());
    if (defaults)
        check(query, *defaults);
    checkNumber(query);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Before the first line break: the defaults (setDefaultFaults()), read from a query too.
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArrayView stream = newline < 0 ? bytes : bytes.sliced(newline + 1);
    std::optional<StreamFaults> defaults;
    if (newline >= 0)
        defaults = check(QUrlQuery(QString::fromUtf8(bytes.first(newline))), StreamFaults());

    // As the publisher reads a request target, and as text.
    const QUrl target = QUrl::fromEncoded("/events?" + stream.toByteArray());
    if (target.isValid())
        checkQuery(QUrlQuery(target), defaults);
    checkQuery(QUrlQuery(QString::fromUtf8(stream)), defaults);
    return 0;
}
