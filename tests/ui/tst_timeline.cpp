// SPDX-License-Identifier: MIT
// Tests for the connection timeline: TimeMapping, ConnectionHistory and TimelineWidget.
#include "tests/support/palettes.h"

#include "sselib/eventsource.h"
#include "ui/models/connectionhistory.h"
#include "ui/models/timemapping.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinepainter.h"
#include "ui/timeline/timelinescene.h"
#include "ui/timeline/timelinewidget.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QMetaEnum>
#include <QPainter>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <array>
#include <cmath>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

using ReadyState = ConnectionHistory::ReadyState;
using ReconnectReason = ConnectionHistory::ReconnectReason;
using Marker = ConnectionHistory::Marker;
using Lane = TimelineLayout::Lane;

namespace {

constexpr qint64 T0 = 1'700'000'000'000; // 2023-11-14, ms since the epoch
constexpr int NetworkTimeoutMs = 10'000;

/// Answers every request on 127.0.0.1 with one canned response, then closes the connection.
class CannedHttpServer : public QTcpServer
{
public:
    explicit CannedHttpServer(QByteArray response)
        : m_response(std::move(response))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                auto head = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head] {
                    head->append(socket->readAll());
                    if (!head->contains("\r\n\r\n"))
                        return;
                    ++requests;
                    socket->write(m_response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    [[nodiscard]] QUrl url() const
    {
        return QUrl(u"http://127.0.0.1:%1/stream"_s.arg(serverPort()));
    }

    int requests = 0;

private:
    QByteArray m_response;
};

QList<Marker::Kind> kindsOf(const ConnectionHistory &history)
{
    QList<Marker::Kind> kinds;
    for (const Marker &marker : history.markers())
        kinds.append(marker.kind);
    return kinds;
}

QList<ReadyState> statesOf(const ConnectionHistory &history)
{
    QList<ReadyState> states;
    for (const ConnectionHistory::StateSpan &span : history.spans())
        states.append(span.state);
    return states;
}

const Marker *findMarker(const ConnectionHistory &history, Marker::Kind kind, int nth = 0)
{
    for (const Marker &marker : history.markers()) {
        if (marker.kind == kind && nth-- == 0)
            return &marker;
    }
    return nullptr;
}

/// A plausible two minutes of one feed: drops, retry:, a server reconnect event, a fatal 503
/// with manual re-init, refused attempts with backoff, and events at varying rates.
void fillRealisticHistory(ConnectionHistory &history, qint64 start)
{
    qint64 t = start;
    const auto events = [&history](qint64 from, qint64 to, int perSecond) {
        if (perSecond <= 0)
            return;
        const qint64 step = 1000 / perSecond;
        for (qint64 e = from; e < to; e += step)
            history.recordEvent(e);
    };
    history.recordState(t, ReadyState::Connecting);
    history.recordRequest(t + 2, 1, {});
    history.recordResponse(t + 118, 1, 200, "OK", "1.1");
    history.recordState(t + 118, ReadyState::Open);
    events(t + 200, t + 12'000, 4);
    events(t + 12'000, t + 20'000, 12);
    events(t + 20'000, t + 40'000, 3);
    t += 40'000;
    history.recordState(t, ReadyState::Connecting);
    history.recordError(
            t, {Sse::SourceError::Kind::StreamEnded, false, 0, u"The server closed the stream."_s});
    history.recordReconnectScheduled(t, 3000ms, ReconnectReason::ReconnectionTime);
    t += 3000;
    history.recordRequest(t, 2, "1041");
    history.recordResponse(t + 84, 2, 200, "OK", "1.1");
    history.recordState(t + 84, ReadyState::Open);
    history.recordReconnectionTime(t + 90, 5000ms);
    events(t + 100, t + 27'000, 6);
    t += 27'000;
    history.recordState(t, ReadyState::Connecting);
    history.recordReconnectScheduled(t, 2000ms, ReconnectReason::ServerRequest);
    t += 2000;
    history.recordRequest(t, 3, "1230");
    history.recordState(t + 95, ReadyState::Closed);
    history.recordError(t + 95,
            {Sse::SourceError::Kind::HttpStatus, true, 503,
                    u"HTTP 503 Service Unavailable: an EventSource does not reconnect after an "
                    "error status."_s});
    history.recordReconnectScheduled(t + 95, 5000ms, ReconnectReason::ManualReinit);
    t += 5095;
    history.recordState(t, ReadyState::Connecting);
    history.recordRequest(t + 1, 4, {});
    history.recordError(
            t + 3, {Sse::SourceError::Kind::Network, false, 0, u"Connection refused"_s});
    history.recordReconnectScheduled(t + 3, 1000ms, ReconnectReason::Backoff);
    t += 1003;
    history.recordRequest(t, 5, {});
    history.recordError(
            t + 2, {Sse::SourceError::Kind::Network, false, 0, u"Connection refused"_s});
    history.recordReconnectScheduled(t + 2, 2200ms, ReconnectReason::Backoff);
    t += 2202;
    history.recordRequest(t, 6, {});
    history.recordResponse(t + 70, 6, 200, "OK", "1.1");
    history.recordState(t + 70, ReadyState::Open);
    events(t + 100, t + 9000, 2);
    events(t + 9000, t + 14'000, 25);
    events(t + 14'000, t + 30'000, 5);
}

// Where a lane of `widget` lies: the layout it paints with.
QRect laneRect(const TimelineWidget &widget, Lane lane)
{
    return TimelineLayout::compute(widget.font(), widget.size()).lane(lane).toRect();
}

// What the tooltip at pos says, asked as a hovering pointer asks: empty where the widget declines
// the tooltip event (nothing to explain there).
QString toolTipAt(TimelineWidget &widget, const QPoint &pos)
{
    QHelpEvent help(QEvent::ToolTip, pos, widget.mapToGlobal(pos));
    QApplication::sendEvent(&widget, &help);
    return help.isAccepted() ? QToolTip::text() : QString();
}

// A timeline over `history`, 600 pixels wide, shown; tests wait for it to be exposed.
std::unique_ptr<TimelineWidget> shownTimeline(ConnectionHistory &history)
{
    auto widget = std::make_unique<TimelineWidget>();
    widget->setHistory(&history);
    widget->resize(600, widget->sizeHint().height());
    widget->show();
    return widget;
}

} // namespace

class tst_Timeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // TimeMapping
    void mapping_roundTrips_data();
    void mapping_roundTrips();
    void mapping_zoomKeepsAnchorTime_data();
    void mapping_zoomKeepsAnchorTime();
    void mapping_zoomClampsScale();
    void mapping_zoomIgnoresInvalidFactors();
    void mapping_panMovesContent();
    void mapping_followLivePutsNowAtRightEdge();
    void mapping_zeroWidth();
    void mapping_showRangeFits();
    void mapping_tickStep_data();
    void mapping_tickStep();
    void mapping_ticksAlignToLocalTime();

    // ConnectionHistory
    void history_recordsSpansMarkersAndDensity();
    void history_sameStateIsNoNewSpan();
    void history_timeNeverGoesBackwards();
    void history_capsMarkersAndSpans();
    void history_densityKeepsWindowAndCapacity();
    void history_rangeQueries();
    void history_markerNear();
    void history_changedIsCoalesced();
    void history_attach_refusedConnectionIsTransient();
    void history_attach_errorStatusIsFatal();
    void history_attach_streamRecordsOpenEventsAndRetry();

    // TimelineLayout, TimelinePainter
    void layout_lanesStackTopToBottom();
    void painter_paintsASceneAsTheWidgetDoes();

    // TimelineWidget
    void widget_paintsStateColoursWhereTheSpansAre();
    void widget_wheelZoomsAroundCursor();
    void widget_wheelWhileFollowingKeepsNowAtRightEdge();
    void widget_dragPansAndStopsFollowing();
    void widget_followLiveTracksTheClock();
    void widget_toolTips();
    void widget_saysWhatIsGoingOnWhenEmpty();
    void widget_markTimeCentresAndMarks();
    void widget_paintsRealisticHistory();
    void widget_paints20000MarkersQuickly();

private:
    qint64 m_now = T0;
};

void tst_Timeline::initTestCase()
{
    // Tooltip texts use the default locale's decimal separator.
    QLocale::setDefault(QLocale::c());
}

// --- TimeMapping ---

void tst_Timeline::mapping_roundTrips_data()
{
    QTest::addColumn<double>("startMs");
    QTest::addColumn<double>("msPerPixel");
    QTest::addColumn<qint64>("timeMs");

    QTest::addRow("default scale") << double(T0) << 100.0 << T0 + 12'345;
    QTest::addRow("finest zoom") << double(T0) + 0.25 << TimeMapping::MinMsPerPixel << T0 + 7;
    QTest::addRow("coarsest zoom")
            << double(T0) << TimeMapping::MaxMsPerPixel << T0 + 86'400'000LL * 3;
    QTest::addRow("time left of the window") << double(T0) << 10.0 << T0 - 5000;
    QTest::addRow("before the epoch") << -1e6 << 3.0 << qint64(-999'999);
    QTest::addRow("fractional scale") << double(T0) << 1.0 / 3.0 << T0 + 1;
}

void tst_Timeline::mapping_roundTrips()
{
    QFETCH(double, startMs);
    QFETCH(double, msPerPixel);
    QFETCH(qint64, timeMs);

    TimeMapping mapping;
    mapping.startMs = startMs;
    mapping.setMsPerPixel(msPerPixel);
    mapping.setWidth(800);

    QCOMPARE(mapping.ms(mapping.x(timeMs)), timeMs);
    QCOMPARE(mapping.x(qint64(std::llround(mapping.startMs))),
            (std::llround(mapping.startMs) - mapping.startMs) / mapping.msPerPixel);
    for (const double x : {0.0, 1.0, 399.5, 800.0}) {
        const double back = mapping.x(mapping.ms(x));
        QVERIFY2(std::abs(back - x) <= 0.5 / mapping.msPerPixel + 1e-6,
                qPrintable(u"x %1 came back as %2"_s.arg(x).arg(back)));
    }
    QCOMPARE(mapping.timeAt(0), mapping.startMs);
    QCOMPARE(mapping.timeAt(800), mapping.endMs());
}

void tst_Timeline::mapping_zoomKeepsAnchorTime_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("anchorX");

    QTest::addRow("zoom in at the left edge") << 2.0 << 0.0;
    QTest::addRow("zoom in in the middle") << 1.25 << 300.0;
    QTest::addRow("zoom out at the right edge") << 0.8 << 600.0;
    QTest::addRow("zoom out at a fraction") << 0.1 << 123.75;
    QTest::addRow("anchor outside the widget") << 4.0 << -50.0;
}

void tst_Timeline::mapping_zoomKeepsAnchorTime()
{
    QFETCH(double, factor);
    QFETCH(double, anchorX);

    TimeMapping mapping;
    mapping.setWidth(600);
    mapping.startMs = double(T0);
    mapping.setMsPerPixel(50.0);
    const double anchorTime = mapping.timeAt(anchorX);

    QVERIFY(mapping.zoomAt(factor, anchorX));
    QCOMPARE(mapping.msPerPixel, 50.0 / factor);
    QVERIFY(std::abs(mapping.timeAt(anchorX) - anchorTime) < 1e-3);
    QCOMPARE(mapping.widthPx, 600);
}

void tst_Timeline::mapping_zoomClampsScale()
{
    TimeMapping mapping;
    mapping.setWidth(600);
    mapping.startMs = double(T0);
    const double anchorTime = mapping.timeAt(200);
    for (int i = 0; i < 100; ++i)
        mapping.zoomAt(2.0, 200);
    QCOMPARE(mapping.msPerPixel, TimeMapping::MinMsPerPixel);
    QVERIFY(std::abs(mapping.timeAt(200) - anchorTime) < 1e-3);
    QVERIFY(!mapping.zoomAt(2.0, 200)); // nothing left to zoom

    for (int i = 0; i < 100; ++i)
        mapping.zoomAt(0.5, 200);
    QCOMPARE(mapping.msPerPixel, TimeMapping::MaxMsPerPixel);
    QVERIFY(std::abs(mapping.timeAt(200) - anchorTime) < 1.0);
    QVERIFY(!mapping.zoomAt(0.5, 200));

    mapping.setMsPerPixel(0.0);
    QCOMPARE(mapping.msPerPixel, TimeMapping::MinMsPerPixel);
    mapping.setMsPerPixel(1e12);
    QCOMPARE(mapping.msPerPixel, TimeMapping::MaxMsPerPixel);
    QCOMPARE(TimeMapping::clampMsPerPixel(std::nan("")), TimeMapping::DefaultMsPerPixel);
}

void tst_Timeline::mapping_zoomIgnoresInvalidFactors()
{
    TimeMapping mapping;
    mapping.setWidth(600);
    mapping.startMs = double(T0);
    const TimeMapping before = mapping;
    for (const double factor : {0.0, -2.0, std::nan(""), HUGE_VAL})
        QVERIFY(!mapping.zoomAt(factor, 100));
    QVERIFY(!mapping.zoomAt(2.0, std::nan("")));
    QCOMPARE(mapping, before);
}

void tst_Timeline::mapping_panMovesContent()
{
    TimeMapping mapping;
    mapping.setWidth(600);
    mapping.startMs = double(T0);
    mapping.setMsPerPixel(20.0);
    const double xBefore = mapping.x(T0 + 1000);

    mapping.panBy(30.0); // drag right: earlier times come into view
    QCOMPARE(mapping.startMs, double(T0) - 600.0);
    QCOMPARE(mapping.x(T0 + 1000), xBefore + 30.0);
    QCOMPARE(mapping.msPerPixel, 20.0);

    mapping.panBy(-30.0);
    QCOMPARE(mapping.startMs, double(T0));
    mapping.panBy(std::nan(""));
    QCOMPARE(mapping.startMs, double(T0));
}

void tst_Timeline::mapping_followLivePutsNowAtRightEdge()
{
    TimeMapping mapping;
    mapping.setWidth(640);
    mapping.setMsPerPixel(250.0);
    mapping.followLive(T0);
    QCOMPARE(mapping.x(T0), 640.0);
    QCOMPARE(mapping.visibleRange(), (TimeRange{T0 - 160'000, T0}));
    QCOMPARE(mapping.msPerPixel, 250.0);
}

void tst_Timeline::mapping_zeroWidth()
{
    TimeMapping mapping;
    mapping.setWidth(-5);
    QCOMPARE(mapping.widthPx, 0);
    mapping.startMs = double(T0);
    QCOMPARE(mapping.visibleRange(), (TimeRange{T0, T0}));
    QCOMPARE(mapping.visibleRange().length(), 0);
    mapping.followLive(T0 + 10);
    QCOMPARE(mapping.startMs, double(T0 + 10));
    QVERIFY(mapping.ticks(1000).isEmpty());
    QVERIFY(mapping.zoomAt(2.0, 0));
    QCOMPARE(mapping.startMs, double(T0 + 10));
    mapping.showRange(T0, T0 + 1000);
    QCOMPARE(mapping.startMs, double(T0));
    QCOMPARE(mapping.x(T0 + 5), 5.0 / mapping.msPerPixel);
}

void tst_Timeline::mapping_showRangeFits()
{
    TimeMapping mapping;
    mapping.setWidth(500);
    mapping.showRange(T0, T0 + 50'000);
    QCOMPARE(mapping.msPerPixel, 100.0);
    QCOMPARE(mapping.x(T0), 0.0);
    QCOMPARE(mapping.x(T0 + 50'000), 500.0);

    mapping.showRange(T0 + 10, T0); // reversed
    QCOMPARE(mapping.msPerPixel, TimeMapping::MinMsPerPixel);
    QCOMPARE(mapping.x(T0 + 5), 250.0); // clamped: the range is centred

    mapping.showRange(T0, T0);
    QCOMPARE(mapping.msPerPixel, TimeMapping::MinMsPerPixel);
    QCOMPARE(mapping.x(T0), 250.0);
}

void tst_Timeline::mapping_tickStep_data()
{
    QTest::addColumn<double>("msPerPixel");
    QTest::addColumn<double>("minSpacingPx");
    QTest::addColumn<qint64>("stepMs");

    QTest::addRow("finest") << 0.05 << 80.0 << qint64(5);
    QTest::addRow("exact fit") << 1.0 << 100.0 << qint64(100);
    QTest::addRow("seconds") << 20.0 << 80.0 << qint64(2000);
    QTest::addRow("fifteen seconds") << 120.0 << 90.0 << qint64(15'000);
    QTest::addRow("minutes") << 1000.0 << 80.0 << qint64(120'000);
    QTest::addRow("hours") << 60'000.0 << 100.0 << qint64(2 * 3600'000);
    QTest::addRow("a week") << 3'600'000.0 << 60.0 << qint64(7 * 86'400'000LL);
    QTest::addRow("beyond the table")
            << TimeMapping::MaxMsPerPixel << 1000.0 << qint64(2 * 730 * 86'400'000LL);
    QTest::addRow("zero spacing is one pixel") << 10.0 << 0.0 << qint64(10);
}

void tst_Timeline::mapping_tickStep()
{
    QFETCH(double, msPerPixel);
    QFETCH(double, minSpacingPx);
    QFETCH(qint64, stepMs);

    TimeMapping mapping;
    mapping.setWidth(800);
    mapping.startMs = double(T0) + 0.5;
    mapping.setMsPerPixel(msPerPixel);
    QCOMPARE(mapping.tickStepMs(minSpacingPx), stepMs);

    const QList<qint64> ticks = mapping.ticks(stepMs);
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        QCOMPARE(ticks.at(i) % stepMs, 0);
        QVERIFY(mapping.visibleRange().contains(ticks.at(i)));
        if (i > 0)
            QCOMPARE(ticks.at(i) - ticks.at(i - 1), stepMs);
    }
}

void tst_Timeline::mapping_ticksAlignToLocalTime()
{
    TimeMapping mapping;
    mapping.setWidth(600);
    mapping.startMs = double(T0);
    mapping.setMsPerPixel(60'000.0); // ten hours
    const qint64 hour = 3'600'000;
    const qint64 offset = 5 * hour + hour / 2; // UTC+05:30
    const QList<qint64> ticks = mapping.ticks(hour, offset);
    QVERIFY(ticks.size() >= 9);
    for (const qint64 tick : ticks)
        QCOMPARE((tick + offset) % hour, 0);
    QVERIFY(mapping.ticks(0).isEmpty());
    QVERIFY(mapping.ticks(1).isEmpty()); // more ticks than pixels
}

// --- ConnectionHistory ---

void tst_Timeline::history_recordsSpansMarkersAndDensity()
{
    ConnectionHistory history;
    QVERIFY(history.isEmpty());
    history.recordState(T0, ReadyState::Connecting);
    history.recordRequest(T0 + 5, 1, {});
    history.recordResponse(T0 + 100, 1, 200, "OK", "1.1");
    history.recordState(T0 + 100, ReadyState::Open);
    history.recordEvent(T0 + 1200);
    history.recordEvent(T0 + 1300);
    history.recordEvent(T0 + 2500, 3);
    history.recordState(T0 + 5000, ReadyState::Connecting);
    history.recordError(T0 + 5000, {Sse::SourceError::Kind::StreamEnded, false, 0, u"ended"_s});
    history.recordReconnectScheduled(T0 + 5000, 3000ms, ReconnectReason::ReconnectionTime);
    history.recordRequest(T0 + 8000, 2, "42");
    history.recordState(T0 + 8050, ReadyState::Closed);
    history.recordError(T0 + 8050, {Sse::SourceError::Kind::HttpStatus, true, 503, u"503"_s});

    QCOMPARE(statesOf(history),
            (QList<ReadyState>{ReadyState::Connecting, ReadyState::Open, ReadyState::Connecting,
                    ReadyState::Closed}));
    const auto &spans = history.spans();
    QCOMPARE(spans[0].startMs, T0);
    QCOMPARE(spans[0].endMs, T0 + 100);
    QCOMPARE(spans[1].startMs, T0 + 100);
    QCOMPARE(spans[1].endMs, T0 + 5000);
    QCOMPARE(spans[1].durationMs(T0 + 99'999), 4900);
    QVERIFY(spans[3].isOngoing());
    QCOMPARE(spans[3].durationMs(T0 + 9050), 1000);
    QCOMPARE(spans[3].endOr(T0), T0 + 8050); // never before its start

    using Kind = Marker::Kind;
    QCOMPARE(kindsOf(history),
            (QList<Kind>{Kind::Request, Kind::Response, Kind::Error, Kind::ReconnectScheduled,
                    Kind::Request, Kind::Error}));
    const Marker *secondRequest = findMarker(history, Kind::Request, 1);
    QVERIFY(secondRequest);
    QCOMPARE(secondRequest->connection, 2);
    QCOMPARE(secondRequest->lastEventIdSent, "42");
    const Marker *response = findMarker(history, Kind::Response);
    QCOMPARE(response->httpStatus, 200);
    QCOMPARE(response->reasonPhrase, "OK");
    QCOMPARE(response->httpVersion, "1.1");
    const Marker *reconnect = findMarker(history, Kind::ReconnectScheduled);
    QCOMPARE(reconnect->delay, 3000ms);
    QCOMPARE(reconnect->reconnectReason, ReconnectReason::ReconnectionTime);
    QVERIFY(!reconnect->delayFromRetryField);
    const Marker *fatal = findMarker(history, Kind::Error, 1);
    QVERIFY(fatal->fatal);
    QCOMPARE(fatal->httpStatus, 503);
    QCOMPARE(fatal->errorKind, Sse::SourceError::Kind::HttpStatus);
    QVERIFY(!findMarker(history, Kind::Error)->fatal);

    const auto &density = history.density();
    QCOMPARE(density.size(), size_t(2));
    QCOMPARE(density[0].secondMs, T0 + 1000);
    QCOMPARE(density[0].count, 2);
    QCOMPARE(density[1].secondMs, T0 + 2000);
    QCOMPARE(density[1].count, 3);
    QCOMPARE(history.totalEvents(), 5);
    QCOMPARE(history.extent(T0 + 10'000), (TimeRange{T0, T0 + 10'000}));

    history.recordDetached(T0 + 9000);
    QVERIFY(!history.spans().back().isOngoing());
    QCOMPARE(history.spans().back().endMs, T0 + 9000);

    history.clear();
    QVERIFY(history.isEmpty());
    QCOMPARE(history.totalEvents(), 0);
}

void tst_Timeline::history_sameStateIsNoNewSpan()
{
    ConnectionHistory history;
    history.recordState(T0, ReadyState::Connecting);
    history.recordState(T0 + 10, ReadyState::Connecting);
    QCOMPARE(history.spans().size(), size_t(1));
    history.recordDetached(T0 + 20);
    history.recordState(T0 + 30, ReadyState::Connecting); // after a gap: a new span
    QCOMPARE(history.spans().size(), size_t(2));
    QCOMPARE(history.spans().back().startMs, T0 + 30);
}

void tst_Timeline::history_timeNeverGoesBackwards()
{
    ConnectionHistory history;
    history.recordState(T0 + 2000, ReadyState::Connecting);
    history.recordRequest(T0 + 1000, 1, {}); // the wall clock stepped back
    history.recordState(T0 + 500, ReadyState::Open);
    QCOMPARE(history.markers().front().timeMs, T0 + 2000);
    QCOMPARE(history.spans().front().endMs, T0 + 2000);
    QCOMPARE(history.spans().back().startMs, T0 + 2000);
}

void tst_Timeline::history_capsMarkersAndSpans()
{
    ConnectionHistory history;
    QCOMPARE(history.markerCapacity(), ConnectionHistory::DefaultMarkerCapacity);
    history.setMarkerCapacity(100);
    history.setSpanCapacity(10);
    for (int i = 1; i <= 250; ++i) {
        history.recordRequest(T0 + i * 10, i, {});
        history.recordState(T0 + i * 10, i % 2 ? ReadyState::Connecting : ReadyState::Open);
    }
    QCOMPARE(history.markers().size(), size_t(100));
    QCOMPARE(history.markers().front().connection, 151);
    QCOMPARE(history.markers().back().connection, 250);
    QCOMPARE(history.spans().size(), size_t(10));
    QVERIFY(history.spans().back().isOngoing());
    QCOMPARE(history.spans().front().startMs, T0 + 2410);

    history.setMarkerCapacity(5);
    QCOMPARE(history.markers().size(), size_t(5));
    QCOMPARE(history.markers().front().connection, 246);
    history.setSpanCapacity(0); // at least one stays
    QCOMPARE(history.spans().size(), size_t(1));
}

void tst_Timeline::history_densityKeepsWindowAndCapacity()
{
    ConnectionHistory history;
    QCOMPARE(history.densityWindowMs(), 24 * 3600 * 1000LL);
    history.setDensityWindowMs(10'000);
    for (int s = 0; s < 30; ++s)
        history.recordEvent(T0 + s * 1000 + 1);
    QCOMPARE(history.density().size(), size_t(10));
    QCOMPARE(history.density().front().secondMs, T0 + 20'000);
    QCOMPARE(history.totalEvents(), 30);

    history.setDensityCapacity(4);
    QCOMPARE(history.density().size(), size_t(4));
    QCOMPARE(history.density().front().secondMs, T0 + 26'000);
    history.recordEvent(T0 + 40'500, 0); // nothing
    QCOMPARE(history.density().back().secondMs, T0 + 29'000);

    // Negative times fall in the right second too.
    ConnectionHistory early;
    early.recordEvent(-1);
    QCOMPARE(early.density().front().secondMs, -1000);
}

void tst_Timeline::history_rangeQueries()
{
    ConnectionHistory history;
    for (qint64 t = 0; t < 10'000; t += 500) {
        if (t == 0 || t == 5000)
            history.recordState(T0 + t, ReadyState::Connecting);
        if (t == 1000 || t == 6000)
            history.recordState(T0 + t, ReadyState::Open); // the last one is ongoing
        if (t % 1000 == 0)
            history.recordRequest(T0 + t, int(t / 1000) + 1, {});
        history.recordEvent(T0 + t);
    }

    const auto states = [&history](qint64 from, qint64 to) {
        QList<ReadyState> result;
        for (const auto &span : history.spansIn(from, to))
            result.append(span.state);
        return result;
    };
    using S = ReadyState;
    QCOMPARE(states(T0 - 100, T0 - 1), QList<S>{});
    QCOMPARE(states(T0 + 100, T0 + 200), QList<S>{S::Connecting});
    QCOMPARE(states(T0 + 1000, T0 + 1000), (QList<S>{S::Connecting, S::Open})); // they meet
    QCOMPARE(states(T0 + 2000, T0 + 5500), (QList<S>{S::Open, S::Connecting}));
    QCOMPARE(states(T0 + 999'999, T0 + 1'000'000), QList<S>{S::Open}); // ongoing
    QCOMPARE(history.spansIn(T0 - 10, T0 + 100'000).size(), 4);
    QVERIFY(history.spansIn(T0 + 10, T0).isEmpty() || history.spansIn(T0 + 10, T0).size() <= 1);

    QVERIFY(!history.spanAt(T0 - 1));
    QCOMPARE(history.spanAt(T0)->state, S::Connecting);
    QCOMPARE(history.spanAt(T0 + 1000)->state, S::Open); // the later one from its start
    QCOMPARE(history.spanAt(T0 + 5999)->state, S::Connecting);
    QCOMPARE(history.spanAt(T0 + 50'000)->state, S::Open);

    const auto markers = history.markersIn(T0 + 2000, T0 + 4000);
    QCOMPARE(markers.size(), 3);
    QCOMPARE(markers[0].connection, 3);
    QCOMPARE(markers[2].connection, 5);
    QVERIFY(history.markersIn(T0 + 2001, T0 + 2999).isEmpty());
    QVERIFY(history.markersIn(T0 + 4000, T0 + 2000).isEmpty());
    QCOMPARE(history.markersIn(T0 - 1'000'000, T0 + 1'000'000).size(), 10);

    const auto buckets = history.densityIn(T0 + 1500, T0 + 3000);
    QCOMPARE(buckets.size(), 3); // seconds 1, 2 and 3
    QCOMPARE(buckets[0].secondMs, T0 + 1000);
    QCOMPARE(buckets[0].count, 2);
    QCOMPARE(history.densityIn(T0 + 999, T0 + 999).size(), 1);
    QVERIFY(history.densityIn(T0 + 20'000, T0 + 30'000).isEmpty());
}

void tst_Timeline::history_markerNear()
{
    ConnectionHistory history;
    history.recordRequest(T0 + 100, 1, {});
    history.recordRequest(T0 + 200, 2, {});
    history.recordRequest(T0 + 400, 3, {});

    QVERIFY(!history.markerNear(T0, 50));
    QCOMPARE(history.markerNear(T0 + 140, 50)->connection, 1);
    QCOMPARE(history.markerNear(T0 + 160, 50)->connection, 2);
    QCOMPARE(history.markerNear(T0 + 400, 0)->connection, 3);
    QVERIFY(!history.markerNear(T0 + 300, 99));
    QCOMPARE(history.markerNear(T0 + 300, -5), std::nullopt);
}

void tst_Timeline::history_changedIsCoalesced()
{
    ConnectionHistory history;
    QSignalSpy spy(&history, &ConnectionHistory::changed);
    history.recordState(T0, ReadyState::Connecting);
    for (int i = 0; i < 1000; ++i)
        history.recordEvent(T0 + i);
    history.recordRequest(T0 + 1000, 1, {});
    QCOMPARE(spy.count(), 0); // not synchronously
    QVERIFY(spy.wait());
    QCOMPARE(spy.count(), 1);
    QVERIFY(!spy.wait(3 * ConnectionHistory::DefaultChangeIntervalMs));

    history.recordState(T0 + 2000, ReadyState::Connecting); // no change: no signal
    QVERIFY(!spy.wait(3 * ConnectionHistory::DefaultChangeIntervalMs));
    QCOMPARE(spy.count(), 1);
}

void tst_Timeline::history_attach_refusedConnectionIsTransient()
{
    quint16 port = 0;
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        port = taken.serverPort();
    } // closed: nothing listens there now

    Sse::EventSource source(QUrl(u"http://127.0.0.1:%1/stream"_s.arg(port)));
    ConnectionHistory history;
    history.attach(&source);
    QCOMPARE(history.source(), &source);
    QCOMPARE(statesOf(history), QList<ReadyState>{ReadyState::Closed});
    source.open();

    QTRY_VERIFY_WITH_TIMEOUT(findMarker(history, Marker::Kind::Error), NetworkTimeoutMs);
    const Marker *request = findMarker(history, Marker::Kind::Request);
    QVERIFY(request);
    QCOMPARE(request->connection, 1);
    QVERIFY(request->lastEventIdSent.isEmpty());
    const Marker *error = findMarker(history, Marker::Kind::Error);
    QVERIFY(!error->fatal);
    QCOMPARE(error->errorKind, Sse::SourceError::Kind::Network);
    QVERIFY(!error->message.isEmpty());
    const Marker *reconnect = findMarker(history, Marker::Kind::ReconnectScheduled);
    QVERIFY(reconnect);
    QCOMPARE(reconnect->delay, 3000ms);
    QCOMPARE(history.spans().back().state, ReadyState::Connecting);
    QVERIFY(request->timeMs <= error->timeMs);
    source.close();
    QCOMPARE(history.spans().back().state, ReadyState::Closed);

    history.detach();
    QVERIFY(!history.source());
    QVERIFY(!history.spans().back().isOngoing());
}

void tst_Timeline::history_attach_errorStatusIsFatal()
{
    CannedHttpServer server("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                            "Connection: close\r\n\r\n");
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));

    Sse::EventSource source(server.url());
    ConnectionHistory history;
    history.attach(&source);
    source.open();

    QTRY_VERIFY_WITH_TIMEOUT(findMarker(history, Marker::Kind::Error), NetworkTimeoutMs);
    const Marker *error = findMarker(history, Marker::Kind::Error);
    QVERIFY(error->fatal);
    QCOMPARE(error->httpStatus, 503);
    QCOMPARE(error->errorKind, Sse::SourceError::Kind::HttpStatus);
    QVERIFY(findMarker(history, Marker::Kind::Request));
    QVERIFY(!findMarker(history, Marker::Kind::ReconnectScheduled)); // no re-init policy
    QCOMPARE(statesOf(history),
            (QList<ReadyState>{ReadyState::Closed, ReadyState::Connecting, ReadyState::Closed}));
    QVERIFY(history.spans().back().isOngoing());
    QCOMPARE(server.requests, 1);
}

void tst_Timeline::history_attach_streamRecordsOpenEventsAndRetry()
{
    CannedHttpServer server("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                            "Cache-Control: no-cache\r\nConnection: close\r\n\r\n"
                            "retry: 40\nid: 7\ndata: a\n\ndata: b\n\n");
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));

    auto source = std::make_unique<Sse::EventSource>(server.url());
    ConnectionHistory history;
    history.attach(source.get());
    source->open();

    // The server ends each stream: the source reconnects after the retry: time, sending id 7.
    QTRY_VERIFY_WITH_TIMEOUT(findMarker(history, Marker::Kind::Request, 1), NetworkTimeoutMs);
    source->close();

    const Marker *response = findMarker(history, Marker::Kind::Response);
    QVERIFY(response);
    QCOMPARE(response->httpStatus, 200);
    QCOMPARE(response->connection, 1);
    const Marker *ended = findMarker(history, Marker::Kind::Error);
    QVERIFY(ended);
    QVERIFY(!ended->fatal);
    QCOMPARE(ended->errorKind, Sse::SourceError::Kind::StreamEnded);
    const Marker *reconnect = findMarker(history, Marker::Kind::ReconnectScheduled);
    QVERIFY(reconnect);
    QCOMPARE(reconnect->delay, 40ms);
    QCOMPARE(reconnect->reconnectReason, ReconnectReason::ReconnectionTime);
    QVERIFY(reconnect->delayFromRetryField);
    const Marker *second = findMarker(history, Marker::Kind::Request, 1);
    QCOMPARE(second->connection, 2);
    QCOMPARE(second->lastEventIdSent, "7");
    QVERIFY(history.totalEvents() >= 2);
    QVERIFY(history.spans().size() >= 4);
    QCOMPARE(history.spans()[1].state, ReadyState::Connecting);
    QCOMPARE(history.spans()[2].state, ReadyState::Open);

    source.reset(); // the source goes away: the last span ends
    QVERIFY(!history.source());
    QVERIFY(!history.spans().back().isOngoing());
}

// --- TimelineLayout, TimelinePainter ---

void tst_Timeline::layout_lanesStackTopToBottom()
{
    const QFont font = QApplication::font();
    const QSize hint = TimelineLayout::sizeHint(font);
    QVERIFY(TimelineLayout::minimumSizeHint(font).height() < hint.height());
    const TimelineLayout layout = TimelineLayout::compute(font, QSize(640, hint.height()));
    const std::array<Lane, TimelineLayout::LaneCount> order = {
            Lane::Request, Lane::Reconnect, Lane::State, Lane::Density, Lane::Axis};
    double bottom = 0;
    for (const Lane lane : order) {
        const QRectF rect = layout.lane(lane);
        QCOMPARE(rect, layout.lanes[size_t(lane)]);
        QCOMPARE(rect.left(), 0.0);
        QCOMPARE(rect.width(), 640.0);
        QVERIFY2(rect.height() > 0 && rect.top() >= bottom,
                QMetaEnum::fromType<Lane>().valueToKey(int(lane)));
        bottom = rect.bottom();
    }
    QVERIFY(bottom <= hint.height());

    // A taller timeline gives the extra height to the events per second only.
    const TimelineLayout taller = TimelineLayout::compute(font, QSize(640, hint.height() + 40));
    QCOMPARE(taller.lane(Lane::Density).height(), layout.lane(Lane::Density).height() + 40);
    QCOMPARE(taller.lane(Lane::State), layout.lane(Lane::State));
    QCOMPARE(taller.lane(Lane::Axis).height(), layout.lane(Lane::Axis).height());
}

void tst_Timeline::painter_paintsASceneAsTheWidgetDoes()
{
    const qint64 start = T0;
    ConnectionHistory history;
    history.setClock([start] { return start + 112'000; });
    fillRealisticHistory(history, start);
    const std::unique_ptr<TimelineWidget> shown = shownTimeline(history);
    TimelineWidget &widget = *shown;
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.markTime(start + 61'000);
    const QImage grabbed = widget.grab().toImage();

    // The painters read a value, not the widget: a scene made from what the widget shows paints
    // the same pixels.
    TimelineScene scene;
    scene.mapping = widget.mapping();
    scene.history = &history;
    scene.palette = widget.palette();
    scene.font = widget.font();
    scene.rect = widget.rect();
    scene.layout = TimelineLayout::compute(widget.font(), widget.size());
    scene.nowMs = history.now();
    scene.markMs = widget.markedTime();
    scene.emptyText = widget.emptyText();
    scene.followLive = widget.followsLive();
    scene.hasFocus = widget.hasFocus();
    const auto paint = [&grabbed](const TimelineScene &scene) {
        QImage image(grabbed.size(), grabbed.format());
        image.setDevicePixelRatio(grabbed.devicePixelRatio());
        QPainter painter(&image);
        TimelinePainter(scene).paint(painter);
        return image;
    };
    QCOMPARE(paint(scene), grabbed);

    // And only the scene: another one paints otherwise.
    scene.markMs.reset();
    QVERIFY(paint(scene) != grabbed);
}

// --- TimelineWidget ---

void tst_Timeline::widget_paintsStateColoursWhereTheSpansAre()
{
    ConnectionHistory history;
    history.setClock([] { return T0 + 30'000; });
    history.recordState(T0, ReadyState::Connecting);
    history.recordState(T0 + 2000, ReadyState::Open);
    history.recordState(T0 + 20'000, ReadyState::Closed);

    TimelineWidget widget;
    widget.setHistory(&history);
    widget.resize(600, widget.sizeHint().height());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.setVisibleRange(T0 - 5000, T0 + 35'000);
    QVERIFY(!widget.followsLive());

    const QImage image = widget.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const double ratio = image.devicePixelRatio();
    const QRect lane = laneRect(widget, Lane::State);
    const auto hasColour = [&](int x, const QColor &colour) {
        for (int y = lane.top(); y <= lane.bottom(); ++y) {
            if (image.pixel(int(x * ratio), int(y * ratio)) == colour.rgb())
                return true;
        }
        return false;
    };
    const TimeMapping &mapping = widget.mapping();
    const QColor open = widget.stateColor(ReadyState::Open);
    const QColor connecting = widget.stateColor(ReadyState::Connecting);
    const QColor closed = widget.stateColor(ReadyState::Closed);
    const double openFrom = mapping.x(T0 + 2000);
    const double openTo = mapping.x(T0 + 20'000);
    QVERIFY(openFrom > 20 && openTo < 580);
    int openColumns = 0;
    for (int x = 0; x < widget.width(); ++x) {
        const bool inside = x >= openFrom + 1 && x <= openTo - 2;
        const bool outside = x < openFrom - 1 || x > openTo + 1;
        if (inside) {
            QVERIFY2(hasColour(x, open), qPrintable(u"no OPEN colour at x %1"_s.arg(x)));
            ++openColumns;
        } else if (outside) {
            QVERIFY2(!hasColour(x, open), qPrintable(u"OPEN colour at x %1"_s.arg(x)));
        }
    }
    QVERIFY(openColumns > 200);
    QVERIFY(hasColour(int(mapping.x(T0 + 1000)), connecting));
    QVERIFY(hasColour(int(mapping.x(T0 + 25'000)), closed));
    QVERIFY(!hasColour(int(mapping.x(T0 - 1000)), connecting)); // before the history
    QVERIFY(!hasColour(int(mapping.x(T0 + 32'000)), closed)); // after now

    // A dark palette changes the colours, and they are still where the spans are.
    widget.setPalette(TestSupport::darkPalette());
    const QImage dark = widget.grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(widget.stateColor(ReadyState::Open) != open);
    const int middle = int((openFrom + openTo) / 2 * ratio);
    const QColor background = dark.pixelColor(middle, int((lane.top() - 2) * ratio));
    QVERIFY(background.lightness() < 80);
}

void tst_Timeline::widget_wheelZoomsAroundCursor()
{
    ConnectionHistory history;
    history.setClock([] { return T0 + 60'000; });
    history.recordState(T0, ReadyState::Open);
    TimelineWidget widget;
    widget.setHistory(&history);
    widget.resize(600, widget.sizeHint().height());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.setVisibleRange(T0, T0 + 60'000);
    const double before = widget.mapping().msPerPixel;
    QCOMPARE(before, 100.0);

    const QPointF pos(150.0, 40.0);
    const double anchorTime = widget.mapping().timeAt(pos.x());
    QWheelEvent zoomIn(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &zoomIn);
    QVERIFY(zoomIn.isAccepted());
    QVERIFY(widget.mapping().msPerPixel < before);
    QVERIFY(std::abs(widget.mapping().timeAt(pos.x()) - anchorTime) < 1e-3);

    QWheelEvent zoomOut(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, -240), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &zoomOut);
    QVERIFY(widget.mapping().msPerPixel > before);
    QVERIFY(std::abs(widget.mapping().timeAt(pos.x()) - anchorTime) < 1e-3);
    QVERIFY(!widget.followsLive());

    // A horizontal wheel pans.
    const double start = widget.mapping().startMs;
    QWheelEvent pan(pos, widget.mapToGlobal(pos), QPoint(), QPoint(120, 0), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &pan);
    QVERIFY(widget.mapping().startMs < start);
}

void tst_Timeline::widget_wheelWhileFollowingKeepsNowAtRightEdge()
{
    ConnectionHistory history;
    history.setClock([] { return T0; });
    history.recordState(T0 - 10'000, ReadyState::Open);
    TimelineWidget widget;
    widget.setHistory(&history);
    widget.resize(600, widget.sizeHint().height());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QVERIFY(widget.followsLive());
    QCOMPARE(widget.mapping().x(T0), 600.0);

    const double before = widget.mapping().msPerPixel;
    const QPointF pos(100.0, 40.0);
    QWheelEvent zoomIn(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &zoomIn);
    QVERIFY(widget.mapping().msPerPixel < before);
    QVERIFY(widget.followsLive());
    QCOMPARE(widget.mapping().x(T0), 600.0);
}

void tst_Timeline::widget_dragPansAndStopsFollowing()
{
    ConnectionHistory history;
    history.setClock([] { return T0; });
    history.recordState(T0 - 10'000, ReadyState::Open);
    TimelineWidget widget;
    widget.setHistory(&history);
    widget.resize(600, widget.sizeHint().height());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QVERIFY(widget.followsLive());
    QSignalSpy spy(&widget, &TimelineWidget::followLiveChanged);

    const double startBefore = widget.mapping().startMs;
    const double scale = widget.mapping().msPerPixel;
    const int y = laneRect(widget, Lane::State).center().y();
    QTest::mousePress(&widget, Qt::LeftButton, {}, QPoint(300, y));
    QTest::mouseMove(&widget, QPoint(340, y));
    QTest::mouseMove(&widget, QPoint(380, y));
    QTest::mouseRelease(&widget, Qt::LeftButton, {}, QPoint(380, y));

    QVERIFY(!widget.followsLive());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toBool(), false);
    QVERIFY(std::abs(widget.mapping().startMs - (startBefore - 80 * scale)) < 1e-6);
    QCOMPARE(widget.mapping().msPerPixel, scale);

    // A double-click follows live again.
    QTest::mouseDClick(&widget, Qt::LeftButton, {}, QPoint(300, y));
    QVERIFY(widget.followsLive());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(widget.mapping().x(T0), 600.0);
}

void tst_Timeline::widget_followLiveTracksTheClock()
{
    ConnectionHistory history;
    m_now = T0;
    history.setClock([this] { return m_now; });
    history.recordState(T0 - 10'000, ReadyState::Open);
    TimelineWidget widget;
    widget.setHistory(&history);
    widget.resize(600, widget.sizeHint().height());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCOMPARE(widget.mapping().visibleRange().endMs, T0);

    m_now = T0 + 5000; // the repaint timer catches up on its own
    QTRY_COMPARE(widget.mapping().visibleRange().endMs, T0 + 5000);
    widget.setFollowLive(false);
    m_now = T0 + 9000;
    QVERIFY(!QTest::qWaitFor(
            [&] { return widget.mapping().visibleRange().endMs != T0 + 5000; }, 600));
}

void tst_Timeline::widget_toolTips()
{
    ConnectionHistory history;
    history.setClock([] { return T0 + 30'000; });
    history.recordState(T0, ReadyState::Connecting);
    history.recordRequest(T0 + 1000, 3, "42");
    history.recordState(T0 + 2000, ReadyState::Open);
    history.recordReconnectionTime(T0 + 2100, 3000ms); // retry: while open
    history.recordEvent(T0 + 5100, 7);
    history.recordState(T0 + 14'300, ReadyState::Connecting);
    history.recordReconnectScheduled(T0 + 14'300, 3000ms, ReconnectReason::ReconnectionTime);
    history.recordRequest(T0 + 17'300, 4, "43");
    history.recordState(T0 + 17'400, ReadyState::Closed);
    history.recordError(T0 + 17'400,
            {Sse::SourceError::Kind::HttpStatus, true, 503, u"HTTP 503 Service Unavailable"_s});
    history.recordReconnectScheduled(T0 + 17'400, 5000ms, ReconnectReason::ManualReinit);

    TimelineWidget widget;
    widget.setHistory(&history);
    widget.resize(600, widget.sizeHint().height());
    widget.setVisibleRange(T0, T0 + 30'000); // 50 ms per pixel
    const TimeMapping &mapping = widget.mapping();
    const auto at = [&](qint64 ms, Lane lane) {
        return QPoint(int(std::lround(mapping.x(ms))), laneRect(widget, lane).center().y());
    };

    const QString request = toolTipAt(widget, at(T0 + 1000, Lane::Request));
    QVERIFY2(request.contains(u"Request #3, Last-Event-ID: 42"_s), qPrintable(request));
    QVERIFY(!request.contains(u"#4"_s));
    QCOMPARE(toolTipAt(widget, at(T0 + 1000 + 4 * 50, Lane::Request)), request);
    QVERIFY(toolTipAt(widget, at(T0 + 3000, Lane::Request)).isEmpty());

    const QString retry = toolTipAt(widget, at(T0 + 14'300, Lane::Reconnect));
    QVERIFY2(retry.contains(u"Reconnect in 3000 ms (retry:)"_s), qPrintable(retry));

    const QString fatal = toolTipAt(widget, at(T0 + 17'400, Lane::Reconnect));
    QVERIFY2(fatal.contains(u"Fatal error (HTTP 503): HTTP 503 Service Unavailable"_s),
            qPrintable(fatal));
    QVERIFY2(fatal.contains(u"Reconnect in 5000 ms (manual re-init)"_s), qPrintable(fatal));

    const QString open = toolTipAt(widget, at(T0 + 8000, Lane::State));
    QVERIFY2(open.startsWith(u"OPEN for 12.3 s\nreadyState 1, "_s), qPrintable(open));
    const QString closed = toolTipAt(widget, at(T0 + 20'000, Lane::State));
    QVERIFY2(closed.startsWith(u"CLOSED for 12.6 s\nreadyState 2, since "_s), qPrintable(closed));

    const QString density = toolTipAt(widget, at(T0 + 5500, Lane::Density));
    QVERIFY2(density.startsWith(u"7 event(s) in the second from "_s), qPrintable(density));

    QVERIFY(toolTipAt(widget, QPoint(300, -5)).isEmpty());
    widget.setHistory(nullptr);
    QVERIFY(toolTipAt(widget, at(T0 + 1000, Lane::Request)).isEmpty());
    QVERIFY(!widget.grab().isNull()); // paints its empty state
}

void tst_Timeline::widget_saysWhatIsGoingOnWhenEmpty()
{
    ConnectionHistory history;
    history.setClock([] { return T0 + 10'000; });
    const std::unique_ptr<TimelineWidget> shown = shownTimeline(history);
    TimelineWidget &widget = *shown;
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCOMPARE(widget.emptyText(), u"Not connected yet"_s);

    history.recordState(T0, ReadyState::Connecting);
    history.recordState(T0 + 100, ReadyState::Open);
    QCOMPARE(widget.emptyText(), u"Waiting for the first event\u2026"_s);
    // Written in the middle of the events-per-second lane, where the bars would be.
    const auto darkPixelsInLane = [&widget] {
        const QImage image = widget.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const double ratio = image.devicePixelRatio();
        const QRect lane = laneRect(widget, Lane::Density);
        const int base = widget.palette().color(QPalette::Base).lightness();
        int dark = 0;
        for (int y = lane.top(); y <= lane.bottom(); ++y) {
            for (int x = widget.width() / 3; x < widget.width() * 2 / 3; ++x) {
                if (qAbs(image.pixelColor(int(x * ratio), int(y * ratio)).lightness() - base) > 60)
                    ++dark;
            }
        }
        return dark;
    };
    QVERIFY(darkPixelsInLane() > 20);

    history.recordEvent(T0 + 200);
    QCOMPARE(widget.emptyText(), QString());
    history.recordState(T0 + 300, ReadyState::Closed);
    QCOMPARE(widget.emptyText(), QString());
}

void tst_Timeline::widget_markTimeCentresAndMarks()
{
    ConnectionHistory history;
    history.setClock([] { return T0 + 3'600'000; });
    history.recordState(T0, ReadyState::Open);
    const std::unique_ptr<TimelineWidget> shown = shownTimeline(history);
    TimelineWidget &widget = *shown;
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.setMsPerPixel(60'000.0); // zoomed out: a minute a pixel
    QVERIFY(widget.followsLive());

    widget.markTime(T0 + 1234);
    QVERIFY(!widget.followsLive());
    QCOMPARE(widget.markedTime(), std::optional<qint64>(T0 + 1234));
    QVERIFY(qAbs(widget.mapping().x(T0 + 1234) - 300.0) <= 1.0);
    QVERIFY(widget.mapping().visibleRange().length() <= TimelineWidget::MarkSpanMs + 1);

    // A line in the highlight colour down the middle.
    const QImage image = widget.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const double ratio = image.devicePixelRatio();
    const QColor mark = widget.palette().color(QPalette::Highlight);
    const int top = laneRect(widget, Lane::Request).top();
    const int bottom = laneRect(widget, Lane::Density).bottom();
    int marked = 0;
    for (int y = top; y <= bottom; ++y)
        marked += image.pixel(int(300 * ratio), int(y * ratio)) == mark.rgb() ? 1 : 0;
    QVERIFY2(marked > (bottom - top) / 2, qPrintable(QString::number(marked)));

    // A finer zoom is kept; following live again drops the mark.
    widget.setMsPerPixel(1.0);
    widget.markTime(T0 + 5000);
    QCOMPARE(widget.mapping().msPerPixel, 1.0);
    widget.setFollowLive(true);
    QVERIFY(!widget.markedTime());
}

void tst_Timeline::widget_paintsRealisticHistory()
{
    const qint64 start = T0;
    ConnectionHistory history;
    history.setClock([start] { return start + 112'000; });
    fillRealisticHistory(history, start);

    for (const bool dark : {false, true}) {
        TimelineWidget widget;
        if (dark)
            widget.setPalette(TestSupport::darkPalette());
        widget.setHistory(&history);
        widget.resize(900, widget.sizeHint().height());
        widget.setMsPerPixel(125.0);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const QImage image = widget.grab().toImage();
        QVERIFY(!image.isNull());

        // Something of each state shows.
        const QRect lane = laneRect(widget, Lane::State);
        const double ratio = image.devicePixelRatio();
        for (const ReadyState state :
                {ReadyState::Connecting, ReadyState::Open, ReadyState::Closed}) {
            const QRgb colour = widget.stateColor(state).rgb();
            bool found = false;
            for (int x = 0; x < image.width() && !found; ++x)
                found = image.pixel(x, int((lane.top() + 1) * ratio)) == colour;
            QVERIFY2(found, qPrintable(TimelineWidget::stateName(state)));
        }

        // Set SSEDASH_TIMELINE_PNG=/tmp/timeline.png to look at it.
        const QString path = qEnvironmentVariable("SSEDASH_TIMELINE_PNG");
        if (!path.isEmpty()) {
            const QString file = dark ? QString(path).replace(u".png"_s, u"-dark.png"_s) : path;
            QVERIFY(image.save(file));
            widget.setVisibleRange(start + 68'000, start + 84'000);
            QVERIFY(widget.grab().toImage().save(
                    QString(file).replace(u".png"_s, u"-zoomed.png"_s)));
        }
    }
}

void tst_Timeline::widget_paints20000MarkersQuickly()
{
    ConnectionHistory history;
    history.setClock([] { return T0 + 3'600'000; });
    for (int i = 0; i < 5000; ++i) {
        const qint64 t = T0 + i * 720;
        history.recordState(t, ReadyState::Connecting);
        history.recordRequest(t + 1, i + 1, QByteArray::number(i));
        history.recordResponse(t + 50, i + 1, 200, "OK", "1.1");
        history.recordState(t + 50, ReadyState::Open);
        history.recordEvent(t + 100, 3);
        history.recordState(t + 600, ReadyState::Connecting);
        history.recordError(t + 600, {Sse::SourceError::Kind::StreamEnded, false, 0, {}});
        history.recordReconnectScheduled(t + 600, 120ms, ReconnectReason::ReconnectionTime);
    }
    QCOMPARE(history.markers().size(), size_t(20'000));

    TimelineWidget widget;
    widget.setHistory(&history);
    widget.resize(1000, widget.sizeHint().height());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.setVisibleRange(T0, T0 + 3'600'000);
    QVERIFY(!widget.grab().isNull()); // the first paint also loads fonts
    // How fast it paints is for a benchmark; here it must paint, bounded, and stay usable.
    const QImage image = widget.grab().toImage();
    QVERIFY(!image.isNull());
    const QString path = qEnvironmentVariable("SSEDASH_TIMELINE_PNG");
    if (!path.isEmpty())
        QVERIFY(image.save(QString(path).replace(u".png"_s, u"-dense.png"_s)));
    QVERIFY(!toolTipAt(widget, QPoint(500, laneRect(widget, Lane::Request).center().y()))
                     .isEmpty());
}

QTEST_MAIN(tst_Timeline)

#include "tst_timeline.moc"
