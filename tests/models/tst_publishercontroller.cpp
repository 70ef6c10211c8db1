// SPDX-License-Identifier: MIT
// Tests of PublisherController without a widget: its real publisher on 127.0.0.1, EventSource.
#include "tests/support/quietpublisher.h"

#include "sselib/eventsource.h"
#include "sselib/publisher/publisher.h"
#include "ui/models/publishercontroller.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class tst_PublisherController final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startStop_signalsAndPublisher();
    void restart_appliesTheOptionsOfTheNextStart();
    void start_portTaken_reportsError();
    void generatorAndFaults_applyToTheRunningPublisher();
    void channelUrl_stoppedAndRunning();
    void addChannel_onlyOnTheRunningPublisher();
    void clients_arePassedOn();
    void settings_roundTripAndEarlierForms();
};

void tst_PublisherController::startStop_signalsAndPublisher()
{
    PublisherController controller;
    controller.setOptions(TestSupport::quietPublisherOptions());
    QSignalSpy running(&controller, &PublisherController::runningChanged);
    QSignalSpy changed(&controller, &PublisherController::publisherChanged);
    QSignalSpy channels(&controller, &PublisherController::channelsChanged);
    QVERIFY(!controller.isRunning());
    QCOMPARE(controller.publisher(), nullptr);
    QVERIFY(controller.channels().isEmpty());
    QCOMPARE(controller.clientCount(), 0);

    QVERIFY(controller.start());
    QVERIFY(controller.isRunning());
    Sse::Publisher *publisher = controller.publisher();
    QVERIFY(publisher && publisher->isListening());
    QCOMPARE(publisher->options(), TestSupport::quietPublisherOptions());
    QCOMPARE(running.size(), 1);
    QCOMPARE(running.at(0).at(0).toBool(), true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Sse::Publisher *>(), publisher);
    QCOMPARE(channels.size(), 1);
    QCOMPARE(controller.channels(), QByteArrayList({""_ba, "test-event"_ba}));
    QVERIFY(controller.start()); // already running: the same publisher
    QCOMPARE(controller.publisher(), publisher);
    QCOMPARE(changed.size(), 1);

    controller.stop();
    QVERIFY(!controller.isRunning());
    QCOMPARE(controller.publisher(), nullptr);
    QCOMPARE(running.size(), 2);
    QCOMPARE(running.at(1).at(0).toBool(), false);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<Sse::Publisher *>(), nullptr);
    QCOMPARE(channels.size(), 2);
    QVERIFY(controller.channels().isEmpty());
    controller.stop(); // stopped already: nothing happens
    QCOMPARE(running.size(), 2);
}

void tst_PublisherController::restart_appliesTheOptionsOfTheNextStart()
{
    PublisherController controller;
    controller.setOptions(TestSupport::quietPublisherOptions());
    QVERIFY(controller.start());
    Sse::PublisherOptions options = controller.options();
    options.channels = {"alpha"};
    options.allowOrigin = "https://example.org";
    controller.setOptions(options);
    // Not the running publisher's: it keeps what it started with.
    QCOMPARE(controller.channels(), QByteArrayList({""_ba, "test-event"_ba}));
    QCOMPARE(controller.publisher()->options().allowOrigin, "*"_ba);

    QSignalSpy changed(&controller, &PublisherController::publisherChanged);
    QVERIFY(controller.restart());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<Sse::Publisher *>(), nullptr);
    QCOMPARE(changed.at(1).at(0).value<Sse::Publisher *>(), controller.publisher());
    QCOMPARE(controller.channels(), QByteArrayList({""_ba, "alpha"_ba}));
    QCOMPARE(controller.publisher()->options(), options);
}

void tst_PublisherController::start_portTaken_reportsError()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    PublisherController controller;
    controller.setOptions(TestSupport::quietPublisherOptions());
    controller.setPort(blocker.serverPort());
    QSignalSpy errors(&controller, &PublisherController::errorStringChanged);
    QSignalSpy running(&controller, &PublisherController::runningChanged);

    QVERIFY(!controller.start());
    QVERIFY(!controller.isRunning());
    QCOMPARE(controller.publisher(), nullptr);
    QCOMPARE(running.size(), 0);
    QVERIFY(controller.errorString().contains(QString::number(blocker.serverPort())));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), controller.errorString());

    controller.setPort(0);
    QVERIFY(controller.start());
    QVERIFY(controller.errorString().isEmpty());
    QCOMPARE(errors.size(), 2);
    QVERIFY(controller.publisher()->port() != blocker.serverPort());
}

void tst_PublisherController::generatorAndFaults_applyToTheRunningPublisher()
{
    PublisherController controller;
    controller.setOptions(TestSupport::quietPublisherOptions());
    Sse::StreamFaults faults;
    faults.status = 503;
    controller.setFaults(faults); // before start: start applies it
    QVERIFY(controller.start());
    Sse::Publisher *publisher = controller.publisher();
    QCOMPARE(publisher->defaultFaults(), faults);

    QSignalSpy options(&controller, &PublisherController::optionsChanged);
    QSignalSpy faultsSpy(&controller, &PublisherController::faultsChanged);
    Sse::GeneratorSettings generator = controller.options().generator;
    generator.interval = 20ms;
    generator.retry = 300ms;
    generator.limit = 3;
    controller.setGenerator(generator);
    QCOMPARE(options.size(), 1);
    QCOMPARE(publisher->options().generator, generator);
    controller.setGenerator(generator); // no change, no signal
    QCOMPARE(options.size(), 1);

    faults.status = std::nullopt;
    faults.closeAfter = 2;
    controller.setFaults(faults);
    QCOMPARE(faultsSpy.size(), 1);
    QCOMPARE(publisher->defaultFaults(), faults);
    controller.setFaults(faults);
    QCOMPARE(faultsSpy.size(), 1);

    // The port of a running publisher applies on the next start only.
    controller.setPort(1);
    QCOMPARE(options.size(), 2);
    QVERIFY(publisher->port() != 1);
    QCOMPARE(controller.publisher(), publisher);
}

