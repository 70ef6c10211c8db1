// SPDX-License-Identifier: MIT
// The built-in publisher as a form: server, channel, feed, faults, send, clients.
#include "publisherpanel.h"

#include "sselib/publisher/publisher.h"
#include "ui/models/publishercontroller.h"
#include "ui/widgets/wheelguard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MaxIntervalMs = 3'600'000;
constexpr int NoStatus = 199; // the status spin box's minimum, shown as "off"
constexpr int SpinMax = 1'000'000'000;

QSpinBox *createSpin(QWidget *parent, const QString &objectName, int min, int max,
        const QString &specialText, const QString &suffix, const QString &toolTip)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(min, max);
    spin->setSpecialValueText(specialText);
    spin->setSuffix(suffix);
    spin->setToolTip(toolTip);
    spin->setAccelerated(true);
    return spin;
}

// The spin boxes that can be off show it at their minimum (specialValueText).
std::optional<int> optionalValue(const QSpinBox *spin)
{
    return spin->value() == spin->minimum() ? std::nullopt : std::optional(spin->value());
}

void setOptionalValue(QSpinBox *spin, std::optional<int> value)
{
    spin->setValue(value.value_or(spin->minimum()));
}

std::optional<std::chrono::milliseconds> durationValue(const QSpinBox *spin)
{
    const std::optional<int> ms = optionalValue(spin);
    return ms ? std::optional(std::chrono::milliseconds(*ms)) : std::nullopt;
}

// A negative duration is off, as the stream takes it.
void setDurationValue(QSpinBox *spin, std::optional<std::chrono::milliseconds> value)
{
    if (value && value->count() >= 0)
        spin->setValue(int(std::min<qint64>(value->count(), spin->maximum())));
    else
        spin->setValue(spin->minimum());
}

QComboBox *createCombo(QWidget *parent, const QString &objectName, const QStringList &items,
        const QString &toolTip)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItems(items);
    combo->setToolTip(toolTip);
    return combo;
}

QLineEdit *createEdit(QWidget *parent, const QString &objectName, const QString &placeholder,
        const QString &toolTip)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(toolTip);
    edit->setClearButtonEnabled(true);
    return edit;
}

QFormLayout *createForm(QGroupBox *group)
{
    auto *form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // narrow docks put fields under labels
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

// Sets `edit`'s text only when it differs: setText() would move the cursor of a user typing.
void setTextIfChanged(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

} // namespace

PublisherPanel::PublisherPanel(PublisherController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(createServerGroup());
    column->addWidget(createChannelGroup());
    column->addWidget(createGeneratorGroup());
    column->addWidget(createFaultsGroup());
    column->addWidget(createSendGroup());
    column->addWidget(createClientsGroup(), 1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"scrollArea"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    m_sendRetry->setValue(-1);
    fillOptions();
    fillFaults();
    connectController();
    refreshSendChannels();
    updateServerState();
    // A wheel over the form scrolls it; it never changes a value of the running publisher.
    WheelGuard::install(this);
}

PublisherPanel::~PublisherPanel() = default;

QGroupBox *PublisherPanel::createServerGroup()
{
    auto *group = new QGroupBox(tr("Server"), this);
    m_port = createSpin(group, u"portSpin"_s, 0, 65535, tr("any free port"), {},
            tr("The TCP port on 127.0.0.1 to listen on; applies on the next start."));
    m_startButton = new QPushButton(group);
    m_startButton->setObjectName(u"startButton"_s);
    m_urlLabel = new QLabel(group);
    m_urlLabel->setObjectName(u"urlLabel"_s);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clientCountLabel = new QLabel(group);
    m_clientCountLabel->setObjectName(u"clientCountLabel"_s);
    m_errorLabel = new QLabel(group);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(u"color: #c62828;"_s);
    m_errorLabel->hide();
    // The dashboard listens on loopback; anything else is said where the server is started.
    m_addressWarning = new QLabel(group);
    m_addressWarning->setObjectName(u"addressWarningLabel"_s);
    m_addressWarning->setTextFormat(Qt::PlainText);
    m_addressWarning->setWordWrap(true);
    m_addressWarning->setStyleSheet(u"color: #c62828; font-weight: bold;"_s);
    m_addressWarning->hide();

    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port, 1);
    portRow->addWidget(m_startButton);
    auto *form = createForm(group);
    auto *portLabel = new QLabel(tr("&Port:"), group);
    portLabel->setBuddy(m_port); // a layout row gets no buddy by itself
    form->addRow(portLabel, portRow);
    form->addRow(tr("URL:"), m_urlLabel);
    form->addRow(tr("Clients:"), m_clientCountLabel);
    form->addRow(m_errorLabel);
    form->addRow(m_addressWarning);

    connect(m_port, &QSpinBox::valueChanged, this, [this](int port) {
        if (m_filling)
            return;
        m_filling = true;
        m_controller->setPort(quint16(port));
        m_filling = false;
    });
    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (m_controller->isRunning())
            m_controller->stop();
        else
            m_controller->start();
    });
    return group;
}

