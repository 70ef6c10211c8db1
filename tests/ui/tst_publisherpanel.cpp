// SPDX-License-Identifier: MIT
// Tests of PublisherPanel, a view of a PublisherController, against its real publisher on
// 127.0.0.1 and real EventSource clients; widgets are found by objectName.
#include "tests/support/quietpublisher.h"
#include "tests/support/wheel.h"

#include "sselib/eventsource.h"
#include "sselib/publisher/publisher.h"
#include "ui/models/publishercontroller.h"
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

// The child of `root` called `name`; a missing one ends the test run, naming it.
template <typename T>
T *child(const QWidget &root, const QString &name)
{
    T *found = root.findChild<T *>(name);
    if (!found)
        qFatal("No %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// The channel URL the Channel group shows.
QUrl shownChannelUrl(const PublisherPanel &panel)
{
    return QUrl(child<QLabel>(panel, u"channelUrlLabel"_s)->text());
}

/// A controller with a quiet publisher and its panel.
struct Fixture
{
    Fixture() { controller.setOptions(TestSupport::quietPublisherOptions()); }

    PublisherController controller;
    PublisherPanel panel{&controller};
};

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
    void addressWarning_onlyBeyondLoopback();
    void setOptions_fillsFormAndFormWritesThem();
    void generatorInterval_appliesLive();
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
    Fixture f;
    const PublisherPanel &panel = f.panel;
    QSignalSpy running(&f.controller, &PublisherController::runningChanged);
    QSignalSpy changed(&f.controller, &PublisherController::publisherChanged);
    auto *startButton = child<QPushButton>(panel, u"startButton"_s);
    QVERIFY(!f.controller.isRunning());
    QCOMPARE(f.controller.publisher(), nullptr);
    QCOMPARE(startButton->text(), u"Start"_s);
    // A fresh form asks for no fault at all and sends no retry field.
    const Sse::StreamFaults faults = f.controller.faults();
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
    QCOMPARE(faults.reconnect, none.reconnect);
    QCOMPARE(faults.retry, none.retry);
    QCOMPARE(child<QSpinBox>(panel, u"sendRetrySpin"_s)->value(), -1);

    QVERIFY(f.controller.start());
    QVERIFY(f.controller.isRunning());
    Sse::Publisher *publisher = f.controller.publisher();
    QVERIFY(publisher);
    QVERIFY(publisher->isListening());
    QCOMPARE(running.size(), 1);
    QCOMPARE(running.at(0).at(0).toBool(), true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Sse::Publisher *>(), publisher);
    const QLabel *urlLabel = child<QLabel>(panel, u"urlLabel"_s);
    QCOMPARE(urlLabel->text(), publisher->url().toString());
    QVERIFY(urlLabel->text().contains(QString::number(publisher->port())));
    QCOMPARE(startButton->text(), u"Stop"_s);
    QVERIFY(!child<QSpinBox>(panel, u"portSpin"_s)->isEnabled());
    QVERIFY(child<QPushButton>(panel, u"sendButton"_s)->isEnabled());
    QVERIFY(f.controller.start()); // already running: no second publisher
    QCOMPARE(changed.size(), 1);

    startButton->click();
    QVERIFY(!f.controller.isRunning());
    QCOMPARE(f.controller.publisher(), nullptr);
    QCOMPARE(running.size(), 2);
    QCOMPARE(running.at(1).at(0).toBool(), false);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<Sse::Publisher *>(), nullptr);
    QVERIFY(child<QSpinBox>(panel, u"portSpin"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(panel, u"sendButton"_s)->isEnabled());

    startButton->click();
    QVERIFY(f.controller.isRunning());
    QCOMPARE(running.size(), 3);
}

void tst_PublisherPanel::start_portTakenFailsVisibly()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    Sse::PublisherOptions options = TestSupport::quietPublisherOptions();
    options.port = blocker.serverPort();
    Fixture f;
    f.controller.setOptions(options);
    auto *portSpin = child<QSpinBox>(f.panel, u"portSpin"_s);
    QCOMPARE(portSpin->value(), int(blocker.serverPort()));
    QSignalSpy running(&f.controller, &PublisherController::runningChanged);

    QVERIFY(!f.controller.start());
    QVERIFY(!f.controller.isRunning());
    QCOMPARE(f.controller.publisher(), nullptr);
    QCOMPARE(running.size(), 0);
    const QString error = f.controller.errorString();
    QVERIFY(!error.isEmpty());
    QVERIFY(error.contains(QString::number(blocker.serverPort())));
    const QLabel *errorLabel = child<QLabel>(f.panel, u"errorLabel"_s);
    QVERIFY(errorLabel->isVisibleTo(&f.panel));
    QCOMPARE(errorLabel->text(), error);

    // Any free port works, and the error goes away.
    portSpin->setValue(0);
    QCOMPARE(f.controller.options().port, 0);
    QVERIFY(f.controller.start());
    QVERIFY(f.controller.errorString().isEmpty());
    QVERIFY(!errorLabel->isVisibleTo(&f.panel));
}

