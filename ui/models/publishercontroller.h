// SPDX-License-Identifier: MIT
// PublisherController: the built-in publisher the dashboard runs, without a widget.
#pragma once

#include "sselib/publisher/publisher.h" // complete: publisherChanged() carries one to QVariant
#include "sselib/publisher/publisheroptions.h"
#include "sselib/publisher/streamfaults.h"

#include <QObject>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

/// Owns the dashboard's Sse::Publisher: starts, stops and restarts it with the options and
/// faults it keeps, applies generator and fault changes to the running publisher at once (the
/// address, port, CORS, channels and history on the next start), and passes on its clients
/// coming and going. PublisherPanel is its view; MainWindow creates it.
class PublisherController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublisherController)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)

public:
    explicit PublisherController(QObject *parent = nullptr);
    ~PublisherController() override;

    /// The options of the next start(); generator changes also apply to the running publisher.
    [[nodiscard]] const Sse::PublisherOptions &options() const { return m_options; }

    void setOptions(const Sse::PublisherOptions &options);
    void setPort(quint16 port);
    void setGenerator(const Sse::GeneratorSettings &generator);

    /// The faults every new stream gets (Sse::Publisher::setDefaultFaults()).
    [[nodiscard]] const Sse::StreamFaults &faults() const { return m_faults; }

    void setFaults(const Sse::StreamFaults &faults);

    /// Reads and writes the options in QSettings (see PublisherSettingsStore); restore is false,
    /// with the options unchanged, when nothing was saved.
    bool restoreSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;

    [[nodiscard]] bool isRunning() const;

    /// The running publisher, or null; a new one on every start (see publisherChanged()).
    [[nodiscard]] Sse::Publisher *publisher() const { return m_publisher.get(); }

    /// Why the last start() failed; empty after a successful one.
    [[nodiscard]] QString errorString() const { return m_error; }

    /// The running publisher's channels ("" first), or none while it is stopped.
    [[nodiscard]] QByteArrayList channels() const;
    /// Declares the named channel `name` on the running publisher (the next start serves the
    /// options' channels); does nothing while stopped.
    void addChannel(const QByteArray &name);
    /// The URL of `channel`: on the running publisher, or else where the options would put it
    /// (without a port when the port is 0, any free one).
    [[nodiscard]] QUrl channelUrl(const QByteArray &channel) const;
    /// The running publisher's clients, 0 while stopped.
    [[nodiscard]] int clientCount() const;

public Q_SLOTS:
    /// Creates a publisher from the options and faults and listens; false, with errorString(),
    /// when it cannot (the port is taken, ...). True when it runs.
    bool start();
    /// Ends every stream and deletes the publisher.
    void stop();
    /// stop(), then start() with the current options: a new port, address or channels apply.
    bool restart();

Q_SIGNALS:
    void runningChanged(bool running);
    /// The new publisher after a start, nullptr after a stop (the old one is still alive then).
    void publisherChanged(Sse::Publisher *publisher);
    void optionsChanged();
    void faultsChanged();
    void errorStringChanged(const QString &error);
    /// The running publisher's channels changed: started, stopped or one added.
    void channelsChanged();
    void clientCountChanged(int count);
    void clientConnected(const QString &peer, const QByteArray &channel);
    void clientDisconnected(const QString &peer, const QByteArray &channel);

private:
    void setError(const QString &error);

    Sse::PublisherOptions m_options;
    Sse::StreamFaults m_faults;
    std::unique_ptr<Sse::Publisher> m_publisher;
    QString m_error;
};
