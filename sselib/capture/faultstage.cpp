// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::FaultStage: applies the event fault rules to one stream's body bytes.
#include "faultstage_p.h"

#include "sselib/parser.h"

#include <QPointer>

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace Sse::CaptureDetail {

namespace {

// A block larger than this is passed on as it comes rather than held to its end.
constexpr qsizetype MaxHeldBlock = 32 * 1024 * 1024;
constexpr qint64 NsPerMs = 1000 * 1000;

// The timer interval to `due` (ns): rounded up, so that nothing is released early.
int msUntil(qint64 due, qint64 now)
{
    return int((due - now + NsPerMs - 1) / NsPerMs);
}

bool isAfterOneOff(CaptureRule::Action action)
{
    using Action = CaptureRule::Action;
    return action == Action::Stall || action == Action::Inject || action == Action::Retry;
}

// `event: T` and one data line per line of the data (lines end with CR, LF or CRLF).
QByteArray injectedEvent(const CaptureRule &rule)
{
    QByteArray out;
    if (!rule.eventType.isEmpty())
        out += "event: " + rule.eventType + '\n';
    const QByteArray &data = rule.text;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= data.size(); ++i) {
        if (i < data.size() && data.at(i) != '\r' && data.at(i) != '\n')
            continue;
        const QByteArrayView line = QByteArrayView(data).sliced(start, i - start);
        out += line.isEmpty() ? QByteArrayView("data:") : QByteArrayView("data: ");
        out += line;
        out += '\n';
        if (i + 1 < data.size() && data.at(i) == '\r' && data.at(i + 1) == '\n')
            ++i;
        start = i + 1;
    }
    out += '\n';
    return out;
}

} // namespace

// Parses whole blocks, in stream order, to learn whether each dispatches an event (WHATWG).
class BlockProbe final : public ParserHandler
{
public:
    BlockProbe()
        : m_parser(this)
    {
        // The stage bounds what it holds; within that, every event must be seen whole.
        m_parser.setMaxLineSize(std::numeric_limits<qsizetype>::max() / 4);
        m_parser.setMaxEventSize(std::numeric_limits<qsizetype>::max() / 4);
    }

    // The type of the event that `block` (ending with its blank line) dispatches, if any.
    std::optional<QByteArray> typeOf(QByteArrayView block)
    {
        m_type.reset();
        m_parser.feed(block);
        return std::exchange(m_type, std::nullopt);
    }

    void event(const ParsedEvent &event) override { m_type = event.type.toByteArray(); }

private:
    Parser m_parser;
    std::optional<QByteArray> m_type;
};

FaultStage::FaultStage(const QByteArray &target, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_timer(this)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FaultStage::drain);
}

FaultStage::~FaultStage() = default;

void FaultStage::setRules(const QList<CaptureRule> &rules)
{
    m_newRules = rules;
    // A block that is held ends under the rules it began with.
    if (m_state != BlockState::Ruled)
        installNewRules();
}

void FaultStage::installNewRules()
{
    if (!m_newRules)
        return;
    QList<ActiveRule> active;
    for (const CaptureRule &rule : std::as_const(*m_newRules)) {
        if (!rule.isEventRule() || !rule.matches(m_target))
            continue;
        // A rule that stays keeps its count and what it did.
        const auto old = std::find_if(m_rules.begin(), m_rules.end(),
                [&rule](const ActiveRule &a) { return a.rule == rule; });
        if (old != m_rules.end()) {
            active.append(*old);
            m_rules.erase(old);
        } else {
            active.append(ActiveRule{rule});
        }
    }
    m_newRules.reset();
    m_rules = active;
    const bool due = std::any_of(m_rules.cbegin(), m_rules.cend(), [](const ActiveRule &a) {
        return !a.done && isAfterOneOff(a.rule.action) && a.events >= a.rule.after;
    });
    if (due && !m_oneOffsDue) {
        m_oneOffsDue = true;
        QMetaObject::invokeMethod(
                this,
                [this] {
                    applyDueOneOffs();
                    drain();
                },
                Qt::QueuedConnection);
    }
}

void FaultStage::push(const QByteArray &bytes)
{
    if (m_cutQueued || m_finishing || bytes.isEmpty())
        return;
    if (fastPath()) {
        m_framer.skip(bytes);
        m_state = m_framer.atBoundary() ? BlockState::Boundary : BlockState::Unruled;
        Q_EMIT bytesReady(bytes);
        return;
    }
    pushSlow(bytes);
}

void FaultStage::finish()
{
    if (m_cutQueued || m_finishing)
        return;
    applyDueOneOffs();
    // A partial last block dispatches nothing; it is passed on as it is.
    if (!m_partial.isEmpty())
        enqueueBytes(std::exchange(m_partial, {}));
    m_state = BlockState::Boundary;
    installNewRules();
    m_finishing = true;
    drain();
}

