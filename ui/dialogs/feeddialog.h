// SPDX-License-Identifier: MIT
// FeedDialog: adds, edits or duplicates one feed's FeedConfig.
#pragma once

#include "ui/models/feed.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
QT_END_NAMESPACE

/// The full editor for one FeedConfig, in four tabs: General (name, URL, LLM stream), Request
/// (method, body, headers, Last-Event-ID, credentials), Reconnect (policy, times, attempts) and
/// Advanced (TLS, compression, log capacity). Values of secret headers are masked unless "Show
/// secret values" is ticked, and edited with a password field; a secret header whose value was
/// not remembered (FeedConfig::missingSecrets) is a row that says it needs one, and stays
/// missing until one is typed. accept() (also Ctrl+Return) refuses invalid input and says why in
/// the "errorLabel".
///
/// Every field has an object name, for tests and tools: "tabs", "buttons", "nameEdit", "urlEdit",
/// "llmBox"; "methodBox", "bodyEdit", "headersTable", "addHeaderButton", "removeHeaderButton",
/// "showSecretsBox", "rememberSecretsBox", "lastEventIdEdit", "credentialsBox"; "policyBox",
/// "reinitDelayBox" (s), "backoffFactorBox", "backoffCapBox" (s), "maxAttemptsBox" (0: never),
/// "obeyReconnectBox", "reconnectionTimeBox" (ms), "idleTimeoutBox" (s, 0: off); "tlsBox"
/// (index 0: verify certificates, 1: ignore TLS errors), "compressionBox", "logCapacityBox".
class FeedDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedDialog)

public:
    enum class Mode {
        Add,
        Edit,
        Duplicate
    };
    Q_ENUM(Mode)

    /// Entries of the "policyBox", in order; each item's data is its value.
    enum class Policy {
        Standard,
        ManualReinit,
        Backoff,
        BackoffThenReinit ///< both set: backoff, and after maxAttempts a fresh connection
    };
    Q_ENUM(Policy)

    /// Where the headers table keeps a value; its display text may be the mask.
    static constexpr int HeaderValueRole = Qt::UserRole + 1;

    explicit FeedDialog(Mode mode, QWidget *parent = nullptr);
    ~FeedDialog() override;

    [[nodiscard]] Mode mode() const { return m_mode; }

    /// Fills the form; in Duplicate mode the name becomes "<name> (copy)".
    void setConfig(const FeedConfig &config);

    /// The feed as entered; meaningful once validate() returned true. Options the form does not
    /// show (jitter, healthy-after, redirects, size limits, ...) are those given to setConfig().
    [[nodiscard]] FeedConfig config() const;

    /// Checks the form; false with errorText() set (and the offending field shown) otherwise.
    [[nodiscard]] bool validate();

    [[nodiscard]] QString errorText() const;

    /// Disables "rememberSecretsBox" and says `reason` in its tooltip (no keychain); an empty
    /// reason enables it again.
    void setRememberUnavailable(const QString &reason);

public Q_SLOTS:
    void accept() override;

private:
    QWidget *createGeneralPage();
    QWidget *createRequestPage();
    QWidget *createReconnectPage();
    QWidget *createAdvancedPage();
    int appendHeaderRow(const QByteArray &name, const QByteArray &value);
    void addHeader();
    void removeSelectedHeaders();
    void refreshHeaderRow(int row);
    void refreshHeaderRows();
    /// A secret header whose value was not remembered (setConfig()'s missingSecrets).
    [[nodiscard]] bool isMissingSecret(const QByteArray &name) const;
    void updateEnabled();
    void showError(const QString &text, QWidget *field);

    Mode m_mode;
    FeedConfig m_base; ///< what setConfig() gave, for the options the form does not show
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QCheckBox *m_llm = nullptr;
    QComboBox *m_method = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QTableWidget *m_headers = nullptr;
    QPushButton *m_addHeader = nullptr;
    QPushButton *m_removeHeader = nullptr;
    QCheckBox *m_showSecrets = nullptr;
    QCheckBox *m_rememberSecrets = nullptr;
    QLineEdit *m_lastEventId = nullptr;
    QCheckBox *m_credentials = nullptr;
    QComboBox *m_policy = nullptr;
    QDoubleSpinBox *m_reinitDelay = nullptr;
    QDoubleSpinBox *m_backoffFactor = nullptr;
    QDoubleSpinBox *m_backoffCap = nullptr;
    QSpinBox *m_maxAttempts = nullptr;
    QCheckBox *m_obeyReconnect = nullptr;
    QSpinBox *m_reconnectionTime = nullptr;
    QDoubleSpinBox *m_idleTimeout = nullptr;
    QComboBox *m_tls = nullptr;
    QCheckBox *m_compression = nullptr;
    QSpinBox *m_logCapacity = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