QGroupBox *PublisherPanel::createChannelGroup()
{
    auto *group = new QGroupBox(tr("Channel"), this);
    m_channelMode = createCombo(group, u"channelModeCombo"_s,
            {tr("Broadcast (/events)"), tr("Named (/events/NAME)")},
            tr("Broadcast: every client of /events gets the unnamed events.\n"
               "Named: a channel of its own at /events/NAME, whose events have type NAME."));
    m_channelName = createEdit(group, u"channelNameEdit"_s, tr("channel name"),
            tr("The named channel; one not declared yet is created."));
    m_channelName->setText(u"test-event"_s);
    m_channelUrlLabel = new QLabel(group);
    m_channelUrlLabel->setObjectName(u"channelUrlLabel"_s);
    m_channelUrlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openFeedButton = new QPushButton(tr("Open Feed"), group);
    m_openFeedButton->setObjectName(u"openFeedButton"_s);
    m_openFeedButton->setToolTip(tr("Add a feed to the dashboard that reads this channel."));

    auto *form = createForm(group);
    form->addRow(tr("&Mode:"), m_channelMode);
    form->addRow(tr("&Name:"), m_channelName);
    form->addRow(tr("URL:"), m_channelUrlLabel);
    form->addRow(m_openFeedButton);

    connect(m_channelMode, &QComboBox::currentIndexChanged, this, [this] { declareChannel(); });
    connect(m_channelName, &QLineEdit::textChanged, this, [this] { updateChannelState(); });
    connect(m_channelName, &QLineEdit::editingFinished, this, [this] { declareChannel(); });
    connect(m_openFeedButton, &QPushButton::clicked, this, [this] { requestOpenFeed(); });
    return group;
}

QGroupBox *PublisherPanel::createGeneratorGroup()
{
    auto *group = new QGroupBox(tr("Feed"), this);
    m_interval = createSpin(group, u"intervalSpin"_s, 0, MaxIntervalMs, tr("off"), tr(" ms"),
            tr("A periodic event on every channel this often; off sends none."));
    m_payload = createCombo(group, u"payloadCombo"_s, {tr("Clock text"), tr("JSON")},
            tr("Clock text: \"send data: 2026-11-21 14:19:08\".\n"
               "JSON: {\"id\", \"type\", \"timestamp\", \"payload\"}."));
    m_ids = createCombo(group, u"idsCombo"_s, {tr("Counter"), tr("UUID"), tr("None")},
            tr("The id field of each event: 1, 2, 3, ... per channel, random UUIDs, or none."));
    m_eventName = createEdit(group, u"eventNameEdit"_s, tr("unnamed (message)"),
            tr("The event type on the broadcast channel; named channels use their name."));
    m_retry = createSpin(group, u"retrySpin"_s, -1, SpinMax, tr("none"), tr(" ms"),
            tr("The retry field sent when a stream starts; none sends no retry field."));
    m_heartbeat = createSpin(group, u"heartbeatSpin"_s, 0, MaxIntervalMs, tr("off"), tr(" ms"),
            tr("A comment line to every client this often; off sends none."));
    m_limit = createSpin(group, u"limitSpin"_s, 0, SpinMax, tr("no limit"), {},
            tr("Events per connection, then the stream ends cleanly."));

    auto *form = createForm(group);
    form->addRow(tr("&Interval:"), m_interval);
    form->addRow(tr("Pa&yload:"), m_payload);
    form->addRow(tr("I&ds:"), m_ids);
    form->addRow(tr("&Event name:"), m_eventName);
    form->addRow(tr("&Retry:"), m_retry);
    form->addRow(tr("&Heartbeat:"), m_heartbeat);
    form->addRow(tr("&Limit:"), m_limit);

    const auto apply = [this] {
        applyGenerator();
    };
    for (QSpinBox *spin : {m_interval, m_retry, m_heartbeat, m_limit})
        connect(spin, &QSpinBox::valueChanged, this, apply);
    for (QComboBox *combo : {m_payload, m_ids})
        connect(combo, &QComboBox::currentIndexChanged, this, apply);
    connect(m_eventName, &QLineEdit::textChanged, this, apply);
    return group;
}

