// SPDX-License-Identifier: MIT
// CaptureDialog: the upstream, port, rules and TLS trust of a capture, or a running one's rules.
#pragma once

#include "sselib/capture/captureoptions.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
QT_END_NAMESPACE

/// Asks for the Sse::CaptureOptions of a capture to start (Mode::Start): the upstream URL
/// (checked with CaptureProxy::checkUpstream()), the port (0: any free one), the bind address,
/// the fault rules one per line (each read with parseCaptureRule(); empty lines and lines
/// starting with # are left out), a certificate file to trust for an https upstream, and
/// whether Host and Origin are rewritten. In Mode::EditRules (a capture runs) only the rules
/// can be changed. A wrong rule is named under the list ("rulesErrorLabel") as it is typed;
/// accept() refuses invalid input and says why in "errorLabel".
///
/// Object names: "upstreamEdit", "portBox", "bindEdit", "rulesEdit", "rulesErrorLabel",
/// "certificateEdit", "certificateButton", "rewriteHostBox", "rewriteOriginBox", "errorLabel",
/// "buttons".
class CaptureDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureDialog)

public:
    enum class Mode {
        Start,
        EditRules
    };
    Q_ENUM(Mode)

    explicit CaptureDialog(Mode mode, QWidget *parent = nullptr);
    ~CaptureDialog() override;

    [[nodiscard]] Mode mode() const { return m_mode; }

    /// Fills the form (the certificates are not shown: see setCertificateFile()).
    void setOptions(const Sse::CaptureOptions &options);
    /// The capture as entered; meaningful once validate() returned true.
    [[nodiscard]] Sse::CaptureOptions options() const;

    /// The file whose certificates are trusted; empty: only the system's.
    void setCertificateFile(const QString &fileName);
    [[nodiscard]] QString certificateFile() const;

    /// The rules as typed, one a line.
    [[nodiscard]] QString rulesText() const;

    /// Checks the form; false with errorText() set (and the offending field focused).
    [[nodiscard]] bool validate();
    [[nodiscard]] QString errorText() const;

    /// Reads the rules' text (one a line; empty and # lines left out); on a wrong rule,
    /// false with `error` naming its line.
    [[nodiscard]] static bool parseRules(
            const QString &text, QList<Sse::CaptureRule> *rules, QString *error);

public Q_SLOTS:
    void accept() override;

private:
    void createForm();
    void checkRules();
    void chooseCertificate();
    [[nodiscard]] bool fail(QWidget *field, const QString &text);

    Mode m_mode;
    QLineEdit *m_upstream = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_bind = nullptr;
    QPlainTextEdit *m_rules = nullptr;
    QLabel *m_rulesError = nullptr;
    QLineEdit *m_certificate = nullptr;
    QCheckBox *m_rewriteHost = nullptr;
    QCheckBox *m_rewriteOrigin = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Sse::CaptureOptions m_options; ///< as validate() read it
};
