// SPDX-License-Identifier: MIT
// The form that adds a feed.
#include "addfeeddialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

AddFeedDialog::AddFeedDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_method(new QComboBox(this))
    , m_body(new QPlainTextEdit(this))
    , m_headers(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Add Feed"));
    m_name->setPlaceholderText(tr("Taken from the URL when empty"));
    m_url->setPlaceholderText(u"https://example.com/events"_s);
    m_method->addItems({u"GET"_s, u"POST"_s});
    m_body->setPlaceholderText(tr("Request body (sent when not empty)"));
    m_headers->setPlaceholderText(tr("One header a line: Name: value"));
    m_body->setFixedHeight(m_body->fontMetrics().lineSpacing() * 4 + 12);
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 4 + 12);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Body:"), m_body);
    form->addRow(tr("&Headers:"), m_headers);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AddFeedDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddFeedDialog::reject);
    connect(m_url, &QLineEdit::textEdited, m_error, &QWidget::hide);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

AddFeedDialog::~AddFeedDialog() = default;

FeedConfig AddFeedDialog::config() const
{
    FeedConfig config;
    config.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    config.name = m_name->text().trimmed();
    if (config.name.isEmpty())
        config.name = config.url.host() + config.url.path();
    config.options.method = m_method->currentText().toLatin1();
    config.options.body = m_body->toPlainText().toUtf8();
    const QStringList lines = m_headers->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        config.options.headers.append(
                {line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return config;
}

bool AddFeedDialog::validate()
{
    const QString text = m_url->text().trimmed();
    const QUrl url(text, QUrl::StrictMode);
    if (text.isEmpty()) {
        showError(tr("Enter the URL of the feed."));
        return false;
    }
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)
            || url.host().isEmpty()) {
        showError(tr("\"%1\" is not an http or https URL.").arg(text));
        return false;
    }
    const QStringList lines = m_headers->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty() && line.indexOf(u':') <= 0) {
            showError(tr("The header line \"%1\" has no \"Name: value\".").arg(line));
            return false;
        }
    }
    m_error->clear();
    m_error->hide();
    return true;
}

QString AddFeedDialog::errorText() const
{
    return m_error->text();
}

void AddFeedDialog::accept()
{
    if (validate())
        QDialog::accept();
}

void AddFeedDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    m_url->setFocus(Qt::OtherFocusReason);
}