QGroupBox *PublisherPanel::createFaultsGroup()
{
    auto *group = new QGroupBox(tr("Faults"), this);
    group->setToolTip(tr("Misbehaviour of every new stream; a stream URL's query overrides it."));
    m_status = createSpin(group, u"statusFaultSpin"_s, NoStatus, 599, tr("off"), {},
            tr("status: answer with this HTTP status (200 to 599) instead of a stream."));
    m_contentType = createEdit(group, u"contentTypeFaultEdit"_s, tr("text/event-stream"),
            tr("contentType: stream under this Content-Type instead."));
    m_redirect = createCombo(group, u"redirectFaultCombo"_s,
            {tr("off"), u"301"_s, u"302"_s, u"307"_s, u"308"_s},
            tr("redirect: answer with this redirect to the same URL (without the fault)."));
    m_closeAfter = createSpin(group, u"closeAfterFaultSpin"_s, 0, SpinMax, tr("off"), {},
            tr("closeAfter: end the stream cleanly after this many events."));
    m_cutAfter = createSpin(group, u"cutAfterFaultSpin"_s, 0, SpinMax, tr("off"), {},
            tr("cutAfter: after this many events send half of the next one and close."));
    m_stall = createSpin(group, u"stallFaultSpin"_s, 0, Sse::StreamFaults::MaxDelayMs, tr("off"),
            tr(" ms"), tr("stall: send nothing for this long after the response head."));
    m_dribble = createSpin(group, u"dribbleFaultSpin"_s, 0, Sse::StreamFaults::MaxDelayMs,
            tr("off"), tr(" ms"), tr("dribble: send one byte at a time, this far apart."));
    m_splitUtf8 = new QCheckBox(tr("Split UTF-8 characters"), group);
    m_splitUtf8->setObjectName(u"splitUtf8FaultCheck"_s);
    m_splitUtf8->setToolTip(
            tr("splitUtf8: write each event in two pieces, split inside a multi-byte character."));
    m_lineEnd = createCombo(group, u"lineEndFaultCombo"_s, {u"LF"_s, u"CRLF"_s, u"CR"_s},
            tr("lineEnd: the line end the stream uses."));
    m_longLine = createSpin(group, u"longLineFaultSpin"_s, 0, Sse::StreamFaults::MaxLongLine,
            tr("off"), tr(" bytes"),
            tr("longLine: first send an event \"long-line\" with one data line this long."));
    m_reconnect = createSpin(group, u"reconnectFaultSpin"_s, -1, Sse::StreamFaults::MaxDelayMs,
            tr("off"), tr(" ms"),
            tr("reconnect: after the first event send \"event: reconnect\" with this delay."));
    m_faultRetry = createSpin(group, u"retryFaultSpin"_s, -1, SpinMax, tr("feed's"), tr(" ms"),
            tr("retry: the retry field at the start of the stream, over the feed's."));
    m_resetFaults = new QPushButton(tr("Reset Faults"), group);
    m_resetFaults->setObjectName(u"resetFaultsButton"_s);
    m_resetFaults->setToolTip(tr("Turn every fault off."));

    auto *form = createForm(group);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("Content &type:"), m_contentType);
    form->addRow(tr("Redirec&t:"), m_redirect);
    form->addRow(tr("Close after:"), m_closeAfter);
    form->addRow(tr("Cut after:"), m_cutAfter);
    form->addRow(tr("Stall:"), m_stall);
    form->addRow(tr("Dribble:"), m_dribble);
    form->addRow(m_splitUtf8);
    form->addRow(tr("Line end:"), m_lineEnd);
    form->addRow(tr("Long line:"), m_longLine);
    form->addRow(tr("Reconnect:"), m_reconnect);
    form->addRow(tr("Retry:"), m_faultRetry);
    form->addRow(m_resetFaults);

    const auto apply = [this] {
        applyFaults();
    };
    for (QSpinBox *spin : {m_status, m_closeAfter, m_cutAfter, m_stall, m_dribble, m_longLine,
                 m_reconnect, m_faultRetry})
        connect(spin, &QSpinBox::valueChanged, this, apply);
    for (QComboBox *combo : {m_redirect, m_lineEnd})
        connect(combo, &QComboBox::currentIndexChanged, this, apply);
    connect(m_contentType, &QLineEdit::textChanged, this, apply);
    connect(m_splitUtf8, &QCheckBox::toggled, this, apply);
    connect(m_resetFaults, &QPushButton::clicked, this,
            [this] { m_controller->setFaults(Sse::StreamFaults()); });
    return group;
}

