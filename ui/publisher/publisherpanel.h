// SPDX-License-Identifier: MIT
// PublisherPanel: start, configure and watch the built-in test publisher.
#pragma once

#include "sselib/publisher/publisher.h"
#include "sselib/publisher/publisheroptions.h"
#include "sselib/publisher/streamfaults.h"

#include <QUrl>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;
QT_END_NAMESPACE

/// The built-in Sse::Publisher as a form that fits a narrow dock: Server (port, Start/Stop, URL,
/// clients), Channel (broadcast /events or a named /events/NAME, "Open Feed"), Feed (interval,
/// payload, ids, event name, retry, heartbeat, limit), Faults (Sse::StreamFaults for every new
/// stream), Send (one custom event) and Clients (who is connected to what, since when). Feed and
/// fault changes apply at once to a running publisher; the port applies on the next start.
class PublisherPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublisherPanel)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)

public:
    /// The channel the "Channel" group points at; the index of channelModeCombo().
    enum class ChannelMode {
        Broadcast, ///< /events
        Named ///< /events/NAME
    };
    Q_ENUM(ChannelMode)

    /// Columns of clientsView().
    enum ClientColumn {
        PeerColumn,
        ChannelColumn,
        ConnectedAtColumn,
        ClientColumnCount
    };

    explicit PublisherPanel(QWidget *parent = nullptr);
    ~PublisherPanel() override;

    /// Fills the form (port, feed); the other options (address, CORS, channels, history) are
    /// kept as they are for the next start().
    void setOptions(const Sse::PublisherOptions &options);
    /// The options the next start() uses: those of setOptions() with the form's port and feed,
    /// and the named channel of the Channel group declared.
    [[nodiscard]] Sse::PublisherOptions options() const;
    /// The feed part of the form.
    [[nodiscard]] Sse::FeedSettings feedSettings() const;
    /// The Faults group, as the publisher applies it to every new stream.
    [[nodiscard]] Sse::StreamFaults faults() const;
    /// Fills the Faults group (and applies it when running).
    void setFaults(const Sse::StreamFaults &faults);

    [[nodiscard]] bool isRunning() const;
    /// The running publisher, or null; replaced on every start (see publisherChanged()).
    [[nodiscard]] Sse::Publisher *publisher() const;
    /// Why the last start() failed; empty after a successful one.
    [[nodiscard]] QString errorString() const;

    [[nodiscard]] ChannelMode channelMode() const;
    void setChannelMode(ChannelMode mode);
    /// The channel the Channel group names: empty for broadcast, else the name typed.
    [[nodiscard]] QByteArray channelName() const;
    /// The URL of that channel: on the running publisher, or else on the port of the form
    /// (none when it is 0, any free port).
    [[nodiscard]] QUrl channelUrl() const;

    // The child widgets, for tests and keyboard users; each has the objectName in brackets.
    [[nodiscard]] QSpinBox *portSpin() const { return m_port; } // portSpin

    [[nodiscard]] QPushButton *startButton() const { return m_startButton; } // startButton

    [[nodiscard]] QLabel *urlLabel() const { return m_urlLabel; } // urlLabel

    [[nodiscard]] QLabel *clientCountLabel() const
    {
        return m_clientCountLabel;
    } // clientCountLabel

    [[nodiscard]] QLabel *errorLabel() const { return m_errorLabel; } // errorLabel

    [[nodiscard]] QComboBox *channelModeCombo() const { return m_channelMode; } // channelModeCombo

    [[nodiscard]] QLineEdit *channelNameEdit() const { return m_channelName; } // channelNameEdit

    [[nodiscard]] QPushButton *openFeedButton() const { return m_openFeedButton; } // openFeedButton

    [[nodiscard]] QSpinBox *intervalSpin() const { return m_interval; } // intervalSpin

    [[nodiscard]] QComboBox *payloadCombo() const { return m_payload; } // payloadCombo

    [[nodiscard]] QComboBox *idsCombo() const { return m_ids; } // idsCombo

    [[nodiscard]] QLineEdit *eventNameEdit() const { return m_eventName; } // eventNameEdit

    [[nodiscard]] QSpinBox *retrySpin() const { return m_retry; } // retrySpin

    [[nodiscard]] QSpinBox *heartbeatSpin() const { return m_heartbeat; } // heartbeatSpin

    [[nodiscard]] QSpinBox *limitSpin() const { return m_limit; } // limitSpin

    [[nodiscard]] QSpinBox *statusFaultSpin() const { return m_status; } // statusFaultSpin

    [[nodiscard]] QLineEdit *contentTypeFaultEdit() const { return m_contentType; }

    [[nodiscard]] QComboBox *redirectFaultCombo() const { return m_redirect; }

    [[nodiscard]] QPushButton *resetFaultsButton() const { return m_resetFaults; }

    [[nodiscard]] QComboBox *sendChannelCombo() const { return m_sendChannel; } // sendChannelCombo

    [[nodiscard]] QLineEdit *sendTypeEdit() const { return m_sendType; } // sendTypeEdit

    [[nodiscard]] QLineEdit *sendIdEdit() const { return m_sendId; } // sendIdEdit

    [[nodiscard]] QSpinBox *sendRetrySpin() const { return m_sendRetry; } // sendRetrySpin

    [[nodiscard]] QPlainTextEdit *sendDataEdit() const { return m_sendData; } // sendDataEdit

    [[nodiscard]] QPushButton *sendButton() const { return m_sendButton; } // sendButton

    [[nodiscard]] QLabel *sendStatusLabel() const { return m_sendStatus; } // sendStatusLabel

    [[nodiscard]] QTreeWidget *clientsView() const { return m_clients; } // clientsView

