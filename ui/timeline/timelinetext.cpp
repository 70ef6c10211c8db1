// SPDX-License-Identifier: MIT
// TimelineText: the words of the connection timeline for times, durations, states and markers.
#include "timelinetext.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

using Marker = ConnectionHistory::Marker;
using ReadyState = ConnectionHistory::ReadyState;
using ReconnectReason = ConnectionHistory::ReconnectReason;
using ErrorKind = Sse::SourceError::Kind;

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

} // namespace

QString TimelineText::time(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"hh:mm:ss.zzz"_s);
}

QString TimelineText::duration(qint64 ms)
{
    const QLocale locale;
    if (ms < Second)
        return tr("%1 ms").arg(ms);
    if (ms < Minute)
        return tr("%1 s").arg(locale.toString(double(ms) / Second, 'f', 1));
    if (ms < Hour)
        return tr("%1 min %2 s").arg(ms / Minute).arg(ms % Minute / Second);
    if (ms < Day)
        return tr("%1 h %2 min").arg(ms / Hour).arg(ms % Hour / Minute);
    return tr("%1 d %2 h").arg(ms / Day).arg(ms % Day / Hour);
}

QString TimelineText::shortDelay(qint64 ms)
{
    if (ms < Second)
        return tr("%1 ms").arg(ms);
    if (ms < Minute) {
        const QString seconds = ms % Second == 0 ? QString::number(ms / Second)
                                                 : QLocale().toString(double(ms) / Second, 'f', 1);
        return tr("%1 s").arg(seconds);
    }
    if (ms < Hour)
        return tr("%1 min").arg(QLocale().toString(double(ms) / Minute, 'g', 2));
    return tr("%1 h").arg(QLocale().toString(double(ms) / Hour, 'g', 2));
}

QString TimelineText::reason(const Marker &marker)
{
    switch (marker.reconnectReason) {
    case ReconnectReason::ReconnectionTime:
        return marker.delayFromRetryField ? tr("retry:") : tr("reconnection time");
    case ReconnectReason::Backoff:
        return tr("backoff");
    case ReconnectReason::ServerRequest:
        return tr("server reconnect event");
    case ReconnectReason::ManualReinit:
        return tr("manual re-init");
    case ReconnectReason::Restart:
        return tr("restart");
    }
    return {};
}

QString TimelineText::shortReason(const Marker &marker)
{
    switch (marker.reconnectReason) {
    case ReconnectReason::ReconnectionTime:
        return marker.delayFromRetryField ? tr("retry:") : tr("default");
    case ReconnectReason::Backoff:
        return tr("backoff");
    case ReconnectReason::ServerRequest:
        return tr("server");
    case ReconnectReason::ManualReinit:
        return tr("re-init");
    case ReconnectReason::Restart:
        return tr("restart");
    }
    return {};
}

QString TimelineText::errorKind(const Marker &marker)
{
    switch (marker.errorKind) {
    case ErrorKind::Network:
        return tr("network");
    case ErrorKind::StreamEnded:
        return tr("stream ended");
    case ErrorKind::ReadTimeout:
        return tr("read timeout");
    case ErrorKind::HttpStatus:
        return tr("HTTP %1").arg(marker.httpStatus);
    case ErrorKind::ContentType:
        return tr("content type");
    case ErrorKind::Tls:
        return tr("TLS");
    case ErrorKind::TooManyRedirects:
        return tr("redirects");
    case ErrorKind::GaveUp:
        return tr("gave up");
    case ErrorKind::InvalidUrl:
        return tr("invalid URL");
    case ErrorKind::ContentEncoding:
        return tr("content encoding");
    }
    return {};
}

QString TimelineText::stateName(ReadyState state)
{
    switch (state) {
    case ReadyState::Connecting:
        return u"CONNECTING"_s;
    case ReadyState::Open:
        return u"OPEN"_s;
    case ReadyState::Closed:
        return u"CLOSED"_s;
    }
    return {};
}

QString TimelineText::marker(const Marker &marker)
{
    switch (marker.kind) {
    case Marker::Kind::Request:
        if (marker.lastEventIdSent.isEmpty())
            return tr("Request #%1, no Last-Event-ID").arg(marker.connection);
        return tr("Request #%1, Last-Event-ID: %2")
                .arg(marker.connection)
                .arg(QString::fromUtf8(marker.lastEventIdSent.left(200)));
    case Marker::Kind::Response:
        return tr("Response #%1: HTTP/%2 %3 %4")
                .arg(marker.connection)
                .arg(QString::fromUtf8(marker.httpVersion))
                .arg(marker.httpStatus)
                .arg(QString::fromUtf8(marker.reasonPhrase))
                .trimmed();
    case Marker::Kind::ReconnectScheduled:
        return tr("Reconnect in %1 ms (%2)").arg(qint64(marker.delay.count())).arg(reason(marker));
    case Marker::Kind::Error:
        return (marker.fatal ? tr("Fatal error (%1): %2") : tr("Transient error (%1): %2"))
                .arg(errorKind(marker), marker.message);
    }
    return {};
}

QString TimelineText::span(const ConnectionHistory::StateSpan &span, qint64 nowMs)
{
    const QString first =
            tr("%1 for %2").arg(stateName(span.state), duration(span.durationMs(nowMs)));
    const QString second = span.isOngoing()
            ? tr("readyState %1, since %2").arg(int(span.state)).arg(time(span.startMs))
            : tr("readyState %1, %2 to %3")
                      .arg(int(span.state))
                      .arg(time(span.startMs), time(span.endMs));
    return first + u'\n' + second;
}