// The dashboard's publisher listens on loopback; any other address shows a warning in the
// Server group, plain text, naming the address.
void tst_PublisherPanel::addressWarning_onlyBeyondLoopback()
{
    Fixture f;
    f.panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    const auto *warning = child<QLabel>(f.panel, u"addressWarningLabel"_s);
    QCOMPARE(f.controller.options().address, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!warning->isVisible());
    QVERIFY(f.controller.start());
    QCOMPARE(f.controller.publisher()->url().host(), u"127.0.0.1"_s);
    QVERIFY(!warning->isVisible());
    f.controller.stop();

    Sse::PublisherOptions options = f.controller.options();
    options.address = QHostAddress(u"0.0.0.0"_s);
    f.controller.setOptions(options);
    QVERIFY(warning->isVisible());
    QCOMPARE(warning->textFormat(), Qt::PlainText);
    QVERIFY2(warning->text().contains(u"0.0.0.0"_s), qPrintable(warning->text()));
    QVERIFY2(warning->text().contains(u"anyone on the network"_s), qPrintable(warning->text()));

    options.address = QHostAddress(QHostAddress::LocalHostIPv6);
    f.controller.setOptions(options);
    QVERIFY(!warning->isVisible());
}

void tst_PublisherPanel::setOptions_fillsFormAndFormWritesThem()
{
    Sse::PublisherOptions options;
    options.port = 4321;
    options.allowOrigin = "https://example.org";
    options.generator.interval = 250ms;
    options.generator.payload = Sse::GeneratorSettings::Payload::Json;
    options.generator.ids = Sse::GeneratorSettings::Ids::None;
    options.generator.eventName = "tick";
    options.generator.retry = 1500ms;
    options.generator.heartbeat = 0ms;
    options.generator.limit = 7;
    PublisherController controller;
    PublisherPanel panel(&controller);
    controller.setOptions(options);

    QCOMPARE(child<QSpinBox>(panel, u"portSpin"_s)->value(), 4321);
    QCOMPARE(child<QSpinBox>(panel, u"intervalSpin"_s)->value(), 250);
    QCOMPARE(child<QLineEdit>(panel, u"eventNameEdit"_s)->text(), u"tick"_s);
    auto *retrySpin = child<QSpinBox>(panel, u"retrySpin"_s);
    QCOMPARE(retrySpin->value(), 1500);
    QCOMPARE(child<QSpinBox>(panel, u"heartbeatSpin"_s)->text(), u"off"_s);
    auto *limitSpin = child<QSpinBox>(panel, u"limitSpin"_s);
    QCOMPARE(limitSpin->value(), 7);

    // Filling the form changed nothing: what it shows is what the controller holds.
    const Sse::PublisherOptions read = controller.options();
    QCOMPARE(read.port, 4321);
    QCOMPARE(read.allowOrigin, "https://example.org"_ba); // kept although not in the form
    QCOMPARE(read.generator.interval, 250ms);
    QCOMPARE(read.generator.payload, Sse::GeneratorSettings::Payload::Json);
    QCOMPARE(read.generator.ids, Sse::GeneratorSettings::Ids::None);
    QCOMPARE(read.generator.eventName, "tick"_ba);
    QCOMPARE(read.generator.retry, std::optional(1500ms));
    QCOMPARE(read.generator.heartbeat, 0ms);
    QCOMPARE(read.generator.limit, std::optional(7));
    QVERIFY(read == options);

    retrySpin->setValue(-1);
    QCOMPARE(retrySpin->text(), u"none"_s);
    QVERIFY(!controller.options().generator.retry);
    limitSpin->setValue(0);
    QCOMPARE(limitSpin->text(), u"no limit"_s);
    QVERIFY(!controller.options().generator.limit);
    child<QLineEdit>(panel, u"eventNameEdit"_s)->setText(u"tock"_s);
    QCOMPARE(controller.options().generator.eventName, "tock"_ba);
    child<QSpinBox>(panel, u"portSpin"_s)->setValue(4322);
    QCOMPARE(controller.options().port, 4322);
}

