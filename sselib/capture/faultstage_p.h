// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::FaultStage: applies the event fault rules to one stream's body bytes.
#pragma once

#include "sselib/capture/capturerule.h"

#include <QByteArray>
#include <QList>
#include <QObject>

namespace Sse::CaptureDetail {

/// Stands between the upstream's body bytes (identity-encoded, without any transfer framing)
/// and the app for one text/event-stream response. With no event rule for its target it passes
/// each push() on at once, in the same call; with one, it works event by event (an event ends
/// with its blank line), holding, dropping, adding or cutting as the rules say. What it emits
/// is always the upstream's own bytes, in order, except for what a rule adds or leaves out.
class FaultStage final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultStage)

public:
    /// `target` is the request target (path and query) that rules are matched against.
    explicit FaultStage(const QByteArray &target, QObject *parent = nullptr);
    ~FaultStage() override;

    /// Keeps the event rules of `rules` that match the target, in order; from the next event
    /// on, they are the ones that apply.
    void setRules(const QList<CaptureRule> &rules);

    /// Body bytes as they came from the upstream.
    void push(const QByteArray &bytes);
    /// The upstream's body is complete: what is held is emitted (after its delays), then
    /// finished().
    void finish();

    /// Bytes pushed and not yet emitted (held by a delay or a stall, or a partial event).
    [[nodiscard]] qsizetype heldBytes() const;

Q_SIGNALS:
    /// Bytes for the app, in order.
    void bytesReady(const QByteArray &bytes);
    /// A rule cut the stream: close the app's connection once what was emitted is sent.
    void cutRequested(const Sse::CaptureRule &rule);
    /// A rule changed what the app gets; `what` says how, for people.
    void faultApplied(const Sse::CaptureRule &rule, const QString &what);
    /// After finish(), everything held was emitted.
    void finished();

private:
    QByteArray m_target;
    QList<CaptureRule> m_rules;
};

} // namespace Sse::CaptureDetail
