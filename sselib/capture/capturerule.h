// SPDX-License-Identifier: MIT
// Sse::CaptureRule: one fault the capture proxy applies to the streams whose request matches it.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>

namespace Sse {

/// One fault rule of the capture proxy. Its text form (a contract: `ssedash-cli proxy --fault`
/// and the dashboard's rule list take it) is `ACTION[=VALUE][,KEY=VALUE]...`:
///   delay=MS            hold each event MS ms before passing it on
///   cut=N               close the connection after the Nth event
///   cut-mid=N           close the connection in the middle of the Nth event (half its bytes sent)
///   stall=MS            send nothing for MS ms (with after=N: once N events have passed)
///   drop=TYPE           leave out the events of type TYPE ("message" for unnamed ones)
///   inject=DATA         send an event with data DATA (type=T names it; after=N: once N events
///                       have passed, default at the start)
///   retry=MS            send a `retry: MS` field (after=N as for inject)
///   status=CODE         answer CODE (100..599 but not 1xx) instead of forwarding the request
///   gzip                compress the stream with gzip, unflushed, the way a buffering
///                       middleware does (only for a stream the upstream did not compress)
/// Keys: `after=N`, `type=T` (inject), `match=GLOB` (the request target, path and query, that
/// the rule is for; `*` matches any run of characters; default every request). VALUE, T and
/// GLOB are percent-decoded, so `%2C` is a comma and `%0A` a line feed; blanks around actions,
/// keys, values and commas are ignored (`%20` keeps one).
/// A GLOB without `*` is the whole target; one with `*` runs to the target's end and, unless it
/// starts with `/`, may begin anywhere in it (`/api/*`: every target under /api/; `*.sse` or
/// `chat*`: anywhere). A target that percent-encodes what GLOB spells out matches too.
/// Event rules (delay, cut, cut-mid, stall, drop, inject, retry) apply to text/event-stream
/// responses only; status applies to any request that matches.
struct CaptureRule
{
    enum class Action {
        Delay,
        Cut,
        CutMidEvent,
        Stall,
        Drop,
        Inject,
        Retry,
        Status,
        Gzip
    };

    Action action = Action::Delay;
    /// delay, stall and retry: milliseconds; cut and cut-mid: the event's number (1-based);
    /// status: the status code; 0 for the others.
    qint64 value = 0;
    QByteArray text; ///< drop: the event type; inject: the data (UTF-8)
    QByteArray eventType; ///< inject: the event type; empty for an unnamed event
    int after = 0; ///< stall, inject, retry: events to pass first
    QString match; ///< glob over the request target; empty: every request

    /// Whether the rule is for a request with this target (path and query, as sent).
    [[nodiscard]] bool matches(QByteArrayView target) const;
    /// Whether the rule changes a stream's events (every action but status and gzip).
    [[nodiscard]] bool isEventRule() const;
    /// The text form, which parse() reads back to an equal rule.
    [[nodiscard]] QString toString() const;

    friend bool operator==(const CaptureRule &a, const CaptureRule &b)
    {
        return a.action == b.action && a.value == b.value && a.text == b.text
                && a.eventType == b.eventType && a.after == b.after && a.match == b.match;
    }

    friend bool operator!=(const CaptureRule &a, const CaptureRule &b) { return !(a == b); }
};

/// What parseCaptureRule() made of a text.
struct CaptureRuleResult
{
    bool ok = false;
    CaptureRule rule; ///< when ok
    QString error; ///< why not ok, for people ("delay needs a number of milliseconds: 'x'")
};

/// Reads the text form of a rule (see CaptureRule).
[[nodiscard]] CaptureRuleResult parseCaptureRule(QStringView text);

} // namespace Sse

Q_DECLARE_METATYPE(Sse::CaptureRule)
