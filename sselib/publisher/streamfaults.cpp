// SPDX-License-Identifier: MIT
// Reading fault parameters from a stream URL's query, with clear errors for bad values.
#include "streamfaults.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Sse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sse::StreamFaults", text);
}

} // namespace

bool StreamFaults::readNumber(
        const QUrlQuery &query, const QString &key, int min, int max, int &value, QString *error)
{
    if (!query.hasQueryItem(key))
        return true;
    bool ok = false;
    const QString text = query.queryItemValue(key, QUrl::FullyDecoded);
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < min || number > max) {
        *error = tr("Query parameter %1=%2 must be a whole number from %3 to %4.")
                         .arg(key, text)
                         .arg(min)
                         .arg(max);
        return false;
    }
    value = int(number);
    return true;
}

bool StreamFaults::operator==(const StreamFaults &other) const
{
    return status == other.status && contentType == other.contentType
            && contentType.isNull() == other.contentType.isNull() && redirect == other.redirect
            && closeAfter == other.closeAfter && cutAfter == other.cutAfter
            && stallMs == other.stallMs && dribbleMs == other.dribbleMs
            && splitUtf8 == other.splitUtf8 && lineEnd == other.lineEnd
            && longLine == other.longLine && reconnectMs == other.reconnectMs
            && retryMs == other.retryMs;
}

bool StreamFaults::readQuery(const QUrlQuery &query, QString *error)
{
    // Absent parameters keep the current values: those are the publisher's default faults.
    int retry = int(std::clamp<qint64>(retryMs, -1, std::numeric_limits<int>::max()));
    int split = splitUtf8 ? 1 : 0;
    const bool numbersOk = readNumber(query, u"status"_s, 200, 599, status, error)
            && readNumber(query, u"redirect"_s, 301, 308, redirect, error)
            && readNumber(query, u"closeAfter"_s, 0, 1 << 30, closeAfter, error)
            && readNumber(query, u"cutAfter"_s, 0, 1 << 30, cutAfter, error)
            && readNumber(query, u"stall"_s, 0, MaxDelayMs, stallMs, error)
            && readNumber(query, u"dribble"_s, 0, 10000, dribbleMs, error)
            && readNumber(query, u"splitUtf8"_s, 0, 1, split, error)
            && readNumber(query, u"longLine"_s, 0, MaxLongLine, longLine, error)
            && readNumber(query, u"reconnect"_s, 0, MaxDelayMs, reconnectMs, error)
            && readNumber(query, u"retry"_s, 0, std::numeric_limits<int>::max(), retry, error);
    if (!numbersOk)
        return false;
    splitUtf8 = split == 1;
    retryMs = retry;
    if (redirect != 0 && redirect != 301 && redirect != 302 && redirect != 307 && redirect != 308) {
        *error = tr("Query parameter redirect must be 301, 302, 307 or 308.");
        return false;
    }
    if (query.hasQueryItem(u"contentType"_s))
        contentType = query.queryItemValue(u"contentType"_s, QUrl::FullyDecoded).toUtf8();
    if (query.hasQueryItem(u"lineEnd"_s)) {
        const QString value = query.queryItemValue(u"lineEnd"_s).toLower();
        if (value == "lf"_L1) {
            lineEnd = Wire::LineEnd::Lf;
        } else if (value == "crlf"_L1) {
            lineEnd = Wire::LineEnd::CrLf;
        } else if (value == "cr"_L1) {
            lineEnd = Wire::LineEnd::Cr;
        } else {
            *error = tr("Query parameter lineEnd must be lf, crlf or cr.");
            return false;
        }
    }
    return true;
}

} // namespace Sse
