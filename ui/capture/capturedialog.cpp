// SPDX-License-Identifier: MIT
// CaptureDialog: the upstream, port, rules and TLS trust of a capture, or a running one's rules.
#include "capturedialog.h"

#include "sselib/capture/captureproxy.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSslCertificate>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

CaptureDialog::CaptureDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
{
    setWindowTitle(mode == Mode::Start ? tr("Capture") : tr("Edit Capture Rules"));
    createForm();
    const bool start = mode == Mode::Start;
    for (QWidget *field : {static_cast<QWidget *>(m_upstream), static_cast<QWidget *>(m_port),
                 static_cast<QWidget *>(m_bind), static_cast<QWidget *>(m_certificate),
                 static_cast<QWidget *>(m_rewriteHost), static_cast<QWidget *>(m_rewriteOrigin)})
        field->setEnabled(start);
    if (auto *button = findChild<QPushButton *>(u"certificateButton"_s))
        button->setEnabled(start);
    m_buttons->button(QDialogButtonBox::Ok)->setText(start ? tr("Start") : tr("Apply"));
    setOptions({});
    (start ? static_cast<QWidget *>(m_upstream) : m_rules)->setFocus();
}

CaptureDialog::~CaptureDialog() = default;

void CaptureDialog::createForm()
{
    m_upstream = new QLineEdit(this);
    m_upstream->setObjectName(u"upstreamEdit"_s);
    m_upstream->setPlaceholderText(u"http://127.0.0.1:8080/"_s);
    m_upstream->setToolTip(tr("The server the app's requests go to (http or https, with an "
                              "optional base path)"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"portBox"_s);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_bind = new QLineEdit(this);
    m_bind->setObjectName(u"bindEdit"_s);
    m_rules = new QPlainTextEdit(this);
    m_rules->setObjectName(u"rulesEdit"_s);
    m_rules->setPlaceholderText(u"delay=200\ncut=5,match=/events*\ndrop=ping"_s);
    m_rules->setToolTip(tr("One fault rule a line, as ssedash-cli proxy --fault takes them"));
    m_rules->setTabChangesFocus(true);
    m_rulesError = new QLabel(this);
    m_rulesError->setObjectName(u"rulesErrorLabel"_s);
    m_rulesError->setWordWrap(true);
    m_rulesError->setStyleSheet(u"color: #c62828;"_s);
    m_certificate = new QLineEdit(this);
    m_certificate->setObjectName(u"certificateEdit"_s);
    m_certificate->setPlaceholderText(tr("only the system's certificates"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    browse->setObjectName(u"certificateButton"_s);
    auto *certificateRow = new QHBoxLayout;
    certificateRow->addWidget(m_certificate, 1);
    certificateRow->addWidget(browse);
    m_rewriteHost = new QCheckBox(tr("Send the upstream's host as Host"), this);
    m_rewriteHost->setObjectName(u"rewriteHostBox"_s);
    m_rewriteOrigin = new QCheckBox(tr("Replace Origin with the upstream's origin"), this);
    m_rewriteOrigin->setObjectName(u"rewriteOriginBox"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Upstream:"), m_upstream);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Bind address:"), m_bind);
    form->addRow(tr("&Rules:"), m_rules);
    form->addRow(QString(), m_rulesError);
    // A row that is a layout gets no buddy from addRow(): the label names its field itself.
    auto *certificateLabel = new QLabel(tr("&Trusted certificate:"), this);
    certificateLabel->setBuddy(m_certificate);
    form->addRow(certificateLabel, certificateRow);
    form->addRow(QString(), m_rewriteHost);
    form->addRow(QString(), m_rewriteOrigin);

    m_error = new QLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"buttons"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_rules, &QPlainTextEdit::textChanged, this, &CaptureDialog::checkRules);
    connect(browse, &QPushButton::clicked, this, &CaptureDialog::chooseCertificate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CaptureDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CaptureDialog::reject);
}

void CaptureDialog::setOptions(const Sse::CaptureOptions &options)
{
    m_options = options;
    m_upstream->setText(options.upstream.toString());
    m_port->setValue(options.port);
    m_bind->setText(options.bindAddress.toString());
    QStringList lines;
    for (const Sse::CaptureRule &rule : options.rules)
        lines.append(rule.toString());
    m_rules->setPlainText(lines.join(u'\n'));
    m_rewriteHost->setChecked(options.rewriteHost);
    m_rewriteOrigin->setChecked(options.rewriteOrigin);
    checkRules();
}

Sse::CaptureOptions CaptureDialog::options() const
{
    return m_options;
}

void CaptureDialog::setCertificateFile(const QString &fileName)
{
    m_certificate->setText(QDir::toNativeSeparators(fileName));
}

QString CaptureDialog::certificateFile() const
{
    return QDir::fromNativeSeparators(m_certificate->text().trimmed());
}

QString CaptureDialog::rulesText() const
{
    return m_rules->toPlainText();
}

bool CaptureDialog::parseRules(const QString &text, QList<Sse::CaptureRule> *rules, QString *error)
{
    rules->clear();
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const Sse::CaptureRuleResult result = Sse::parseCaptureRule(line);
        if (!result.ok) {
            *error = tr("Line %1: %2").arg(i + 1).arg(result.error);
            return false;
        }
        rules->append(result.rule);
    }
    return true;
}