qsizetype FaultStage::heldBytes() const
{
    return m_partial.size() + m_queuedUpstream;
}

bool FaultStage::fastPath() const
{
    return !needsBlocks() && m_queue.empty() && m_state != BlockState::Ruled && !m_draining
            && m_stallUntil < 0;
}

// Whether a rule still looks at blocks: one-offs that applied do not.
bool FaultStage::needsBlocks() const
{
    return std::any_of(
            m_rules.cbegin(), m_rules.cend(), [](const ActiveRule &a) { return !a.done; });
}

void FaultStage::pushSlow(const QByteArray &bytes)
{
    applyDueOneOffs();
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size && !m_cutQueued) {
        if (m_state == BlockState::Boundary) {
            if (m_framer.pendsLf(bytes.at(pos))) {
                // The LF of the CRLF that ended the last block: it belongs to no block.
                m_framer.skip(QByteArrayView(bytes).sliced(pos, 1));
                enqueueBytes(QByteArray(1, '\n'));
                ++pos;
                continue;
            }
            m_state = needsBlocks() ? BlockState::Ruled : BlockState::Unruled;
        }
        const qsizetype end = m_framer.findBlockEnd(bytes, pos);
        const qsizetype segmentEnd = end < 0 ? size : end;
        const QByteArrayView segment = QByteArrayView(bytes).sliced(pos, segmentEnd - pos);
        if (m_state == BlockState::Unruled) {
            enqueueBytes(segment.size() == size ? bytes : segment.toByteArray());
        } else {
            m_partial.append(segment);
            if (end < 0 && m_partial.size() > MaxHeldBlock) {
                enqueueBytes(std::exchange(m_partial, {}));
                m_state = BlockState::Unruled;
                installNewRules();
            }
        }
        pos = segmentEnd;
        if (end >= 0) {
            const bool ruled = m_state == BlockState::Ruled;
            m_state = BlockState::Boundary;
            if (ruled)
                blockEnded(std::exchange(m_partial, {}));
            installNewRules();
            applyOneOffs();
        }
    }
    drain();
}

void FaultStage::blockEnded(QByteArray block)
{
    if (!m_probe)
        m_probe = std::make_unique<BlockProbe>();
    const std::optional<QByteArray> type = m_probe->typeOf(block);
    if (!type) {
        enqueueBytes(block); // comments, a retry or id field alone, blank lines
        return;
    }
    if (const ActiveRule *drop = dropRuleFor(*type)) {
        enqueue(ItemKind::Note, drop->rule,
                tr("Left out an event of type %1 (%2).")
                        .arg(QString::fromUtf8(*type), drop->rule.toString()));
        block.clear();
    }
    const qint64 releaseAt = m_clock.nsecsElapsed() + (block.isEmpty() ? 0 : delay() * NsPerMs);
    passEvent(std::move(block), releaseAt);
}

const FaultStage::ActiveRule *FaultStage::dropRuleFor(const QByteArray &type) const
{
    for (const ActiveRule &active : m_rules) {
        if (active.rule.action == CaptureRule::Action::Drop && active.rule.text == type)
            return &active;
    }
    return nullptr;
}

qint64 FaultStage::delay()
{
    qint64 total = 0;
    for (ActiveRule &active : m_rules) {
        if (active.rule.action != CaptureRule::Action::Delay)
            continue;
        total += active.rule.value;
        if (!std::exchange(active.announced, true)) {
            enqueue(ItemKind::Note, active.rule,
                    tr("Holding each event %1 ms (%2).")
                            .arg(QString::number(active.rule.value), active.rule.toString()));
        }
    }
    return total;
}

// Counts an event (left out when `block` is empty) and passes it on, or half of it before a cut.
void FaultStage::passEvent(QByteArray block, qint64 releaseAt)
{
    for (ActiveRule &active : m_rules)
        ++active.events;
    for (ActiveRule &active : m_rules) {
        if (active.done || active.rule.action != CaptureRule::Action::CutMidEvent
                || active.events < active.rule.value) {
            continue;
        }
        active.done = true;
        const qsizetype half = block.size() / 2;
        if (half > 0)
            enqueueBytes(block.first(half), releaseAt);
        enqueue(ItemKind::Note, active.rule,
                tr("Closed the connection in the middle of event %1, after %2 of its %3 bytes "
                   "(%4).")
                        .arg(QString::number(active.events), QString::number(half),
                                QString::number(block.size()), active.rule.toString()));
        enqueue(ItemKind::Cut, active.rule);
        return;
    }
    if (!block.isEmpty())
        enqueueBytes(block, releaseAt);
}