public Q_SLOTS:
    /// Creates a publisher from the form and listens; false (and the reason shown in the panel
    /// and in errorString()) when it cannot, e.g. when the port is taken. True when running.
    bool start();
    /// Ends every stream and deletes the publisher.
    void stop();
    /// Publishes the Send form's event; the id used and the channel's client count show in
    /// sendStatusLabel(). Returns the id (empty when not running or the feed has no ids).
    QByteArray sendEvent();
    /// Turns every fault off.
    void resetFaults();

Q_SIGNALS:
    void runningChanged(bool running);
    /// The new publisher after a start, nullptr after a stop (the old one is still alive then).
    void publisherChanged(Sse::Publisher *publisher);
    /// "Open Feed": the user wants a feed on the chosen channel, `name` suggests its title.
    void openFeedRequested(const QUrl &url, const QString &name);

private:
    QGroupBox *createServerGroup();
    QGroupBox *createChannelGroup();
    QGroupBox *createFeedGroup();
    QGroupBox *createFaultsGroup();
    QGroupBox *createSendGroup();
    QGroupBox *createClientsGroup();
    void applyFeed();
    void applyFaults();
    void declareChannel();
    void requestOpenFeed();
    void refreshSendChannels();
    void updateServerState();
    void updateChannelState();
    void addClientRow(const QString &peer, const QByteArray &channel);
    void removeClientRow(const QString &peer, const QByteArray &channel);

    std::unique_ptr<Sse::Publisher> m_publisher;
    Sse::PublisherOptions m_options; ///< what the form does not show
    QString m_error;
    bool m_filling = false; ///< the form is being filled in code: apply nothing

    QSpinBox *m_port = nullptr;
    QPushButton *m_startButton = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_clientCountLabel = nullptr;
    QLabel *m_errorLabel = nullptr;

    QComboBox *m_channelMode = nullptr;
    QLineEdit *m_channelName = nullptr;
    QLabel *m_channelUrlLabel = nullptr;
    QPushButton *m_openFeedButton = nullptr;

    QSpinBox *m_interval = nullptr;
    QComboBox *m_payload = nullptr;
    QComboBox *m_ids = nullptr;
    QLineEdit *m_eventName = nullptr;
    QSpinBox *m_retry = nullptr;
    QSpinBox *m_heartbeat = nullptr;
    QSpinBox *m_limit = nullptr;

    QSpinBox *m_status = nullptr;
    QLineEdit *m_contentType = nullptr;
    QComboBox *m_redirect = nullptr;
    QSpinBox *m_closeAfter = nullptr;
    QSpinBox *m_cutAfter = nullptr;
    QSpinBox *m_stall = nullptr;
    QSpinBox *m_dribble = nullptr;
    QCheckBox *m_splitUtf8 = nullptr;
    QComboBox *m_lineEnd = nullptr;
    QSpinBox *m_longLine = nullptr;
    QSpinBox *m_reconnect = nullptr;
    QSpinBox *m_faultRetry = nullptr;
    QPushButton *m_resetFaults = nullptr;

    QComboBox *m_sendChannel = nullptr;
    QLineEdit *m_sendType = nullptr;
    QLineEdit *m_sendId = nullptr;
    QSpinBox *m_sendRetry = nullptr;
    QPlainTextEdit *m_sendData = nullptr;
    QPushButton *m_sendButton = nullptr;
    QLabel *m_sendStatus = nullptr;

    QTreeWidget *m_clients = nullptr;
};
