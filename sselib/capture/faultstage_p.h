// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::FaultStage: applies the event fault rules to one stream's body bytes.
#pragma once

#include "blockframer_p.h"

#include "sselib/capture/capturerule.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace Sse::CaptureDetail {

class BlockProbe;

/// Stands between the upstream's body bytes (identity-encoded, without any transfer framing)
/// and the app for one text/event-stream response. With no event rule for its target it passes
/// each push() on at once, in the same call; with one, it works event by event (an event ends
/// with its blank line), holding, dropping, adding or cutting as the rules say. What it emits
/// is always the upstream's own bytes, in order, except for what a rule adds or leaves out.
///
/// Events are counted per rule from when the rule took effect (setRules() keeps the count and
/// the one-off state of a rule that stays); a one-off rule (stall, inject, retry, cut, cut-mid)
/// applies once. One-offs with after=0 apply at once: at the next turn of the event loop or
/// before the next pushed byte, whichever comes first. After cutRequested() the stage emits
/// nothing more, not even finished().
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
    struct ActiveRule
    {
        CaptureRule rule;
        int events = 0; // events seen since the rule took effect
        bool done = false; // a one-off that applied
        bool announced = false; // a delay that was reported
    };

    enum class ItemKind {
        Bytes, ///< bytes for the app
        Note, ///< faultApplied()
        Stall, ///< faultApplied(), then nothing for the rule's milliseconds
        Cut ///< cutRequested(), and nothing more
    };

    // What happens next, in order; bytes not before `releaseAt`.
    struct Item
    {
        ItemKind kind = ItemKind::Bytes;
        QByteArray bytes;
        qint64 releaseAt = 0; // ns on m_clock
        bool upstream = true; // the bytes came from the upstream (not added by a rule)
        CaptureRule rule; // Note, Stall, Cut: the rule
        QString what; // Note, Stall: for people
    };

    enum class BlockState {
        Boundary, ///< between blocks
        Ruled, ///< held until its end, then the rules apply to it
        Unruled ///< passed on as it comes (no rules when it began, or too large to hold)
    };

    void installNewRules();
    [[nodiscard]] bool fastPath() const;
    [[nodiscard]] bool needsBlocks() const;
    void pushSlow(const QByteArray &bytes);
    void blockEnded(QByteArray block);
    [[nodiscard]] const ActiveRule *dropRuleFor(const QByteArray &type) const;
    [[nodiscard]] qint64 delay();
    void passEvent(QByteArray block, qint64 releaseAt);
    void applyOneOffs();
    void applyDueOneOffs();
    void enqueueBytes(const QByteArray &bytes, qint64 releaseAt = 0, bool upstream = true);
    void enqueue(ItemKind kind, const CaptureRule &rule, const QString &what = {});
    void drain();
    [[nodiscard]] bool releaseHead();
    [[nodiscard]] bool stalled(qint64 now);

    QByteArray m_target;
    QList<ActiveRule> m_rules;
    std::optional<QList<CaptureRule>> m_newRules; // set while a held block ends
    BlockFramer m_framer;
    BlockState m_state = BlockState::Boundary;
    QByteArray m_partial; // a Ruled block's bytes so far
    std::unique_ptr<BlockProbe> m_probe; // made for the first Ruled block
    std::deque<Item> m_queue;
    qsizetype m_queuedUpstream = 0; // upstream bytes in m_queue
    QElapsedTimer m_clock;
    QTimer m_timer; // the next release or the end of a stall
    qint64 m_stallUntil = -1; // ns on m_clock
    bool m_oneOffsDue = false; // after=0 one-offs wait for a boundary
    bool m_draining = false;
    bool m_finishing = false;
    bool m_finished = false;
    bool m_cutQueued = false; // a cut is on its way: nothing more is taken
    bool m_cut = false;
};

} // namespace Sse::CaptureDetail
