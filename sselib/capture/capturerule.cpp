// SPDX-License-Identifier: MIT
// Sse::CaptureRule (placeholder until the rule syntax is implemented).
#include "capturerule.h"

using namespace Qt::StringLiterals;

namespace Sse {

bool CaptureRule::matches(QByteArrayView target) const
{
    Q_UNUSED(target)
    return match.isEmpty();
}

bool CaptureRule::isEventRule() const
{
    return action != Action::Status && action != Action::Gzip;
}

QString CaptureRule::toString() const
{
    return {};
}

CaptureRuleResult parseCaptureRule(QStringView text)
{
    Q_UNUSED(text)
    return {false, {}, u"Fault rules are not implemented yet."_s};
}

} // namespace Sse
