// SPDX-License-Identifier: MIT
// PublisherController: the built-in publisher's life, options and faults.
#include "publishercontroller.h"

#include "publishersettings.h"

#include "sselib/publisher/publisher.h"

PublisherController::PublisherController(QObject *parent)
    : QObject(parent)
{ }

PublisherController::~PublisherController()
{
    // The publisher's last signals must not reach a half-destroyed controller.
    if (m_publisher)
        m_publisher->disconnect(this);
}

void PublisherController::setOptions(const Sse::PublisherOptions &options)
{
    if (options == m_options)
        return;
    const bool generatorChanged = options.generator != m_options.generator;
    m_options = options;
    if (m_publisher && generatorChanged)
        m_publisher->setGenerator(m_options.generator);
    Q_EMIT optionsChanged();
}

void PublisherController::setPort(quint16 port)
{
    Sse::PublisherOptions options = m_options;
    options.port = port;
    setOptions(options);
}

void PublisherController::setGenerator(const Sse::GeneratorSettings &generator)
{
    Sse::PublisherOptions options = m_options;
    options.generator = generator;
    setOptions(options);
}

void PublisherController::setFaults(const Sse::StreamFaults &faults)
{
    if (faults == m_faults)
        return;
    m_faults = faults;
    if (m_publisher)
        m_publisher->setDefaultFaults(m_faults);
    Q_EMIT faultsChanged();
}

bool PublisherController::restoreSettings(QSettings &settings)
{
    Sse::PublisherOptions options = m_options;
    if (!PublisherSettingsStore::load(settings, &options))
        return false;
    setOptions(options);
    return true;
}

void PublisherController::saveSettings(QSettings &settings) const
{
    PublisherSettingsStore::save(settings, m_options);
}

bool PublisherController::isRunning() const
{
    return m_publisher && m_publisher->isListening();
}

QByteArrayList PublisherController::channels() const
{
    return m_publisher ? m_publisher->channels() : QByteArrayList();
}

void PublisherController::addChannel(const QByteArray &name)
{
    if (!m_publisher || m_publisher->channels().contains(name))
        return;
    m_publisher->addChannel(name);
    Q_EMIT channelsChanged();
}

QUrl PublisherController::channelUrl(const QByteArray &channel) const
{
    if (m_publisher)
        return m_publisher->channelUrl(channel);
    return Sse::Publisher::urlOf(
            m_options.address, m_options.port, Sse::Publisher::pathOf(channel));
}

int PublisherController::clientCount() const
{
    return m_publisher ? m_publisher->clientCount() : 0;
}

bool PublisherController::start()
{
    if (isRunning())
        return true;
    auto publisher = std::make_unique<Sse::Publisher>(m_options);
    publisher->setDefaultFaults(m_faults);
    if (!publisher->listen()) {
        setError(publisher->errorString());
        return false;
    }
    setError({});
    m_publisher = std::move(publisher);
    Sse::Publisher *p = m_publisher.get();
    connect(p, &Sse::Publisher::clientCountChanged, this, &PublisherController::clientCountChanged);
    connect(p, &Sse::Publisher::clientConnected, this, &PublisherController::clientConnected);
    connect(p, &Sse::Publisher::clientDisconnected, this, &PublisherController::clientDisconnected);
    Q_EMIT publisherChanged(p);
    Q_EMIT channelsChanged();
    Q_EMIT runningChanged(true);
    return true;
}

void PublisherController::stop()
{
    if (!m_publisher)
        return;
    m_publisher->close(); // every client leaves through clientDisconnected
    const std::unique_ptr<Sse::Publisher> old = std::move(m_publisher);
    old->disconnect(this);
    Q_EMIT publisherChanged(nullptr);
    Q_EMIT channelsChanged();
    Q_EMIT runningChanged(false);
}

bool PublisherController::restart()
{
    stop();
    return start();
}

void PublisherController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged(m_error);
}
