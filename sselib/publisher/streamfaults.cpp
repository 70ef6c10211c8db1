// SPDX-License-Identifier: MIT
// Reading fault parameters from a stream URL's query, with clear errors for bad values.
#include "streamfaults.h"

#include <QCoreApplication>
#include <QUrl>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

constexpr int IntMax = std::numeric_limits<int>::max();

// The parameters that are not numbers, after the numbers were read. (The messages name their
// translation context at each call, where lupdate reads it.)
void readChoices(const QUrlQuery &query, StreamFaultsResult &result)
{
    StreamFaults &f = result.faults;
    if (f.redirect && *f.redirect != 301 && *f.redirect != 302 && *f.redirect != 307
            && *f.redirect != 308) {
        result.ok = false;
        result.error = QCoreApplication::translate(
                "Sse::StreamFaults", "Query parameter redirect must be 301, 302, 307 or 308.");
        return;
    }
    if (query.hasQueryItem(u"contentType"_s)) {
        const QByteArray type = query.queryItemValue(u"contentType"_s, QUrl::FullyDecoded).toUtf8();
        // It goes into the response head as it is: a line break would add header lines.
        if (type.contains('\r') || type.contains('\n') || type.contains('\0')) {
            result.ok = false;
            result.error = QCoreApplication::translate("Sse::StreamFaults",
                    "Query parameter contentType must be one line, without NUL.");
            return;
        }
        f.contentType = type;
    }
    if (!query.hasQueryItem(u"lineEnd"_s))
        return;
    const QString value = query.queryItemValue(u"lineEnd"_s).toLower();
    if (value == "lf"_L1) {
        f.lineEnd = Wire::LineEnd::Lf;
    } else if (value == "crlf"_L1) {
        f.lineEnd = Wire::LineEnd::CrLf;
    } else if (value == "cr"_L1) {
        f.lineEnd = Wire::LineEnd::Cr;
    } else {
        result.ok = false;
        result.error = QCoreApplication::translate(
                "Sse::StreamFaults", "Query parameter lineEnd must be lf, crlf or cr.");
    }
}

} // namespace

QueryNumberResult readQueryNumber(
        const QUrlQuery &query, const QString &key, int min, int max, int fallback)
{
    if (!query.hasQueryItem(key))
        return {true, fallback, {}};
    bool ok = false;
    const QString text = query.queryItemValue(key, QUrl::FullyDecoded);
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < min || number > max) {
        return {false, fallback,
                QCoreApplication::translate("Sse::StreamFaults",
                        "Query parameter %1=%2 must be a whole number from %3 to %4.")
                        // One arg() call: a "%1" in the value must stay as it is.
                        .arg(key, text, QString::number(min), QString::number(max))};
    }
    return {true, int(number), {}};
}

bool StreamFaults::operator==(const StreamFaults &other) const
{
    return status == other.status && contentType == other.contentType
            && contentType.isNull() == other.contentType.isNull() && redirect == other.redirect
            && closeAfter == other.closeAfter && cutAfter == other.cutAfter
            && stallMs == other.stallMs && dribbleMs == other.dribbleMs
            && splitUtf8 == other.splitUtf8 && lineEnd == other.lineEnd
            && longLine == other.longLine && reconnect == other.reconnect && retry == other.retry;
}

StreamFaultsResult StreamFaults::fromQuery(const QUrlQuery &query, const StreamFaults &defaults)
{
    // Absent parameters keep the defaults: those are the publisher's default faults.
    StreamFaultsResult result{true, defaults, {}};
    StreamFaults &f = result.faults;
    const auto read = [&query, &result](const QString &key, int min, int max, int &value) {
        const QueryNumberResult number = readQueryNumber(query, key, min, max, value);
        value = number.value;
        result.ok = number.ok;
        result.error = number.error;
        return number.ok;
    };
    // An optional value reads as -1 when off, which no query may give (min >= 0).
    const auto readOptional = [&read](const QString &key, int min, int max,
                                      std::optional<int> &value) {
        int number = value.value_or(-1);
        if (!read(key, min, max, number))
            return false;
        value = number < 0 ? std::nullopt : std::optional(number);
        return true;
    };
    const auto readDuration = [&readOptional](const QString &key, int max,
                                      std::optional<std::chrono::milliseconds> &value) {
        std::optional<int> ms;
        if (value)
            ms = int(std::clamp<qint64>(value->count(), -1, IntMax));
        if (!readOptional(key, 0, max, ms))
            return false;
        value = ms ? std::optional(std::chrono::milliseconds(*ms)) : std::nullopt;
        return true;
    };
    int split = f.splitUtf8 ? 1 : 0;
    const bool numbersOk = readOptional(u"status"_s, 200, 599, f.status)
            && readOptional(u"redirect"_s, 301, 308, f.redirect)
            && read(u"closeAfter"_s, 0, 1 << 30, f.closeAfter)
            && read(u"cutAfter"_s, 0, 1 << 30, f.cutAfter)
            && read(u"stall"_s, 0, MaxDelayMs, f.stallMs)
            && read(u"dribble"_s, 0, 10000, f.dribbleMs) && read(u"splitUtf8"_s, 0, 1, split)
            && read(u"longLine"_s, 0, MaxLongLine, f.longLine)
            && readDuration(u"reconnect"_s, MaxDelayMs, f.reconnect)
            && readDuration(u"retry"_s, IntMax, f.retry);
    if (!numbersOk)
        return result;
    f.splitUtf8 = split == 1;
    readChoices(query, result);
    return result;
}

QUrlQuery StreamFaults::toQuery() const
{
    QUrlQuery query;
    const auto add = [&query](const QString &key, qint64 value) {
        query.addQueryItem(key, QString::number(value));
    };
    if (status)
        add(u"status"_s, *status);
    if (!contentType.isNull()) {
        // Percent-encoded, so that '&', '=', '+', '#' and '%' come back as they are.
        query.addQueryItem(u"contentType"_s,
                QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(contentType))));
    }
    if (redirect)
        add(u"redirect"_s, *redirect);
    const std::pair<QString, int> numbers[] = {{u"closeAfter"_s, closeAfter},
            {u"cutAfter"_s, cutAfter}, {u"stall"_s, stallMs}, {u"dribble"_s, dribbleMs},
            {u"splitUtf8"_s, splitUtf8 ? 1 : 0}, {u"longLine"_s, longLine}};
    for (const auto &[key, value] : numbers) {
        if (value != 0)
            add(key, value);
    }
    if (lineEnd == Wire::LineEnd::CrLf)
        query.addQueryItem(u"lineEnd"_s, u"crlf"_s);
    else if (lineEnd == Wire::LineEnd::Cr)
        query.addQueryItem(u"lineEnd"_s, u"cr"_s);
    if (reconnect)
        add(u"reconnect"_s, reconnect->count());
    if (retry)
        add(u"retry"_s, retry->count());
    return query;
}

} // namespace Sse