QGroupBox *PublisherPanel::createSendGroup()
{
    auto *group = new QGroupBox(tr("Send"), this);
    m_sendChannel = createCombo(group, u"sendChannelCombo"_s, {}, tr("The channel to publish on."));
    m_sendType = createEdit(group, u"sendTypeEdit"_s, tr("the channel's type"),
            tr("The event field; empty takes the channel's type."));
    m_sendId = createEdit(group, u"sendIdEdit"_s, tr("automatic"),
            tr("The id field; empty takes the feed's next id."));
    m_sendRetry = createSpin(group, u"sendRetrySpin"_s, -1, SpinMax, tr("none"), tr(" ms"),
            tr("A retry field in this event."));
    m_sendData = new QPlainTextEdit(group);
    m_sendData->setObjectName(u"sendDataEdit"_s);
    m_sendData->setPlaceholderText(tr("Data; each line becomes a data line"));
    m_sendData->setTabChangesFocus(true);
    m_sendData->setFixedHeight(m_sendData->fontMetrics().lineSpacing() * 4 + 12);
    m_sendButton = new QPushButton(tr("Send"), group);
    m_sendButton->setObjectName(u"sendButton"_s);
    m_sendButton->setToolTip(tr("Publish the event now (Ctrl+Return)."));
    m_sendStatus = new QLabel(group);
    m_sendStatus->setObjectName(u"sendStatusLabel"_s);
    m_sendStatus->setWordWrap(true);

    auto *form = createForm(group);
    form->addRow(tr("C&hannel:"), m_sendChannel);
    form->addRow(tr("T&ype:"), m_sendType);
    form->addRow(tr("I&D:"), m_sendId);
    form->addRow(tr("Retr&y:"), m_sendRetry);
    form->addRow(tr("D&ata:"), m_sendData);
    form->addRow(m_sendButton);
    form->addRow(m_sendStatus);

    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), group);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &PublisherPanel::sendEvent);
    connect(m_sendButton, &QPushButton::clicked, this, &PublisherPanel::sendEvent);
    return group;
}

QGroupBox *PublisherPanel::createClientsGroup()
{
    auto *group = new QGroupBox(tr("Clients"), this);
    m_clients = new QTreeWidget(group);
    m_clients->setObjectName(u"clientsView"_s);
    m_clients->setColumnCount(ClientColumnCount);
    m_clients->setHeaderLabels({tr("Peer"), tr("Channel"), tr("Connected")});
    m_clients->setRootIsDecorated(false);
    m_clients->setUniformRowHeights(true);
    m_clients->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_clients->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_clients->setMinimumHeight(m_clients->fontMetrics().lineSpacing() * 6);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_clients);
    return group;
}

void PublisherPanel::connectController()
{
    PublisherController *c = m_controller;
    connect(c, &PublisherController::optionsChanged, this, &PublisherPanel::fillOptions);
    connect(c, &PublisherController::faultsChanged, this, &PublisherPanel::fillFaults);
    connect(c, &PublisherController::publisherChanged, this, [this](Sse::Publisher *publisher) {
        if (publisher)
            declareChannel(); // the chosen channel streams on the new publisher too
        else
            m_clients->clear();
    });
    connect(c, &PublisherController::channelsChanged, this, &PublisherPanel::refreshSendChannels);
    connect(c, &PublisherController::runningChanged, this, &PublisherPanel::updateServerState);
    connect(c, &PublisherController::errorStringChanged, this, &PublisherPanel::updateServerState);
    connect(c, &PublisherController::clientCountChanged, this, &PublisherPanel::updateServerState);
    connect(c, &PublisherController::clientConnected, this, &PublisherPanel::addClientRow);
    connect(c, &PublisherController::clientDisconnected, this, &PublisherPanel::removeClientRow);
}

