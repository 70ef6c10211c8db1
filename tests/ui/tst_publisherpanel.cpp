// SPDX-License-Identifier: MIT
// Tests of PublisherPanel against its real publisher on 127.0.0.1 and real EventSource clients.
#include "tests/support/wheel.h"

#include "sselib/eventsource.h"
#include "sselib/publisher/publisher.h"
#include "ui/publisher/publisherpanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

// A panel whose publisher sends nothing by itself until a test asks for it.
Sse::PublisherOptions quietOptions()
{
    Sse::PublisherOptions options;
    options.feed.interval = 0ms;
    options.feed.heartbeat = 0ms;
    return options;
}

/// One EventSource and what it received.
class Client final : public QObject
{
public:
    explicit Client(const QUrl &url)
        : source(url)
    {
        connect(&source, &Sse::EventSource::eventReceived, this,
                [this](const Sse::Event &event) { events.append(event); });
        connect(&source, &Sse::EventSource::errorOccurred, this,
                [this](const Sse::SourceError &error) { errors.append(error); });
        connect(&source, &Sse::EventSource::opened, this, [this] { ++opened; });
        source.open();
    }

    Sse::EventSource source;
    QList<Sse::Event> events;
    QList<Sse::SourceError> errors;
    int opened = 0;
};

} // namespace

class tst_PublisherPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startStop_togglesRunningAndSignals();
    void start_portTakenFailsVisibly();
    void setOptions_fillsFormAndOptionsReadsIt();
    void feedInterval_appliesLive();
    void send_publishesTypedEvent();
    void clients_listFollowsConnections();
    void statusFault_failsNewStream();
    void contentTypeFault_failsNewStreamAndResets();
    void namedChannel_urlAndOpenFeed();
    void layout_fitsNarrowDock();
    void wheel_overUnfocusedBox_scrollsThePanel();
};

void tst_PublisherPanel::startStop_togglesRunningAndSignals()
{
    PublisherPanel panel;
    panel.setOptions(quietOptions());
    QSignalSpy running(&panel, &PublisherPanel::runningChanged);
    QSignalSpy changed(&panel, &PublisherPanel::publisherChanged);
    QVERIFY(!panel.isRunning());
    QCOMPARE(panel.publisher(), nullptr);
    QCOMPARE(panel.startButton()->text(), u"Start"_s);
    // A fresh form asks for no fault at all and sends no retry field.
    const Sse::StreamFaults faults = panel.faults();
    const Sse::StreamFaults none;
    QCOMPARE(faults.status, none.status);
    QCOMPARE(faults.contentType, none.contentType);
    QCOMPARE(faults.redirect, none.redirect);
    QCOMPARE(faults.closeAfter, none.closeAfter);
    QCOMPARE(faults.cutAfter, none.cutAfter);
    QCOMPARE(faults.stallMs, none.stallMs);
    QCOMPARE(faults.dribbleMs, none.dribbleMs);
    QCOMPARE(faults.splitUtf8, none.splitUtf8);
    QCOMPARE(faults.lineEnd, none.lineEnd);
    QCOMPARE(faults.longLine, none.longLine);
    QCOMPARE(faults.reconnectMs, none.reconnectMs);
    QCOMPARE(faults.retryMs, none.retryMs);
    QCOMPARE(panel.sendRetrySpin()->value(), -1);

    QVERIFY(panel.start());
    QVERIFY(panel.isRunning());
    QVERIFY(panel.publisher());
    QVERIFY(panel.publisher()->isListening());
    QCOMPARE(running.size(), 1);
    QCOMPARE(running.at(0).at(0).toBool(), true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Sse::Publisher *>(), panel.publisher());
    QCOMPARE(panel.urlLabel()->text(), panel.publisher()->url().toString());
    QVERIFY(panel.urlLabel()->text().contains(QString::number(panel.publisher()->port())));
    QCOMPARE(panel.startButton()->text(), u"Stop"_s);
    QVERIFY(!panel.portSpin()->isEnabled());
    QVERIFY(panel.sendButton()->isEnabled());
    QVERIFY(panel.start()); // already running: no second publisher
    QCOMPARE(changed.size(), 1);

    panel.startButton()->click();
    QVERIFY(!panel.isRunning());
    QCOMPARE(panel.publisher(), nullptr);
    QCOMPARE(running.size(), 2);
    QCOMPARE(running.at(1).at(0).toBool(), false);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<Sse::Publisher *>(), nullptr);
    QVERIFY(panel.portSpin()->isEnabled());
    QVERIFY(!panel.sendButton()->isEnabled());

    panel.startButton()->click();
    QVERIFY(panel.isRunning());
    QCOMPARE(running.size(), 3);
}