void tst_PublisherController::channelUrl_stoppedAndRunning()
{
    PublisherController controller;
    Sse::PublisherOptions options = TestSupport::quietPublisherOptions();
    options.address = QHostAddress(QHostAddress::AnyIPv6);
    options.port = 8080;
    controller.setOptions(options);
    // Stopped: where the options would put it, as a client on this host reaches it.
    QCOMPARE(controller.channelUrl("news"), QUrl(u"http://[::1]:8080/events/news"_s));
    options.address = QHostAddress(QHostAddress::AnyIPv4);
    options.port = 0;
    controller.setOptions(options);
    QCOMPARE(controller.channelUrl({}), QUrl(u"http://127.0.0.1/events"_s));

    options.address = QHostAddress(QHostAddress::LocalHost);
    controller.setOptions(options);
    QVERIFY(controller.start());
    QCOMPARE(controller.channelUrl({}), controller.publisher()->channelUrl({}));
    QCOMPARE(controller.channelUrl("news").port(), int(controller.publisher()->port()));
}

void tst_PublisherController::addChannel_onlyOnTheRunningPublisher()
{
    PublisherController controller;
    controller.setOptions(TestSupport::quietPublisherOptions());
    QSignalSpy channels(&controller, &PublisherController::channelsChanged);
    controller.addChannel("alerts");
    QCOMPARE(channels.size(), 0);
    QVERIFY(!controller.options().channels.contains("alerts"));

    QVERIFY(controller.start());
    QCOMPARE(channels.size(), 1);
    controller.addChannel("alerts");
    QCOMPARE(channels.size(), 2);
    QVERIFY(controller.publisher()->channels().contains("alerts"));
    controller.addChannel("alerts"); // declared already
    QCOMPARE(channels.size(), 2);
}

void tst_PublisherController::clients_arePassedOn()
{
    PublisherController controller;
    controller.setOptions(TestSupport::quietPublisherOptions());
    QVERIFY(controller.start());
    QSignalSpy connected(&controller, &PublisherController::clientConnected);
    QSignalSpy disconnected(&controller, &PublisherController::clientDisconnected);
    QSignalSpy counts(&controller, &PublisherController::clientCountChanged);

    Sse::EventSource source(controller.channelUrl("test-event"));
    source.open();
    QTRY_COMPARE(connected.size(), 1);
    QVERIFY(connected.at(0).at(0).toString().startsWith(u"127.0.0.1:"_s));
    QCOMPARE(connected.at(0).at(1).toByteArray(), "test-event"_ba);
    QCOMPARE(counts.constLast().at(0).toInt(), 1);
    QCOMPARE(controller.clientCount(), 1);

    // Stopping ends the stream: the client leaves through the controller too.
    controller.stop();
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(1).toByteArray(), "test-event"_ba);
    QCOMPARE(counts.constLast().at(0).toInt(), 0);
    QCOMPARE(controller.clientCount(), 0);
    source.close();
}

void tst_PublisherController::settings_roundTripAndEarlierForms()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"ssedash.ini"_s), QSettings::IniFormat);
    PublisherController fresh;
    const Sse::PublisherOptions defaults = fresh.options();
    QVERIFY(!fresh.restoreSettings(settings)); // nothing saved yet
    QCOMPARE(fresh.options(), defaults);

    Sse::PublisherOptions options;
    options.port = 4321;
    options.generator.interval = 250ms;
    options.generator.payload = Sse::GeneratorSettings::Payload::Json;
    options.generator.ids = Sse::GeneratorSettings::Ids::Uuid;
    options.generator.eventName = "tick";
    options.generator.retry = 0ms;
    options.generator.heartbeat = 2000ms;
    options.generator.limit = 9;
    PublisherController saved;
    saved.setOptions(options);
    saved.saveSettings(settings);

    PublisherController restored;
    QSignalSpy changed(&restored, &PublisherController::optionsChanged);
    QVERIFY(restored.restoreSettings(settings));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(restored.options(), options);

    // None as earlier versions wrote it: a retry of -1 and a limit of 0.
    settings.setValue(u"publisher/retryMs"_s, -1);
    settings.setValue(u"publisher/limit"_s, 0);
    QVERIFY(restored.restoreSettings(settings));
    QVERIFY(!restored.options().generator.retry);
    QVERIFY(!restored.options().generator.limit);
    restored.saveSettings(settings);
    QCOMPARE(settings.value(u"publisher/retryMs"_s).toLongLong(), -1);
    QCOMPARE(settings.value(u"publisher/limit"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_PublisherController)
#include "tst_publishercontroller.moc"