// The controller's port and generator into the form; what the form cannot show (a value out of
// a box's range) goes back clamped.
void PublisherPanel::fillOptions()
{
    if (m_filling)
        return;
    const Sse::PublisherOptions &options = m_controller->options();
    const Sse::GeneratorSettings &generator = options.generator;
    m_filling = true;
    m_port->setValue(options.port);
    m_interval->setValue(int(std::min<qint64>(generator.interval.count(), MaxIntervalMs)));
    m_payload->setCurrentIndex(int(generator.payload));
    m_ids->setCurrentIndex(int(generator.ids));
    setTextIfChanged(m_eventName, QString::fromUtf8(generator.eventName));
    m_retry->setValue(
            generator.retry ? int(std::clamp<qint64>(generator.retry->count(), 0, SpinMax)) : -1);
    m_heartbeat->setValue(int(std::min<qint64>(generator.heartbeat.count(), MaxIntervalMs)));
    m_limit->setValue(generator.limit.value_or(0));
    m_filling = false;
    applyGenerator();
    updateChannelState();
    updateAddressWarning();
}

void PublisherPanel::updateAddressWarning()
{
    const QHostAddress address = m_controller->options().address;
    const bool exposed = !address.isLoopback();
    m_addressWarning->setText(exposed ? tr("Listens on %1, not only on loopback: anyone on the "
                                           "network can connect, read every channel and "
                                           "publish events.")
                                                .arg(address.toString())
                                      : QString());
    m_addressWarning->setVisible(exposed);
}

Sse::GeneratorSettings PublisherPanel::formGenerator() const
{
    Sse::GeneratorSettings generator;
    generator.interval = std::chrono::milliseconds(m_interval->value());
    generator.payload = Sse::GeneratorSettings::Payload(m_payload->currentIndex());
    generator.ids = Sse::GeneratorSettings::Ids(m_ids->currentIndex());
    generator.eventName = m_eventName->text().toUtf8();
    if (m_retry->value() >= 0)
        generator.retry = std::chrono::milliseconds(m_retry->value());
    generator.heartbeat = std::chrono::milliseconds(m_heartbeat->value());
    if (m_limit->value() > 0)
        generator.limit = m_limit->value();
    return generator;
}

Sse::StreamFaults PublisherPanel::formFaults() const
{
    Sse::StreamFaults faults;
    faults.status = optionalValue(m_status);
    faults.contentType = m_contentType->text().trimmed().toUtf8();
    if (faults.contentType.isEmpty())
        faults.contentType = QByteArray(); // null: the stream's own type
    if (m_redirect->currentIndex() != 0)
        faults.redirect = m_redirect->currentText().toInt();
    faults.closeAfter = m_closeAfter->value();
    faults.cutAfter = m_cutAfter->value();
    faults.stallMs = m_stall->value();
    faults.dribbleMs = m_dribble->value();
    faults.splitUtf8 = m_splitUtf8->isChecked();
    faults.lineEnd = Sse::Wire::LineEnd(m_lineEnd->currentIndex());
    faults.longLine = m_longLine->value();
    faults.reconnect = durationValue(m_reconnect);
    faults.retry = durationValue(m_faultRetry);
    return faults;
}

void PublisherPanel::fillFaults()
{
    if (m_filling)
        return;
    const Sse::StreamFaults &faults = m_controller->faults();
    m_filling = true;
    setOptionalValue(m_status, faults.status);
    setTextIfChanged(m_contentType, QString::fromUtf8(faults.contentType));
    m_redirect->setCurrentIndex(faults.redirect
                    ? std::max(0, m_redirect->findText(QString::number(*faults.redirect)))
                    : 0);
    m_closeAfter->setValue(faults.closeAfter);
    m_cutAfter->setValue(faults.cutAfter);
    m_stall->setValue(faults.stallMs);
    m_dribble->setValue(faults.dribbleMs);
    m_splitUtf8->setChecked(faults.splitUtf8);
    m_lineEnd->setCurrentIndex(int(faults.lineEnd));
    m_longLine->setValue(faults.longLine);
    setDurationValue(m_reconnect, faults.reconnect);
    setDurationValue(m_faultRetry, faults.retry);
    m_filling = false;
    applyFaults();
}

PublisherPanel::ChannelMode PublisherPanel::channelMode() const
{
    return ChannelMode(m_channelMode->currentIndex());
}