void tst_PublisherPanel::generatorInterval_appliesLive()
{
    Fixture f;
    QVERIFY(f.controller.start());
    Sse::Publisher *publisher = f.controller.publisher();
    QCOMPARE(publisher->options().generator.interval, 0ms);
    Client client(shownChannelUrl(f.panel));
    QTRY_COMPARE(client.opened, 1);

    // With the generator off only what is sent by hand arrives.
    auto *sendData = child<QPlainTextEdit>(f.panel, u"sendDataEdit"_s);
    auto *sendButton = child<QPushButton>(f.panel, u"sendButton"_s);
    sendData->setPlainText(u"marker"_s);
    sendButton->click();
    QTRY_COMPARE(client.events.size(), 1);
    QCOMPARE(client.events.at(0).data, "marker"_ba);

    child<QComboBox>(f.panel, u"payloadCombo"_s)
            ->setCurrentIndex(int(Sse::GeneratorSettings::Payload::ClockText));
    auto *intervalSpin = child<QSpinBox>(f.panel, u"intervalSpin"_s);
    intervalSpin->setValue(10);
    QCOMPARE(publisher->options().generator.interval, 10ms);
    QTRY_VERIFY(client.events.size() >= 4);
    for (qsizetype i = 1; i < client.events.size(); ++i)
        QVERIFY2(client.events.at(i).data.startsWith("send data: "), client.events.at(i).data);

    intervalSpin->setValue(0);
    QCOMPARE(publisher->options().generator.interval, 0ms);
    QCOMPARE(intervalSpin->text(), u"off"_s);
    // Nothing generated follows the next marker... but the marker itself comes.
    const qsizetype before = client.events.size();
    sendData->setPlainText(u"last"_s);
    sendButton->click();
    QTRY_COMPARE(client.events.constLast().data, "last"_ba);
    QVERIFY(client.events.size() > before);
}

