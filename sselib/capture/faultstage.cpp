// SPDX-License-Identifier: MIT
// Sse::CaptureDetail::FaultStage (pass-through until the fault rules are implemented).
#include "faultstage_p.h"

namespace Sse::CaptureDetail {

FaultStage::FaultStage(const QByteArray &target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{ }

FaultStage::~FaultStage() = default;

void FaultStage::setRules(const QList<CaptureRule> &rules)
{
    m_rules.clear();
    for (const CaptureRule &rule : rules) {
        if (rule.isEventRule() && rule.matches(m_target))
            m_rules.append(rule);
    }
}

void FaultStage::push(const QByteArray &bytes)
{
    Q_EMIT bytesReady(bytes);
}

void FaultStage::finish()
{
    Q_EMIT finished();
}

qsizetype FaultStage::heldBytes() const
{
    return 0;
}

} // namespace Sse::CaptureDetail
