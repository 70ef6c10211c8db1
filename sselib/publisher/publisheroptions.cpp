// SPDX-License-Identifier: MIT
// Comparison of the publisher's option types.
#include "publisheroptions.h"

namespace Sse {

bool GeneratorSettings::operator==(const GeneratorSettings &other) const
{
    return interval == other.interval && payload == other.payload && ids == other.ids
            && eventName == other.eventName && retry == other.retry && heartbeat == other.heartbeat
            && limit == other.limit;
}

bool PublisherOptions::operator==(const PublisherOptions &other) const
{
    return address == other.address && port == other.port && allowOrigin == other.allowOrigin
            && allowCredentials == other.allowCredentials && channels == other.channels
            && historySize == other.historySize && maxClientBacklog == other.maxClientBacklog
            && maxRequestHeadSize == other.maxRequestHeadSize
            && maxRequestBodySize == other.maxRequestBodySize && headTimeout == other.headTimeout
            && idleTimeout == other.idleTimeout && generator == other.generator;
}

} // namespace Sse