void tst_PublisherPanel::send_publishesTypedEvent()
{
    Fixture f;
    PublisherPanel &panel = f.panel;
    QVERIFY(f.controller.start());
    Client client(shownChannelUrl(panel));
    QTRY_COMPARE(client.opened, 1);

    auto *sendChannel = child<QComboBox>(panel, u"sendChannelCombo"_s);
    auto *sendType = child<QLineEdit>(panel, u"sendTypeEdit"_s);
    auto *sendId = child<QLineEdit>(panel, u"sendIdEdit"_s);
    auto *sendData = child<QPlainTextEdit>(panel, u"sendDataEdit"_s);
    const QLabel *sendStatus = child<QLabel>(panel, u"sendStatusLabel"_s);
    QCOMPARE(sendChannel->currentText(), u"/events"_s);
    QVERIFY(sendChannel->findText(u"/events/test-event"_s) >= 0);
    sendType->setText(u"greeting"_s);
    sendId->setText(u"id-42"_s);
    sendData->setPlainText(u"first line\nsecond line"_s);
    child<QPushButton>(panel, u"sendButton"_s)->click();

    QTRY_COMPARE(client.events.size(), 1);
    const Sse::Event event = client.events.at(0);
    QCOMPARE(event.type, "greeting"_ba);
    QCOMPARE(event.lastEventId, "id-42"_ba);
    QCOMPARE(event.data, "first line\nsecond line"_ba);
    QVERIFY2(sendStatus->text().contains(u"id-42"_s), qPrintable(sendStatus->text()));
    QVERIFY(sendStatus->text().contains(u"1 client"_s));

    // An empty id is automatic (the generator's counter), also through Ctrl+Return.
    sendId->clear();
    sendType->clear();
    sendData->setPlainText(u"again"_s);
    panel.show(); // a shortcut needs an active window
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    sendData->setFocus();
    QTest::keyClick(sendData, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(client.events.size(), 2);
    QCOMPARE(client.events.at(1).data, "again"_ba);
    QCOMPARE(client.events.at(1).type, "message"_ba);
    QCOMPARE(client.events.at(1).lastEventId, "1"_ba);
}

void tst_PublisherPanel::clients_listFollowsConnections()
{
    Fixture f;
    const PublisherPanel &panel = f.panel;
    QVERIFY(f.controller.start());
    const QTreeWidget *clients = child<QTreeWidget>(panel, u"clientsView"_s);
    const QLabel *count = child<QLabel>(panel, u"clientCountLabel"_s);
    QCOMPARE(clients->topLevelItemCount(), 0);

    auto client = std::make_unique<Client>(shownChannelUrl(panel));
    QTRY_COMPARE(clients->topLevelItemCount(), 1);
    QTreeWidgetItem *row = clients->topLevelItem(0);
    QVERIFY(row->text(PublisherPanel::PeerColumn).startsWith(u"127.0.0.1:"_s));
    QCOMPARE(row->text(PublisherPanel::ChannelColumn), u"/events"_s);
    QVERIFY(!row->text(PublisherPanel::ConnectedAtColumn).isEmpty());
    QCOMPARE(count->text(), u"1"_s);

    child<QComboBox>(panel, u"channelModeCombo"_s)
            ->setCurrentIndex(int(PublisherPanel::ChannelMode::Named));
    auto named = std::make_unique<Client>(shownChannelUrl(panel));
    QTRY_COMPARE(clients->topLevelItemCount(), 2);
    QCOMPARE(
            clients->topLevelItem(1)->text(PublisherPanel::ChannelColumn), u"/events/test-event"_s);

    client->source.close();
    QTRY_COMPARE(clients->topLevelItemCount(), 1);
    QCOMPARE(
            clients->topLevelItem(0)->text(PublisherPanel::ChannelColumn), u"/events/test-event"_s);
    QTRY_COMPARE(count->text(), u"1"_s);
    named->source.close();
    QTRY_COMPARE(clients->topLevelItemCount(), 0);
    QTRY_COMPARE(count->text(), u"0"_s);

    // An LLM stream reads as its path.
    QUrl llmUrl = f.controller.publisher()->url(Sse::Publisher::llmPath());
    llmUrl.setQuery(u"interval=10000"_s);
    auto llm = std::make_unique<Client>(llmUrl);
    QTRY_COMPARE(clients->topLevelItemCount(), 1);
    QCOMPARE(clients->topLevelItem(0)->text(PublisherPanel::ChannelColumn), u"/llm"_s);

    // Stopping empties the list at once.
    auto last = std::make_unique<Client>(shownChannelUrl(panel));
    QTRY_COMPARE(clients->topLevelItemCount(), 2);
    f.controller.stop();
    QCOMPARE(clients->topLevelItemCount(), 0);
}

void tst_PublisherPanel::statusFault_failsNewStream()
{
    Fixture f;
    QVERIFY(f.controller.start());
    auto *statusSpin = child<QSpinBox>(f.panel, u"statusFaultSpin"_s);
    statusSpin->setValue(503);
    QCOMPARE(f.controller.faults().status, 503);
    QCOMPARE(f.controller.publisher()->defaultFaults().status, std::optional(503));

    Client client(shownChannelUrl(f.panel));
    QTRY_VERIFY(!client.errors.isEmpty());
    QCOMPARE(client.errors.at(0).kind, Sse::SourceError::Kind::HttpStatus);
    QCOMPARE(client.errors.at(0).httpStatus, 503);
    QCOMPARE(client.opened, 0);
    client.source.close();

    child<QPushButton>(f.panel, u"resetFaultsButton"_s)->click();
    QCOMPARE(statusSpin->text(), u"off"_s);
    QVERIFY(!f.controller.publisher()->defaultFaults().status);
    Client healthy(shownChannelUrl(f.panel));
    QTRY_COMPARE(healthy.opened, 1);
}

void tst_PublisherPanel::contentTypeFault_failsNewStreamAndResets()
{
    Fixture f;
    auto *contentType = child<QLineEdit>(f.panel, u"contentTypeFaultEdit"_s);
    contentType->setText(u"text/plain"_s); // before start: start applies it
    QVERIFY(f.controller.start());
    QCOMPARE(f.controller.publisher()->defaultFaults().contentType, "text/plain"_ba);

    Client client(shownChannelUrl(f.panel));
    QTRY_VERIFY(!client.errors.isEmpty());
    QCOMPARE(client.errors.at(0).kind, Sse::SourceError::Kind::ContentType);
    QCOMPARE(client.opened, 0);
    client.source.close();

    // Faults reset on the controller: the form follows.
    f.controller.setFaults(Sse::StreamFaults());
    QVERIFY(contentType->text().isEmpty());
    QVERIFY(f.controller.publisher()->defaultFaults().contentType.isNull());
}

void tst_PublisherPanel::namedChannel_urlAndOpenFeed()
{
    Fixture f;
    const PublisherPanel &panel = f.panel;
    QSignalSpy open(&panel, &PublisherPanel::openFeedRequested);
    auto *mode = child<QComboBox>(panel, u"channelModeCombo"_s);
    auto *name = child<QLineEdit>(panel, u"channelNameEdit"_s);
    auto *openFeed = child<QPushButton>(panel, u"openFeedButton"_s);
    QCOMPARE(mode->currentIndex(), int(PublisherPanel::ChannelMode::Broadcast));
    QVERIFY(!name->isEnabled());
    // Not running on port 0 (any free one): the URL has no port yet.
    QCOMPARE(shownChannelUrl(panel), QUrl(u"http://127.0.0.1/events"_s));

    QVERIFY(f.controller.start());
    Sse::Publisher *publisher = f.controller.publisher();
    QCOMPARE(shownChannelUrl(panel), publisher->url(u"/events"_s));
    openFeed->click();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toUrl(), publisher->url(u"/events"_s));

    mode->setCurrentIndex(int(PublisherPanel::ChannelMode::Named));
    QVERIFY(name->isEnabled());
    QCOMPARE(shownChannelUrl(panel).path(), u"/events/test-event"_s);
    name->setText(u"alerts"_s);
    QVERIFY(!publisher->channels().contains("alerts"_ba));
    openFeed->click();
    QCOMPARE(open.size(), 2);
    const QUrl url = open.at(1).at(0).toUrl();
    QVERIFY2(url.path().endsWith(u"/events/alerts"_s), qPrintable(url.toString()));
    QCOMPARE(url, shownChannelUrl(panel));
    QVERIFY(open.at(1).at(1).toString().contains(u"alerts"_s));
    // The channel exists now: a client of it gets its events.
    QVERIFY(publisher->channels().contains("alerts"_ba));
    auto *sendChannel = child<QComboBox>(panel, u"sendChannelCombo"_s);
    QVERIFY(sendChannel->findText(u"/events/alerts"_s) >= 0);
    Client client(url);
    QTRY_COMPARE(client.opened, 1);
    sendChannel->setCurrentIndex(sendChannel->findText(u"/events/alerts"_s));
    child<QPlainTextEdit>(panel, u"sendDataEdit"_s)->setPlainText(u"alarm"_s);
    child<QPushButton>(panel, u"sendButton"_s)->click();
    QTRY_COMPARE(client.events.size(), 1);
    QCOMPARE(client.events.at(0).type, "alerts"_ba);
    QCOMPARE(client.events.at(0).data, "alarm"_ba);
}