QByteArray PublisherPanel::channelName() const
{
    if (channelMode() == ChannelMode::Broadcast)
        return {};
    return m_channelName->text().trimmed().toUtf8();
}

void PublisherPanel::sendEvent()
{
    Sse::Publisher *publisher = m_controller->publisher();
    if (!publisher) {
        m_sendStatus->setText(tr("Start the publisher first."));
        return;
    }
    const QByteArray channel = m_sendChannel->currentData().toByteArray();
    const int retry = m_sendRetry->value();
    const QByteArray id = publisher->publish(channel, m_sendData->toPlainText().toUtf8(),
            m_sendType->text().toUtf8(), m_sendId->text().toUtf8(),
            retry >= 0 ? std::optional(std::chrono::milliseconds(retry)) : std::nullopt);
    const int clients = publisher->clientCount(channel);
    const QString to = tr("%n client(s)", nullptr, clients);
    m_sendStatus->setText(id.isEmpty() ? tr("Sent without id to %1.").arg(to)
                                       : tr("Sent id %1 to %2.").arg(QString::fromUtf8(id), to));
}

// Both go through m_filling: the controller's change signal must not refill the form that
// made the change.
void PublisherPanel::applyGenerator()
{
    if (m_filling)
        return;
    m_filling = true;
    m_controller->setGenerator(formGenerator());
    m_filling = false;
}

void PublisherPanel::applyFaults()
{
    if (m_filling)
        return;
    m_filling = true;
    m_controller->setFaults(formFaults());
    m_filling = false;
}

// The named channel chosen must exist for its URL to stream.
void PublisherPanel::declareChannel()
{
    updateChannelState();
    const QByteArray name = channelName();
    if (!name.isEmpty())
        m_controller->addChannel(name);
}

void PublisherPanel::requestOpenFeed()
{
    declareChannel();
    const QByteArray name = channelName();
    Q_EMIT openFeedRequested(m_controller->channelUrl(name),
            name.isEmpty() ? tr("Publisher broadcast")
                           : tr("Publisher %1").arg(QString::fromUtf8(name)));
}

void PublisherPanel::refreshSendChannels()
{
    const QByteArray current = m_sendChannel->currentData().toByteArray();
    m_sendChannel->clear();
    const QByteArrayList channels = m_controller->channels();
    for (const QByteArray &channel : channels)
        m_sendChannel->addItem(Sse::Publisher::pathOf(channel), channel);
    m_sendChannel->setCurrentIndex(std::max(0, m_sendChannel->findData(current)));
}

void PublisherPanel::updateServerState()
{
    const bool running = m_controller->isRunning();
    m_startButton->setText(running ? tr("Stop") : tr("Start"));
    m_startButton->setToolTip(running ? tr("End every stream and stop listening.")
                                      : tr("Listen on the port and start the feed."));
    m_port->setEnabled(!running);
    m_urlLabel->setText(running ? m_controller->publisher()->url().toString() : tr("not running"));
    m_clientCountLabel->setText(QString::number(m_controller->clientCount()));
    const QString error = m_controller->errorString();
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());
    m_sendButton->setEnabled(running);
    updateChannelState();
}

void PublisherPanel::updateChannelState()
{
    const bool named = channelMode() == ChannelMode::Named;
    m_channelName->setEnabled(named);
    const bool valid = !named || !channelName().isEmpty();
    m_channelUrlLabel->setText(valid ? m_controller->channelUrl(channelName()).toString()
                                     : tr("Type a channel name."));
    m_openFeedButton->setEnabled(valid);
}

void PublisherPanel::addClientRow(const QString &peer, const QByteArray &channel)
{
    auto *item = new QTreeWidgetItem(m_clients);
    item->setText(PeerColumn, peer);
    item->setText(ChannelColumn, Sse::Publisher::streamPath(channel));
    item->setData(ChannelColumn, Qt::UserRole, channel);
    const QDateTime now = QDateTime::currentDateTime();
    item->setText(ConnectedAtColumn, now.toString(u"HH:mm:ss"_s));
    item->setToolTip(ConnectedAtColumn, QLocale().toString(now, QLocale::LongFormat));
}

void PublisherPanel::removeClientRow(const QString &peer, const QByteArray &channel)
{
    for (int row = 0; row < m_clients->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_clients->topLevelItem(row);
        if (item->text(PeerColumn) == peer
                && item->data(ChannelColumn, Qt::UserRole).toByteArray() == channel) {
            delete item;
            return;
        }
    }
}
