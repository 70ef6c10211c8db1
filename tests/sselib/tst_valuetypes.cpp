// SPDX-License-Identifier: MIT
// Tests of operator== on sselib's value types: every field takes part in the comparison.

#include "sselib/eventlog.h"
#include "sselib/logexport.h"
#include "sselib/parser.h"
#include "sselib/responseinfo.h"
#include "sselib/sourceerror.h"
#include "sselib/sourceoptions.h"

#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

// A default value equals itself; each change, alone, makes it differ (and differ both ways).
template <typename T>
bool everyFieldCounts(const QList<std::function<void(T &)>> &changes, QByteArray *why)
{
    const T base{};
    if (!(base == T{}) || base != T{}) {
        *why = "a default value differs from another default value";
        return false;
    }
    for (qsizetype i = 0; i < changes.size(); ++i) {
        T changed{};
        changes.at(i)(changed);
        if (changed == base || base == changed || !(changed != base)) {
            *why = "change " + QByteArray::number(i) + " is not seen by operator==";
            return false;
        }
    }
    return true;
}

// A change that sets one field.
template <typename T, typename V>
std::function<void(T &)> set(V T::*field, V value)
{
    return [field, value](T &t) {
        t.*field = value;
    };
}

} // namespace

class tst_ValueTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reconnectPolicy();
    void sourceOptions();
    void requestInfo();
    void responseInfo();
    void sourceError();
    void parseError();
    void record();
    void exportResult();
};

void tst_ValueTypes::reconnectPolicy()
{
    using P = Sse::ReconnectPolicy;
    using ms = std::chrono::milliseconds;
    QByteArray why;
    QVERIFY2(everyFieldCounts<P>(
                     {set(&P::manualReinit, true), set(&P::reinitDelay, ms(1)),
                             set(&P::obeyReconnectEvent, true),
                             set(&P::reconnectEventType, "other"_ba), set(&P::backoff, true),
                             set(&P::backoffFactor, 3.0), set(&P::backoffCap, ms(1)),
                             set(&P::jitter, 0.5), set(&P::healthyAfter, ms(1)),
                             set(&P::maxAttempts, std::optional(3))},
                     &why),
            why.constData());
}

void tst_ValueTypes::sourceOptions()
{
    using O = Sse::SourceOptions;
    using ms = std::chrono::milliseconds;
    Sse::ReconnectPolicy policy;
    policy.backoff = true;
    QByteArray why;
    QVERIFY2(everyFieldCounts<O>(
                     {set(&O::method, "POST"_ba), set(&O::body, "{}"_ba),
                             set(&O::headers, Sse::HeaderList{{"X-A", "1"}}),
                             set(&O::initialLastEventId, "7"_ba), set(&O::withCredentials, true),
                             set(&O::allowCompression, true), set(&O::ignoreTlsErrors, true),
                             set(&O::maxRedirects, 0), set(&O::keepRawLines, true),
                             set(&O::reconnectionTime, ms(1)),
                             set(&O::readTimeout, std::optional(ms(1))),
                             set(&O::maxLineSize, qsizetype(10)),
                             set(&O::maxEventSize, qsizetype(10)), set(&O::policy, policy)},
                     &why),
            why.constData());
    // A header's name is compared as it is: options keep the case the user wrote.
    O lower;
    lower.headers = {{"x-a", "1"}};
    O upper;
    upper.headers = {{"X-A", "1"}};
    QVERIFY(lower != upper);
}

void tst_ValueTypes::requestInfo()
{
    using R = Sse::RequestInfo;
    QByteArray why;
    QVERIFY2(everyFieldCounts<R>({set(&R::connection, 1), set(&R::method, "GET"_ba),
                                         set(&R::url, QUrl(u"http://a/"_s)),
                                         set(&R::headers, Sse::HeaderList{{"A", "1"}}),
                                         set(&R::body, "b"_ba), set(&R::sentMs, qint64(1))},
                     &why),
            why.constData());
}

void tst_ValueTypes::responseInfo()
{
    using R = Sse::ResponseInfo;
    QByteArray why;
    QVERIFY2(
            everyFieldCounts<R>(
                    {set(&R::connection, 1), set(&R::status, 200), set(&R::reason, "OK"_ba),
                            set(&R::httpVersion, "1.1"_ba), set(&R::finalUrl, QUrl(u"http://a/"_s)),
                            set(&R::redirects, QList<QUrl>{QUrl(u"http://b/"_s)}),
                            set(&R::headers, Sse::HeaderList{{"A", "1"}}),
                            set(&R::receivedMs, qint64(1)), set(&R::contentEncoding, "gzip"_ba),
                            set(&R::body, "b"_ba), set(&R::bodyTruncated, true)},
                    &why),
            why.constData());
}

void tst_ValueTypes::sourceError()
{
    using E = Sse::SourceError;
    QByteArray why;
    QVERIFY2(everyFieldCounts<E>(
                     {set(&E::kind, E::Kind::Tls), set(&E::fatal, true),
                             set(&E::httpStatus, std::optional(503)), set(&E::message, u"m"_s)},
                     &why),
            why.constData());
}

void tst_ValueTypes::parseError()
{
    using E = Sse::ParseError;
    QByteArray why;
    QVERIFY2(everyFieldCounts<E>(
                     {set(&E::kind, E::Kind::EventTooLarge), set(&E::limit, qsizetype(1))}, &why),
            why.constData());
}

void tst_ValueTypes::record()
{
    using R = Sse::EventLog::Record;
    Sse::Event event;
    event.data = "d";
    QByteArray why;
    QVERIFY2(everyFieldCounts<R>(
                     {set(&R::kind, R::Kind::Event), set(&R::event, event), set(&R::text, "c"_ba)},
                     &why),
            why.constData());
}

void tst_ValueTypes::exportResult()
{
    using R = Sse::ExportResult;
    QByteArray why;
    QVERIFY2(everyFieldCounts<R>({set(&R::ok, true), set(&R::cancelled, true),
                                         set(&R::records, qint64(1)), set(&R::error, u"e"_s)},
                     &why),
            why.constData());
}

QTEST_GUILESS_MAIN(tst_ValueTypes)
#include "tst_valuetypes.moc"