void tst_PublisherPanel::layout_fitsNarrowDock()
{
    PublisherController controller;
    PublisherPanel panel(&controller);
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
    PublisherController controller;
    PublisherPanel panel(&controller);
    panel.resize(350, 300); // short: the form scrolls
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    auto *scroll = panel.findChild<QScrollArea *>(u"scrollArea"_s);
    QScrollBar *bar = scroll->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    auto *eventName = child<QLineEdit>(panel, u"eventNameEdit"_s);
    auto *intervalSpin = child<QSpinBox>(panel, u"intervalSpin"_s);
    auto *payloadCombo = child<QComboBox>(panel, u"payloadCombo"_s);
    eventName->setFocus();
    QTRY_VERIFY(eventName->hasFocus());

    const QList<QWidget *> boxes{intervalSpin, payloadCombo};
    for (QWidget *box : boxes) {
        QVERIFY(!box->hasFocus());
        QCOMPARE(box->focusPolicy(), Qt::StrongFocus); // a wheel does not focus it either
        const int before = bar->value();
        const int interval = intervalSpin->value();
        const int payload = payloadCombo->currentIndex();
        TestSupport::turnWheel(box, -1);
        QCOMPARE(intervalSpin->value(), interval);
        QCOMPARE(payloadCombo->currentIndex(), payload);
        QVERIFY2(bar->value() > before, qPrintable(box->objectName()));
    }

    // A box the user is editing takes the wheel as usual.
    intervalSpin->setFocus();
    QTRY_VERIFY(intervalSpin->hasFocus());
    const int interval = intervalSpin->value();
    TestSupport::turnWheel(intervalSpin, 1);
    QVERIFY(intervalSpin->value() != interval);
}

QTEST_MAIN(tst_PublisherPanel)
#include "tst_publisherpanel.moc"
