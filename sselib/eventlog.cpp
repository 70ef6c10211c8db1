// SPDX-License-Identifier: MIT
// Writing with the fast JSON-lines builders; reading with QJsonDocument.
#include "eventlog.h"

#include "jsonlines.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Sse::EventLog {

namespace {

void appendField(QByteArray &out, QByteArrayView key, QByteArrayView utf8)
{
    out.append(",\"").append(key).append("\":");
    JsonLines::appendString(out, utf8);
}

void appendHead(QByteArray &out, QByteArrayView kind, qint64 receivedMs, int connection,
        const CaptureSource *source)
{
    out.append("{\"kind\":\"").append(kind).append("\",\"receivedMs\":");
    JsonLines::appendNumber(out, receivedMs);
    out.append(",\"connection\":");
    JsonLines::appendNumber(out, connection);
    if (source) {
        out.append(",\"stream\":");
        JsonLines::appendNumber(out, source->stream);
        appendField(out, "url", source->url);
    }
}

void appendEventLine(QByteArray &out, const Event &event, const CaptureSource *source)
{
    appendHead(out, "event", event.receivedMs, event.connection, source);
    appendField(out, "type", event.type);
    appendField(out, "data", event.data);
    appendField(out, "lastEventId", event.lastEventId);
    appendField(out, "origin", event.origin.toUtf8());
    out.append("}\n");
}

void appendCommentLine(QByteArray &out, QByteArrayView comment, qint64 receivedMs, int connection,
        const CaptureSource *source)
{
    appendHead(out, "comment", receivedMs, connection, source);
    appendField(out, "comment", comment);
    out.append("}\n");
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Sse::EventLog", text);
}

// A JSON number that is a whole number, within the range of qint64.
// A connection number is an int (Event::connection): a larger one would come back altered.
constexpr qint64 MaxConnection = std::numeric_limits<int>::max();

// The field is a whole number from 0 to 2^63 - 1.
bool readWholeNumber(const QJsonObject &object, QLatin1StringView key, qint64 *value)
{
    // 2^63 and above would overflow the cast (undefined behaviour): compare before casting.
    constexpr double Beyond = 9223372036854775808.0; // 2^63
    const QJsonValue field = object.value(key);
    const double number = field.toDouble(-1);
    if (!field.isDouble() || !(number >= 0 && number < Beyond) || number != double(qint64(number)))
        return false;
    *value = qint64(number);
    return true;
}

} // namespace

void appendEvent(QByteArray &out, const Event &event)
{
    appendEventLine(out, event, nullptr);
}

void appendEvent(QByteArray &out, const Event &event, const CaptureSource &source)
{
    appendEventLine(out, event, &source);
}

void appendComment(QByteArray &out, QByteArrayView comment, qint64 receivedMs, int connection)
{
    appendCommentLine(out, comment, receivedMs, connection, nullptr);
}

void appendComment(QByteArray &out, QByteArrayView comment, qint64 receivedMs, int connection,
        const CaptureSource &source)
{
    appendCommentLine(out, comment, receivedMs, connection, &source);
}

LineResult readLine(QByteArrayView line)
{
    LineResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        result.error = parseError.error != QJsonParseError::NoError
                ? tr("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset)
                : tr("not a JSON object");
        return result;
    }
    const QJsonObject object = document.object();
    const QString kind = object.value("kind"_L1).toString();
    const bool known = kind == "event"_L1 || kind == "comment"_L1;
    qint64 receivedMs = 0; // an unknown kind may do without them
    qint64 connection = 0;
    const bool hasTime = readWholeNumber(object, "receivedMs"_L1, &receivedMs);
    const bool hasConnection = readWholeNumber(object, "connection"_L1, &connection);
    if (kind.isEmpty() || (known && !(hasTime && hasConnection))) {
        result.error = tr("a record needs \"kind\", and \"receivedMs\" and \"connection\" as "
                          "whole numbers");
        return result;
    }
    if (hasConnection && connection > MaxConnection) {
        if (known) {
            result.error = tr("\"connection\" is %1, beyond the largest connection number, %2")
                                   .arg(connection)
                                   .arg(MaxConnection);
            return result;
        }
        connection = 0; // as if absent: a record of an unknown kind keeps its line as it is
    }
    Record *record = &result.record;
    record->event.receivedMs = receivedMs;
    record->event.connection = int(connection);
    if (kind == "event"_L1) {
        if (!object.value("type"_L1).isString() || !object.value("data"_L1).isString()) {
            result.error = tr("an event needs \"type\" and \"data\" strings");
            return result;
        }
        record->kind = Record::Kind::Event;
        record->event.type = object.value("type"_L1).toString().toUtf8();
        record->event.data = object.value("data"_L1).toString().toUtf8();
        record->event.lastEventId = object.value("lastEventId"_L1).toString().toUtf8();
        record->event.origin = object.value("origin"_L1).toString();
    } else if (kind == "comment"_L1) {
        record->kind = Record::Kind::Comment;
        record->text = object.value("comment"_L1).toString().toUtf8();
    } else {
        record->kind = Record::Kind::Other;
        record->text = (line.endsWith('\n') ? line.chopped(1) : line).toByteArray();
    }
    result.ok = true;
    return result;
}

} // namespace Sse::EventLog