void tst_PublisherPanel::start_portTakenFailsVisibly()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    Sse::PublisherOptions options = quietOptions();
    options.port = blocker.serverPort();
    PublisherPanel panel;
    panel.setOptions(options);
    QCOMPARE(panel.portSpin()->value(), int(blocker.serverPort()));
    QSignalSpy running(&panel, &PublisherPanel::runningChanged);

    QVERIFY(!panel.start());
    QVERIFY(!panel.isRunning());
    QCOMPARE(panel.publisher(), nullptr);
    QCOMPARE(running.size(), 0);
    QVERIFY(!panel.errorString().isEmpty());
    QVERIFY(panel.errorString().contains(QString::number(blocker.serverPort())));
    QVERIFY(panel.errorLabel()->isVisibleTo(&panel));
    QCOMPARE(panel.errorLabel()->text(), panel.errorString());

    // Any free port works, and the error goes away.
    panel.portSpin()->setValue(0);
    QVERIFY(panel.start());
    QVERIFY(panel.errorString().isEmpty());
    QVERIFY(!panel.errorLabel()->isVisibleTo(&panel));
}

void tst_PublisherPanel::setOptions_fillsFormAndOptionsReadsIt()
{
    Sse::PublisherOptions options;
    options.port = 4321;
    options.allowOrigin = "https://example.org";
    options.feed.interval = 250ms;
    options.feed.payload = Sse::FeedSettings::Payload::Json;
    options.feed.ids = Sse::FeedSettings::Ids::None;
    options.feed.eventName = "tick";
    options.feed.retryMs = 1500;
    options.feed.heartbeat = 0ms;
    options.feed.limit = 7;
    PublisherPanel panel;
    panel.setOptions(options);

    QCOMPARE(panel.portSpin()->value(), 4321);
    QCOMPARE(panel.intervalSpin()->value(), 250);
    QCOMPARE(panel.eventNameEdit()->text(), u"tick"_s);
    QCOMPARE(panel.retrySpin()->value(), 1500);
    QCOMPARE(panel.heartbeatSpin()->text(), u"off"_s);
    QCOMPARE(panel.limitSpin()->value(), 7);

    const Sse::PublisherOptions read = panel.options();
    QCOMPARE(read.port, 4321);
    QCOMPARE(read.allowOrigin, "https://example.org"_ba); // kept although not in the form
    QCOMPARE(read.feed.interval, 250ms);
    QCOMPARE(read.feed.payload, Sse::FeedSettings::Payload::Json);
    QCOMPARE(read.feed.ids, Sse::FeedSettings::Ids::None);
    QCOMPARE(read.feed.eventName, "tick"_ba);
    QCOMPARE(read.feed.retryMs, 1500);
    QCOMPARE(read.feed.heartbeat, 0ms);
    QCOMPARE(read.feed.limit, 7);

    panel.retrySpin()->setValue(-1);
    QCOMPARE(panel.retrySpin()->text(), u"none"_s);
    QCOMPARE(panel.options().feed.retryMs, -1);
}

