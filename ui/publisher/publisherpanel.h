// SPDX-License-Identifier: MIT
// PublisherPanel: start, configure and watch the built-in test publisher (a controller's view).
#pragma once

#include "sselib/publisher/publisheroptions.h"
#include "sselib/publisher/streamfaults.h"

#include <QUrl>
#include <QWidget>

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

class PublisherController;

/// A view of a PublisherController as a form that fits a narrow dock: Server (port, Start/Stop,
/// URL, clients; a warning when the address is not loopback), Channel (broadcast /events or a named
/// /events/NAME, "Open Feed"), Feed (the generator: interval, payload, ids, event name, retry,
/// heartbeat, limit), Faults (Sse::StreamFaults for every new stream), Send (one custom event) and
/// Clients (who is connected to what, since when). The form writes every change to the controller,
/// which applies generator and fault changes to a running publisher at once and the port on the
/// next start; the form follows the controller's options and faults. Each child widget has an
/// objectName.
class PublisherPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublisherPanel)

public:
    /// The channel the "Channel" group points at; the index of channelModeCombo.
    enum class ChannelMode {
        Broadcast, ///< /events
        Named ///< /events/NAME
    };
    Q_ENUM(ChannelMode)

    /// Columns of clientsView.
    enum ClientColumn {
        PeerColumn,
        ChannelColumn,
        ConnectedAtColumn,
        ClientColumnCount
    };

    /// A view of `controller`, which outlives it.
    explicit PublisherPanel(PublisherController *controller, QWidget *parent = nullptr);
    ~PublisherPanel() override;

Q_SIGNALS:
    /// "Open Feed": the user wants a feed on the chosen channel, `name` suggests its title.
    void openFeedRequested(const QUrl &url, const QString &name);

private:
    QGroupBox *createServerGroup();
    QGroupBox *createChannelGroup();
    QGroupBox *createGeneratorGroup();
    QGroupBox *createFaultsGroup();
    QGroupBox *createSendGroup();
    QGroupBox *createClientsGroup();
    void connectController();
    [[nodiscard]] ChannelMode channelMode() const;
    [[nodiscard]] QByteArray channelName() const;
    [[nodiscard]] Sse::GeneratorSettings formGenerator() const;
    [[nodiscard]] Sse::StreamFaults formFaults() const;
    void fillOptions();
    void fillFaults();
    void applyGenerator();
    void applyFaults();
    void declareChannel();
    void requestOpenFeed();
    void sendEvent();
    void refreshSendChannels();
    void updateServerState();
    void updateChannelState();
    void updateAddressWarning();
    void addClientRow(const QString &peer, const QByteArray &channel);
    void removeClientRow(const QString &peer, const QByteArray &channel);

    PublisherController *const m_controller;
    bool m_filling = false; ///< the form is being filled in code: apply nothing

    QSpinBox *m_port = nullptr;
    QPushButton *m_startButton = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_clientCountLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_addressWarning = nullptr; ///< shown when the address is not loopback

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
