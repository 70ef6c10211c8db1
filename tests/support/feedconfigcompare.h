// SPDX-License-Identifier: MIT
// TestSupport::compareFeedConfigs(): every field of two FeedConfigs, for the ui tests.
#pragma once

#include "ui/models/feed.h"

#include <QTest>

namespace TestSupport {

/// QCOMPAREs every field; like QCOMPARE, it returns at the first difference, so callers check
/// QTest::currentTestFailed() afterwards.
inline void compareFeedConfigs(const FeedConfig &actual, const FeedConfig &expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.url, expected.url);
    const Sse::SourceOptions &a = actual.options;
    const Sse::SourceOptions &e = expected.options;
    QCOMPARE(a.method, e.method);
    QCOMPARE(a.body, e.body);
    QCOMPARE(a.headers, e.headers);
    QCOMPARE(a.initialLastEventId, e.initialLastEventId);
    QCOMPARE(a.withCredentials, e.withCredentials);
    QCOMPARE(a.allowCompression, e.allowCompression);
    QCOMPARE(a.ignoreTlsErrors, e.ignoreTlsErrors);
    QCOMPARE(a.maxRedirects, e.maxRedirects);
    QCOMPARE(a.keepRawLines, e.keepRawLines);
    QCOMPARE(a.reconnectionTime.count(), e.reconnectionTime.count());
    QCOMPARE(a.readTimeout, e.readTimeout);
    QCOMPARE(a.maxLineSize, e.maxLineSize);
    QCOMPARE(a.maxEventSize, e.maxEventSize);
    QCOMPARE(a.policy.manualReinit, e.policy.manualReinit);
    QCOMPARE(a.policy.reinitDelay.count(), e.policy.reinitDelay.count());
    QCOMPARE(a.policy.obeyReconnectEvent, e.policy.obeyReconnectEvent);
    QCOMPARE(a.policy.reconnectEventType, e.policy.reconnectEventType);
    QCOMPARE(a.policy.backoff, e.policy.backoff);
    QCOMPARE(a.policy.backoffFactor, e.policy.backoffFactor);
    QCOMPARE(a.policy.backoffCap.count(), e.policy.backoffCap.count());
    QCOMPARE(a.policy.jitter, e.policy.jitter);
    QCOMPARE(a.policy.healthyAfter.count(), e.policy.healthyAfter.count());
    QCOMPARE(a.policy.maxAttempts, e.policy.maxAttempts);
    QCOMPARE(actual.llm, expected.llm);
    QCOMPARE(actual.rememberSecrets, expected.rememberSecrets);
    QCOMPARE(actual.logCapacity, expected.logCapacity);
    QCOMPARE(actual.missingSecrets, expected.missingSecrets);
}

} // namespace TestSupport