// At a boundary: the one-offs whose events have passed, in the rules' order.
void FaultStage::applyOneOffs()
{
    m_oneOffsDue = false;
    if (m_cutQueued)
        return;
    for (ActiveRule &active : m_rules) {
        const CaptureRule &rule = active.rule;
        const bool isCut = rule.action == CaptureRule::Action::Cut;
        if (active.done || !(isCut || isAfterOneOff(rule.action))
                || active.events < (isCut ? rule.value : rule.after)) {
            continue;
        }
        active.done = true;
        switch (rule.action) {
        case CaptureRule::Action::Cut:
            enqueue(ItemKind::Note, rule,
                    tr("Closed the connection after event %1 (%2).")
                            .arg(QString::number(active.events), rule.toString()));
            enqueue(ItemKind::Cut, rule);
            return; // nothing after a cut
        case CaptureRule::Action::Stall:
            enqueue(ItemKind::Stall, rule,
                    tr("Sent nothing for %1 ms (%2).")
                            .arg(QString::number(rule.value), rule.toString()));
            break;
        case CaptureRule::Action::Inject:
            enqueueBytes(injectedEvent(rule), 0, false);
            enqueue(ItemKind::Note, rule, tr("Sent an injected event (%1).").arg(rule.toString()));
            break;
        case CaptureRule::Action::Retry:
            enqueueBytes("retry: " + QByteArray::number(rule.value) + "\n\n", 0, false);
            enqueue(ItemKind::Note, rule,
                    tr("Sent \"retry: %1\" (%2).")
                            .arg(QString::number(rule.value), rule.toString()));
            break;
        default:
            break;
        }
    }
}

// One-offs with after=0 wait for the stream to stand between blocks.
void FaultStage::applyDueOneOffs()
{
    if (m_oneOffsDue && !m_cutQueued && !m_finishing && m_state == BlockState::Boundary)
        applyOneOffs();
}

void FaultStage::enqueueBytes(const QByteArray &bytes, qint64 releaseAt, bool upstream)
{
    if (upstream)
        m_queuedUpstream += bytes.size();
    Item item;
    item.bytes = bytes;
    item.releaseAt = releaseAt;
    item.upstream = upstream;
    m_queue.push_back(std::move(item));
}

void FaultStage::enqueue(ItemKind kind, const CaptureRule &rule, const QString &what)
{
    m_cutQueued = m_cutQueued || kind == ItemKind::Cut;
    Item item;
    item.kind = kind;
    item.upstream = false;
    item.rule = rule;
    item.what = what;
    m_queue.push_back(std::move(item));
}

// Releases what is due, in order; a slot may delete the stage or push into it meanwhile.
void FaultStage::drain()
{
    if (m_draining)
        return;
    m_draining = true;
    const QPointer<FaultStage> alive(this);
    while (!m_queue.empty() && !m_cut) {
        if (!releaseHead())
            break;
        if (!alive)
            return;
    }
    m_draining = false;
    if (!m_finishing || m_finished || m_cut || !m_queue.empty() || stalled(m_clock.nsecsElapsed()))
        return;
    m_finished = true;
    Q_EMIT finished();
}

// Whether a stall still holds everything; arms the timer for its end.
bool FaultStage::stalled(qint64 now)
{
    if (m_stallUntil < 0)
        return false;
    if (now < m_stallUntil) {
        m_timer.start(msUntil(m_stallUntil, now));
        return true;
    }
    m_stallUntil = -1;
    return false;
}

// Emits the queue's head if it is due (true), else arms the timer for it (false).
bool FaultStage::releaseHead()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (stalled(now))
        return false;
    if (m_queue.front().releaseAt > now) {
        m_timer.start(msUntil(m_queue.front().releaseAt, now));
        return false;
    }
    const Item item = std::move(m_queue.front());
    m_queue.pop_front();
    if (item.upstream)
        m_queuedUpstream -= item.bytes.size();
    switch (item.kind) {
    case ItemKind::Bytes:
        Q_EMIT bytesReady(item.bytes);
        break;
    case ItemKind::Stall:
        m_stallUntil = now + item.rule.value * NsPerMs;
        Q_EMIT faultApplied(item.rule, item.what);
        break;
    case ItemKind::Note:
        Q_EMIT faultApplied(item.rule, item.what);
        break;
    case ItemKind::Cut:
        m_cut = true;
        m_queue.clear();
        m_queuedUpstream = 0;
        m_partial.clear();
        m_timer.stop();
        Q_EMIT cutRequested(item.rule);
        break;
    }
    return true;
}

} // namespace Sse::CaptureDetail