void CaptureDialog::checkRules()
{
    QList<Sse::CaptureRule> rules;
    QString error;
    const bool ok = parseRules(m_rules->toPlainText(), &rules, &error);
    m_rulesError->setText(ok ? QString() : error);
    m_rulesError->setVisible(!ok);
}

void CaptureDialog::chooseCertificate()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Trusted Certificate"),
            certificateFile(), tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (!file.isEmpty())
        setCertificateFile(file);
}

bool CaptureDialog::fail(QWidget *field, const QString &text)
{
    m_error->setText(text);
    m_error->show();
    field->setFocus();
    return false;
}

bool CaptureDialog::validate()
{
    Sse::CaptureOptions options = m_options;
    QString error;
    if (!parseRules(m_rules->toPlainText(), &options.rules, &error))
        return fail(m_rules, error);
    if (m_mode == Mode::Start) {
        options.upstream = QUrl::fromUserInput(m_upstream->text().trimmed());
        if (m_upstream->text().trimmed().isEmpty())
            return fail(m_upstream, tr("Enter the upstream URL."));
        if (const std::optional<QString> why = Sse::CaptureProxy::checkUpstream(options.upstream))
            return fail(m_upstream, *why);
        options.port = quint16(m_port->value());
        options.bindAddress = QHostAddress(m_bind->text().trimmed());
        if (options.bindAddress.isNull())
            return fail(m_bind, tr("\"%1\" is not an IP address.").arg(m_bind->text().trimmed()));
        options.trustedCertificates.clear();
        if (const QString file = certificateFile(); !file.isEmpty()) {
            options.trustedCertificates = QSslCertificate::fromPath(file, QSsl::Pem);
            if (options.trustedCertificates.isEmpty())
                options.trustedCertificates = QSslCertificate::fromPath(file, QSsl::Der);
            if (options.trustedCertificates.isEmpty()) {
                return fail(m_certificate,
                        tr("No certificate could be read from %1.")
                                .arg(QDir::toNativeSeparators(file)));
            }
        }
        options.rewriteHost = m_rewriteHost->isChecked();
        options.rewriteOrigin = m_rewriteOrigin->isChecked();
    }
    m_options = options;
    m_error->clear();
    m_error->hide();
    return true;
}

QString CaptureDialog::errorText() const
{
    return m_error->text();
}

void CaptureDialog::accept()
{
    if (validate())
        QDialog::accept();
}