void tst_PublisherPanel::feedInterval_appliesLive()
{
    PublisherPanel panel;
    panel.setOptions(quietOptions());
    QVERIFY(panel.start());
    QCOMPARE(panel.publisher()->options().feed.interval, 0ms);
    Client client(panel.channelUrl());
    QTRY_COMPARE(client.opened, 1);

    // With the feed off only what is sent by hand arrives.
    panel.sendDataEdit()->setPlainText(u"marker"_s);
    panel.sendButton()->click();
    QTRY_COMPARE(client.events.size(), 1);
    QCOMPARE(client.events.at(0).data, "marker"_ba);

    panel.payloadCombo()->setCurrentIndex(int(Sse::FeedSettings::Payload::ClockText));
    panel.intervalSpin()->setValue(10);
    QCOMPARE(panel.publisher()->options().feed.interval, 10ms);
    QTRY_VERIFY(client.events.size() >= 4);
    for (qsizetype i = 1; i < client.events.size(); ++i)
        QVERIFY2(client.events.at(i).data.startsWith("send data: "), client.events.at(i).data);

    panel.intervalSpin()->setValue(0);
    QCOMPARE(panel.publisher()->options().feed.interval, 0ms);
    QCOMPARE(panel.intervalSpin()->text(), u"off"_s);
    // Nothing of the feed follows the next marker... but the marker itself comes.
    const qsizetype before = client.events.size();
    panel.sendDataEdit()->setPlainText(u"last"_s);
    panel.sendButton()->click();
    QTRY_COMPARE(client.events.constLast().data, "last"_ba);
    QVERIFY(client.events.size() > before);
}

void tst_PublisherPanel::send_publishesTypedEvent()
{
    PublisherPanel panel;
    panel.setOptions(quietOptions());
    QVERIFY(panel.start());
    Client client(panel.channelUrl());
    QTRY_COMPARE(client.opened, 1);

    QCOMPARE(panel.sendChannelCombo()->currentText(), u"/events"_s);
    QVERIFY(panel.sendChannelCombo()->findText(u"/events/test-event"_s) >= 0);
    panel.sendTypeEdit()->setText(u"greeting"_s);
    panel.sendIdEdit()->setText(u"id-42"_s);
    panel.sendDataEdit()->setPlainText(u"first line\nsecond line"_s);
    panel.sendButton()->click();

    QTRY_COMPARE(client.events.size(), 1);
    const Sse::Event event = client.events.at(0);
    QCOMPARE(event.type, "greeting"_ba);
    QCOMPARE(event.lastEventId, "id-42"_ba);
    QCOMPARE(event.data, "first line\nsecond line"_ba);
    QVERIFY2(panel.sendStatusLabel()->text().contains(u"id-42"_s),
            qPrintable(panel.sendStatusLabel()->text()));
    QVERIFY(panel.sendStatusLabel()->text().contains(u"1 client"_s));

    // An empty id is automatic (the feed's counter), also through Ctrl+Return.
    panel.sendIdEdit()->clear();
    panel.sendTypeEdit()->clear();
    panel.sendDataEdit()->setPlainText(u"again"_s);
    panel.show(); // a shortcut needs an active window
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.sendDataEdit()->setFocus();
    QTest::keyClick(panel.sendDataEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(client.events.size(), 2);
    QCOMPARE(client.events.at(1).data, "again"_ba);
    QCOMPARE(client.events.at(1).type, "message"_ba);
    QCOMPARE(client.events.at(1).lastEventId, "1"_ba);
}

void tst_PublisherPanel::clients_listFollowsConnections()
{
    PublisherPanel panel;
    panel.setOptions(quietOptions());
    QVERIFY(panel.start());
    QCOMPARE(panel.clientsView()->topLevelItemCount(), 0);

    auto client = std::make_unique<Client>(panel.channelUrl());
    QTRY_COMPARE(panel.clientsView()->topLevelItemCount(), 1);
    QTreeWidgetItem *row = panel.clientsView()->topLevelItem(0);
    QVERIFY(row->text(PublisherPanel::PeerColumn).startsWith(u"127.0.0.1:"_s));
    QCOMPARE(row->text(PublisherPanel::ChannelColumn), u"/events"_s);
    QVERIFY(!row->text(PublisherPanel::ConnectedAtColumn).isEmpty());
    QCOMPARE(panel.clientCountLabel()->text(), u"1"_s);

    panel.setChannelMode(PublisherPanel::ChannelMode::Named);
    auto named = std::make_unique<Client>(panel.channelUrl());
    QTRY_COMPARE(panel.clientsView()->topLevelItemCount(), 2);
    QCOMPARE(panel.clientsView()->topLevelItem(1)->text(PublisherPanel::ChannelColumn),
            u"/events/test-event"_s);

    client->source.close();
    QTRY_COMPARE(panel.clientsView()->topLevelItemCount(), 1);
    QCOMPARE(panel.clientsView()->topLevelItem(0)->text(PublisherPanel::ChannelColumn),
            u"/events/test-event"_s);
    QTRY_COMPARE(panel.clientCountLabel()->text(), u"1"_s);
    named->source.close();
    QTRY_COMPARE(panel.clientsView()->topLevelItemCount(), 0);
    QTRY_COMPARE(panel.clientCountLabel()->text(), u"0"_s);

    // Stopping empties the list at once.
    auto last = std::make_unique<Client>(panel.channelUrl());
    QTRY_COMPARE(panel.clientsView()->topLevelItemCount(), 1);
    panel.stop();
    QCOMPARE(panel.clientsView()->topLevelItemCount(), 0);
}

void tst_PublisherPanel::statusFault_failsNewStream()
{
    PublisherPanel panel;
    panel.setOptions(quietOptions());
    QVERIFY(panel.start());
    panel.statusFaultSpin()->setValue(503);
    QCOMPARE(panel.faults().status, 503);
    QCOMPARE(panel.publisher()->defaultFaults().status, 503);

    Client client(panel.channelUrl());
    QTRY_VERIFY(!client.errors.isEmpty());
    QCOMPARE(client.errors.at(0).kind, Sse::SourceError::Kind::HttpStatus);
    QCOMPARE(client.errors.at(0).httpStatus, 503);
    QCOMPARE(client.opened, 0);
    client.source.close();

    panel.resetFaultsButton()->click();
    QCOMPARE(panel.statusFaultSpin()->text(), u"off"_s);
    QCOMPARE(panel.publisher()->defaultFaults().status, 0);
    Client healthy(panel.channelUrl());
    QTRY_COMPARE(healthy.opened, 1);
}

void tst_PublisherPanel::contentTypeFault_failsNewStreamAndResets()
{
    PublisherPanel panel;
    panel.setOptions(quietOptions());
    panel.contentTypeFaultEdit()->setText(u"text/plain"_s); // before start: start applies it
    QVERIFY(panel.start());
    QCOMPARE(panel.publisher()->defaultFaults().contentType, "text/plain"_ba);

    Client client(panel.channelUrl());
    QTRY_VERIFY(!client.errors.isEmpty());
    QCOMPARE(client.errors.at(0).kind, Sse::SourceError::Kind::ContentType);
    QCOMPARE(client.opened, 0);
    client.source.close();

    panel.resetFaults();
    QVERIFY(panel.contentTypeFaultEdit()->text().isEmpty());
    QVERIFY(panel.publisher()->defaultFaults().contentType.isNull());
}

void tst_PublisherPanel::namedChannel_urlAndOpenFeed()
{
    PublisherPanel panel;
    panel.setOptions(quietOptions());
    QSignalSpy open(&panel, &PublisherPanel::openFeedRequested);
    QCOMPARE(panel.channelMode(), PublisherPanel::ChannelMode::Broadcast);
    QVERIFY(!panel.channelNameEdit()->isEnabled());
    QCOMPARE(panel.channelUrl().path(), u"/events"_s);

    QVERIFY(panel.start());
    QCOMPARE(panel.channelUrl(), panel.publisher()->url(u"/events"_s));
    panel.openFeedButton()->click();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toUrl(), panel.publisher()->url(u"/events"_s));

    panel.channelModeCombo()->setCurrentIndex(int(PublisherPanel::ChannelMode::Named));
    QVERIFY(panel.channelNameEdit()->isEnabled());
    QCOMPARE(panel.channelUrl().path(), u"/events/test-event"_s);
    panel.channelNameEdit()->setText(u"alerts"_s);
    QVERIFY(!panel.publisher()->channels().contains("alerts"_ba));
    panel.openFeedButton()->click();
    QCOMPARE(open.size(), 2);
    const QUrl url = open.at(1).at(0).toUrl();
    QVERIFY2(url.path().endsWith(u"/events/alerts"_s), qPrintable(url.toString()));
    QCOMPARE(url, panel.channelUrl());
    QVERIFY(open.at(1).at(1).toString().contains(u"alerts"_s));
    // The channel exists now: a client of it gets its events.
    QVERIFY(panel.publisher()->channels().contains("alerts"_ba));
    QVERIFY(panel.sendChannelCombo()->findText(u"/events/alerts"_s) >= 0);
    Client client(url);
    QTRY_COMPARE(client.opened, 1);
    panel.sendChannelCombo()->setCurrentIndex(
            panel.sendChannelCombo()->findText(u"/events/alerts"_s));
    panel.sendDataEdit()->setPlainText(u"alarm"_s);
    panel.sendButton()->click();
    QTRY_COMPARE(client.events.size(), 1);
    QCOMPARE(client.events.at(0).type, "alerts"_ba);
    QCOMPARE(client.events.at(0).data, "alarm"_ba);
}

void tst_PublisherPanel::layout_fitsNarrowDock()
{
    PublisherPanel panel;
    auto *scroll = panel.findChild<QScrollArea *>(u"scrollArea"_s);
    QVERIFY(scroll);
    QVERIFY(scroll->widget());
    // Every group fits a dock 350 px wide without horizontal scrolling.
    const int width = scroll->widget()->minimumSizeHint().width();
    QVERIFY2(width <= 330, qPrintable(QString::number(width)));
    panel.resize(350, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!scroll->horizontalScrollBar()->isVisible());
}

void tst_PublisherPanel::wheel_overUnfocusedBox_scrollsThePanel()
{
    PublisherPanel panel;
    panel.resize(350, 300); // short: the form scrolls
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    auto *scroll = panel.findChild<QScrollArea *>(u"scrollArea"_s);
    QScrollBar *bar = scroll->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    panel.eventNameEdit()->setFocus();
    QTRY_VERIFY(panel.eventNameEdit()->hasFocus());

    const QList<QWidget *> boxes{panel.intervalSpin(), panel.payloadCombo()};
    for (QWidget *box : boxes) {
        QVERIFY(!box->hasFocus());
        QCOMPARE(box->focusPolicy(), Qt::StrongFocus); // a wheel does not focus it either
        const int before = bar->value();
        const int interval = panel.intervalSpin()->value();
        const int payload = panel.payloadCombo()->currentIndex();
        TestSupport::turnWheel(box, -1);
        QCOMPARE(panel.intervalSpin()->value(), interval);
        QCOMPARE(panel.payloadCombo()->currentIndex(), payload);
        QVERIFY2(bar->value() > before, qPrintable(box->objectName()));
    }

    // A box the user is editing takes the wheel as usual.
    panel.intervalSpin()->setFocus();
    QTRY_VERIFY(panel.intervalSpin()->hasFocus());
    const int interval = panel.intervalSpin()->value();
    TestSupport::turnWheel(panel.intervalSpin(), 1);
    QVERIFY(panel.intervalSpin()->value() != interval);
}

QTEST_MAIN(tst_PublisherPanel)
#include "tst_publisherpanel.moc"
