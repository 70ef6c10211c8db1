// SPDX-License-Identifier: MIT
// The form that adds, edits or duplicates a feed.
#include "feeddialog.h"

#include "sselib/headers.h"
#include "sselib/secrets.h"
#include "ui/models/feedsettings.h"
#include "ui/widgets/wheelguard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int NameColumn = 0;
constexpr int ValueColumn = 1;
constexpr double MaxSeconds = 24 * 60 * 60;

bool isSecretName(const QString &name)
{
    return Sse::Secrets::isSecretHeader(name.trimmed().toLatin1());
}

bool isSecretRow(const QModelIndex &index)
{
    return isSecretName(index.siblingAtColumn(NameColumn).data().toString());
}

// What the table shows for a value: the fixed-length mask for a hidden, non-empty secret.
QString shownValue(const QString &value, bool secret, bool reveal)
{
    return secret && !reveal && !value.isEmpty() ? Sse::Secrets::maskedValue() : value;
}

bool isGet(const QString &method)
{
    return method.trimmed().compare("GET"_L1, Qt::CaseInsensitive) == 0;
}

double toSeconds(std::chrono::milliseconds ms)
{
    return double(ms.count()) / 1000.0;
}

std::chrono::milliseconds fromSeconds(double seconds)
{
    return std::chrono::milliseconds(qRound64(seconds * 1000.0));
}

/// Edits the value column: the real value (never the mask) in a line edit that echoes
/// passwords for a hidden secret; writes both the value and what the table shows.
class HeaderValueDelegate final : public QStyledItemDelegate
{
public:
    HeaderValueDelegate(QCheckBox *reveal, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_reveal(reveal)
    { }

    QWidget *createEditor(
            QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        auto *editor = new QLineEdit(parent);
        editor->setFrame(false);
        if (isSecretRow(index) && !isRevealed())
            editor->setEchoMode(QLineEdit::Password);
        return editor;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QLineEdit *>(editor)->setText(
                index.data(FeedDialog::HeaderValueRole).toString());
    }

    void setModelData(
            QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        const QString value = static_cast<QLineEdit *>(editor)->text();
        model->setData(index, value, FeedDialog::HeaderValueRole);
        model->setData(index, shownValue(value, isSecretRow(index), isRevealed()), Qt::EditRole);
    }

private:
    bool isRevealed() const { return m_reveal && m_reveal->isChecked(); }

    QPointer<QCheckBox> m_reveal;
};

QDoubleSpinBox *secondsBox(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setDecimals(3);
    box->setRange(0.0, MaxSeconds);
    box->setSingleStep(1.0);
    box->setSuffix(FeedDialog::tr(" s"));
    return box;
}

} // namespace

FeedDialog::FeedDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_tabs(new QTabWidget(this))
{
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->addTab(createGeneralPage(), tr("&General"));
    m_tabs->addTab(createRequestPage(), tr("&Request"));
    m_tabs->addTab(createReconnectPage(), tr("Re&connect"));
    m_tabs->addTab(createAdvancedPage(), tr("Ad&vanced"));

    m_error = new QLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"buttons"_s);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    switch (m_mode) {
    case Mode::Add:
        setWindowTitle(tr("Add Feed"));
        ok->setText(tr("Add"));
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit Feed"));
        ok->setText(tr("Save"));
        break;
    case Mode::Duplicate:
        setWindowTitle(tr("Duplicate Feed"));
        ok->setText(tr("Add Copy"));
        break;
    }
    ok->setToolTip(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FeedDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FeedDialog::reject);
    // Ctrl+Return also works inside the body and the headers table, where Return is taken.
    for (const QKeySequence &keys :
            {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &FeedDialog::accept);
    }

    // Connected only now: filling the combo boxes above already emits their signals.
    connect(m_url, &QLineEdit::textEdited, m_error, &QWidget::hide);
    connect(m_method, &QComboBox::currentTextChanged, this, &FeedDialog::updateEnabled);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &FeedDialog::updateEnabled);
    connect(m_addHeader, &QPushButton::clicked, this, &FeedDialog::addHeader);
    connect(m_removeHeader, &QPushButton::clicked, this, &FeedDialog::removeSelectedHeaders);
    connect(m_showSecrets, &QCheckBox::toggled, this, &FeedDialog::refreshHeaderRows);
    connect(m_headers, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        // A renamed header may have become (or stopped being) a secret one.
        if (item->column() == NameColumn)
            refreshHeaderRow(item->row());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    WheelGuard::install(this);
    setConfig(FeedConfig());
    m_tabs->setCurrentIndex(0);
    m_url->setFocus(Qt::OtherFocusReason);
    resize(600, sizeHint().height());
}

FeedDialog::~FeedDialog() = default;

QWidget *FeedDialog::createGeneralPage()
{
    auto *page = new QWidget;
    m_name = new QLineEdit(page);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("Taken from the URL when empty"));
    m_url = new QLineEdit(page);
    m_url->setObjectName(u"urlEdit"_s);
    m_url->setPlaceholderText(u"https://example.com/events"_s);
    m_llm = new QCheckBox(tr("&LLM stream (show the completion as text)"), page);
    m_llm->setObjectName(u"llmBox"_s);

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(QString(), m_llm);
    return page;
}

QWidget *FeedDialog::createRequestPage()
{
    auto *page = new QWidget;
    m_method = new QComboBox(page);
    m_method->setObjectName(u"methodBox"_s);
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->addItems({u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s});
    m_body = new QPlainTextEdit(page);
    m_body->setObjectName(u"bodyEdit"_s);
    m_body->setPlaceholderText(tr("Request body (sent when not empty; not with GET)"));
    m_body->setTabChangesFocus(true);
    m_body->setFixedHeight(m_body->fontMetrics().lineSpacing() * 4 + 12);

    m_headers = new QTableWidget(0, 2, page);
    m_headers->setObjectName(u"headersTable"_s);
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(NameColumn, 180);
    m_headers->verticalHeader()->hide();
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->setTabKeyNavigation(false);
    m_headers->setMinimumHeight(m_headers->fontMetrics().lineSpacing() * 7);

    m_addHeader = new QPushButton(tr("&Add Header"), page);
    m_addHeader->setObjectName(u"addHeaderButton"_s);
    m_removeHeader = new QPushButton(tr("Remove Hea&der"), page);
    m_removeHeader->setObjectName(u"removeHeaderButton"_s);
    m_showSecrets = new QCheckBox(tr("&Show secret values"), page);
    m_showSecrets->setObjectName(u"showSecretsBox"_s);
    m_rememberSecrets = new QCheckBox(page);
    m_rememberSecrets->setObjectName(u"rememberSecretsBox"_s);
    setRememberUnavailable({});
    m_headers->setItemDelegateForColumn(ValueColumn, new HeaderValueDelegate(m_showSecrets, this));

    m_lastEventId = new QLineEdit(page);
    m_lastEventId->setObjectName(u"lastEventIdEdit"_s);
    m_lastEventId->setPlaceholderText(tr("Sent with the first request only"));
    m_credentials = new QCheckBox(tr("Send cr&edentials (cookies and HTTP authentication)"), page);
    m_credentials->setObjectName(u"credentialsBox"_s);

    auto *headerButtons = new QHBoxLayout;
    headerButtons->addWidget(m_addHeader);
    headerButtons->addWidget(m_removeHeader);
    headerButtons->addStretch();
    headerButtons->addWidget(m_showSecrets);
    auto *headers = new QVBoxLayout;
    headers->addWidget(m_headers);
    headers->addLayout(headerButtons);
    headers->addWidget(m_rememberSecrets);

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Body:"), m_body);
    // A layout cannot be a buddy: the label needs the table itself for its mnemonic.
    auto *headersLabel = new QLabel(tr("&Headers:"), page);
    headersLabel->setBuddy(m_headers);
    form->addRow(headersLabel, headers);
    form->addRow(tr("Initial Last-Event-&ID:"), m_lastEventId);
    form->addRow(QString(), m_credentials);
    return page;
}

QWidget *FeedDialog::createReconnectPage()
{
    auto *page = new QWidget;
    m_policy = new QComboBox(page);
    m_policy->setObjectName(u"policyBox"_s);
    m_policy->addItem(tr("Standard (as a browser's EventSource)"), int(Policy::Standard));
    m_policy->addItem(
            tr("Manual re-init (a fresh connection after closing)"), int(Policy::ManualReinit));
    m_policy->addItem(tr("Exponential backoff"), int(Policy::Backoff));
    m_policy->addItem(tr("Backoff, then manual re-init"), int(Policy::BackoffThenReinit));

    m_reinitDelay = secondsBox(page);
    m_reinitDelay->setObjectName(u"reinitDelayBox"_s);
    m_backoffFactor = new QDoubleSpinBox(page);
    m_backoffFactor->setObjectName(u"backoffFactorBox"_s);
    m_backoffFactor->setDecimals(2);
    m_backoffFactor->setRange(1.0, 100.0);
    m_backoffFactor->setSingleStep(0.5);
    m_backoffFactor->setPrefix(u"\u00d7 "_s);
    m_backoffCap = secondsBox(page);
    m_backoffCap->setObjectName(u"backoffCapBox"_s);
    m_maxAttempts = new QSpinBox(page);
    m_maxAttempts->setObjectName(u"maxAttemptsBox"_s);
    m_maxAttempts->setRange(0, 1'000'000);
    m_maxAttempts->setSpecialValueText(tr("Never"));
    m_maxAttempts->setSuffix(tr(" failed attempts"));
    m_maxAttempts->setToolTip(tr("Consecutive failed attempts before giving up; 0: never"));
    m_obeyReconnect = new QCheckBox(page);
    m_obeyReconnect->setObjectName(u"obeyReconnectBox"_s);
    m_reconnectionTime = new QSpinBox(page);
    m_reconnectionTime->setObjectName(u"reconnectionTimeBox"_s);
    m_reconnectionTime->setRange(0, 3'600'000);
    m_reconnectionTime->setSingleStep(500);
    m_reconnectionTime->setSuffix(tr(" ms"));
    m_reconnectionTime->setToolTip(tr("Until the stream sends a retry: field"));
    m_idleTimeout = secondsBox(page);
    m_idleTimeout->setObjectName(u"idleTimeoutBox"_s);
    m_idleTimeout->setSpecialValueText(tr("Off"));
    m_idleTimeout->setToolTip(tr("Reconnect when no bytes arrive for this long; 0: off"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Policy:"), m_policy);
    form->addRow(tr("Re-init &delay:"), m_reinitDelay);
    form->addRow(tr("Backoff &factor:"), m_backoffFactor);
    form->addRow(tr("Backoff c&ap:"), m_backoffCap);
    form->addRow(tr("Give &up after:"), m_maxAttempts);
    form->addRow(QString(), m_obeyReconnect);
    form->addRow(tr("Initial reconnection &time:"), m_reconnectionTime);
    form->addRow(tr("&Idle timeout:"), m_idleTimeout);
    return page;
}

QWidget *FeedDialog::createAdvancedPage()
{
    auto *page = new QWidget;
    m_tls = new QComboBox(page);
    m_tls->setObjectName(u"tlsBox"_s);
    m_tls->addItem(tr("Verify certificates (default)"));
    m_tls->addItem(tr("Ignore TLS errors (unsafe, this feed only)"));
    m_compression = new QCheckBox(tr("Allow co&mpression (gzip, deflate, ...)"), page);
    m_compression->setObjectName(u"compressionBox"_s);
    m_logCapacity = new QSpinBox(page);
    m_logCapacity->setObjectName(u"logCapacityBox"_s);
    m_logCapacity->setRange(FeedSettingsStore::MinLogCapacity, FeedSettingsStore::MaxLogCapacity);
    m_logCapacity->setSingleStep(1000);
    m_logCapacity->setGroupSeparatorShown(true);
    m_logCapacity->setSuffix(tr(" events"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&TLS:"), m_tls);
    form->addRow(QString(), m_compression);
    form->addRow(tr("&Log capacity:"), m_logCapacity);
    return page;
}

void FeedDialog::setConfig(const FeedConfig &config)
{
    m_base = config;
    if (m_mode == Mode::Duplicate)
        m_base.id = QUuid(); // a feed of its own, with a keychain entry of its own
    const Sse::SourceOptions &options = config.options;
    const Sse::ReconnectPolicy &policy = options.policy;

    m_name->setText(m_mode == Mode::Duplicate && !config.name.isEmpty()
                    ? tr("%1 (copy)").arg(config.name)
                    : config.name);
    m_url->setText(config.url.toString());
    m_llm->setChecked(config.llm);

    m_method->setCurrentText(QString::fromLatin1(options.method));
    m_body->setPlainText(QString::fromUtf8(options.body));
    m_headers->setRowCount(0);
    for (const auto &[name, value] : options.headers)
        appendHeaderRow(name, value);
    // Secrets whose values were not remembered: rows without a value, until one is typed.
    for (const QByteArray &name : config.missingSecrets)
        appendHeaderRow(name, {});
    m_rememberSecrets->setChecked(config.rememberSecrets);
    m_lastEventId->setText(QString::fromUtf8(options.initialLastEventId));
    m_credentials->setChecked(options.withCredentials);

    Policy choice = Policy::Standard;
    if (policy.backoff)
        choice = policy.manualReinit ? Policy::BackoffThenReinit : Policy::Backoff;
    else if (policy.manualReinit)
        choice = Policy::ManualReinit;
    m_policy->setCurrentIndex(m_policy->findData(int(choice)));
    m_reinitDelay->setValue(toSeconds(policy.reinitDelay));
    m_backoffFactor->setValue(policy.backoffFactor);
    m_backoffCap->setValue(toSeconds(policy.backoffCap));
    m_maxAttempts->setValue(policy.maxAttempts.value_or(0));
    m_obeyReconnect->setText(tr("&Obey the server's \"%1\" event (reconnect after its delay)")
                                     .arg(QString::fromUtf8(policy.reconnectEventType)));
    m_obeyReconnect->setChecked(policy.obeyReconnectEvent);
    m_reconnectionTime->setValue(int(options.reconnectionTime.count()));
    m_idleTimeout->setValue(toSeconds(options.readTimeout.value_or(std::chrono::milliseconds(0))));

    m_tls->setCurrentIndex(options.ignoreTlsErrors ? 1 : 0);
    m_compression->setChecked(options.allowCompression);
    m_logCapacity->setValue(config.logCapacity);

    m_error->clear();
    m_error->hide();
    updateEnabled();
}

void FeedDialog::setRememberUnavailable(const QString &reason)
{
    // The choice stays as set (config() keeps it) for when a keychain is back.
    m_rememberSecrets->setEnabled(reason.isEmpty());
    m_rememberSecrets->setText(reason.isEmpty()
                    ? tr("Remember secre&t headers (Authorization, Cookie, ...) in the keychain")
                    : tr("Remember secre&t headers: unavailable, %1").arg(reason));
    m_rememberSecrets->setToolTip(reason.isEmpty()
                    ? tr("They are kept in the desktop's keychain, never in the settings file. "
                         "Otherwise they are used until ssedash quits and are never written to "
                         "disk.")
                    : tr("Secrets cannot be remembered: %1. They are used until ssedash quits "
                         "and are never written to disk.")
                              .arg(reason));
    m_rememberSecrets->setStatusTip(m_rememberSecrets->toolTip());
}

FeedConfig FeedDialog::config() const
{
    FeedConfig config = m_base;
    Sse::SourceOptions &options = config.options;
    Sse::ReconnectPolicy &policy = options.policy;

    config.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    config.name = m_name->text().trimmed();
    if (config.name.isEmpty())
        config.name = config.url.host() + config.url.path();
    config.llm = m_llm->isChecked();

    options.method = m_method->currentText().trimmed().toUpper().toLatin1();
    options.body = isGet(m_method->currentText()) ? QByteArray() : m_body->toPlainText().toUtf8();
    options.headers.clear();
    config.missingSecrets.clear();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, NameColumn);
        const QTableWidgetItem *value = m_headers->item(row, ValueColumn);
        if (!name || name->text().trimmed().isEmpty())
            continue;
        const QByteArray header = name->text().trimmed().toLatin1();
        const QByteArray text =
                value ? value->data(HeaderValueRole).toString().trimmed().toUtf8() : QByteArray();
        if (text.isEmpty() && isMissingSecret(header))
            config.missingSecrets.append(header); // still asked for on connect
        else
            options.headers.append({header, text});
    }
    config.rememberSecrets = m_rememberSecrets->isChecked();
    options.initialLastEventId = m_lastEventId->text().toUtf8();
    options.withCredentials = m_credentials->isChecked();

    const auto choice = Policy(m_policy->currentData().toInt());
    policy.manualReinit = choice == Policy::ManualReinit || choice == Policy::BackoffThenReinit;
    policy.backoff = choice == Policy::Backoff || choice == Policy::BackoffThenReinit;
    policy.reinitDelay = fromSeconds(m_reinitDelay->value());
    policy.backoffFactor = m_backoffFactor->value();
    policy.backoffCap = fromSeconds(m_backoffCap->value());
    if (const int attempts = m_maxAttempts->value(); attempts > 0) // 0: "Never"
        policy.maxAttempts = attempts;
    else
        policy.maxAttempts.reset();
    policy.obeyReconnectEvent = m_obeyReconnect->isChecked();
    options.reconnectionTime = std::chrono::milliseconds(m_reconnectionTime->value());
    if (const auto idle = fromSeconds(m_idleTimeout->value()); idle.count() > 0) // 0: off
        options.readTimeout = idle;
    else
        options.readTimeout.reset();

    options.ignoreTlsErrors = m_tls->currentIndex() == 1;
    options.allowCompression = m_compression->isChecked();
    config.logCapacity = m_logCapacity->value();
    return config;
}

bool FeedDialog::validate()
{
    if (const QString error = FeedSettingsStore::urlError(m_url->text()); !error.isEmpty()) {
        showError(error, m_url);
        return false;
    }
    if (const QString error = FeedSettingsStore::methodError(m_method->currentText());
            !error.isEmpty()) {
        showError(error, m_method);
        return false;
    }
    QList<QPair<QString, QString>> rows;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *nameItem = m_headers->item(row, NameColumn);
        const QTableWidgetItem *valueItem = m_headers->item(row, ValueColumn);
        rows.append({nameItem ? nameItem->text() : QString(),
                valueItem ? valueItem->data(HeaderValueRole).toString() : QString()});
    }
    if (const FeedSettingsStore::HeaderRowError error = FeedSettingsStore::headerRowsError(rows);
            error.row >= 0) {
        const bool nameless = rows.at(error.row).first.trimmed().isEmpty();
        m_headers->setCurrentCell(error.row, nameless ? NameColumn : ValueColumn);
        showError(error.text, m_headers);
        return false;
    }
    m_error->clear();
    m_error->hide();
    return true;
}

QString FeedDialog::errorText() const
{
    return m_error->text();
}

void FeedDialog::accept()
{
    if (validate())
        QDialog::accept();
}

int FeedDialog::appendHeaderRow(const QByteArray &name, const QByteArray &value)
{
    const int row = m_headers->rowCount();
    {
        // The value item does not exist yet when the name item reports its change.
        const QSignalBlocker blocker(m_headers);
        m_headers->insertRow(row);
        m_headers->setItem(row, NameColumn, new QTableWidgetItem(QString::fromLatin1(name)));
        auto *valueItem = new QTableWidgetItem;
        valueItem->setData(HeaderValueRole, QString::fromUtf8(value));
        m_headers->setItem(row, ValueColumn, valueItem);
    }
    refreshHeaderRow(row);
    updateEnabled();
    return row;
}

void FeedDialog::addHeader()
{
    const int row = appendHeaderRow({}, {});
    m_headers->setCurrentCell(row, NameColumn);
    m_headers->setFocus(Qt::OtherFocusReason);
    m_headers->editItem(m_headers->item(row, NameColumn));
}

void FeedDialog::removeSelectedHeaders()
{
    std::set<int> rows;
    const QModelIndexList selected = m_headers->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        rows.insert(index.row());
    if (rows.empty() && m_headers->currentRow() >= 0)
        rows.insert(m_headers->currentRow());
    std::for_each(rows.rbegin(), rows.rend(), [this](int row) { m_headers->removeRow(row); });
    updateEnabled();
}

void FeedDialog::refreshHeaderRow(int row)
{
    const QTableWidgetItem *name = m_headers->item(row, NameColumn);
    QTableWidgetItem *value = m_headers->item(row, ValueColumn);
    if (!name || !value)
        return;
    const bool secret = isSecretName(name->text());
    QString shown =
            shownValue(value->data(HeaderValueRole).toString(), secret, m_showSecrets->isChecked());
    if (shown.isEmpty() && isMissingSecret(name->text().trimmed().toLatin1()))
        shown = tr("(needs a value: not remembered)");
    if (value->text() != shown)
        value->setText(shown);
}

bool FeedDialog::isMissingSecret(const QByteArray &name) const
{
    return std::any_of(m_base.missingSecrets.cbegin(), m_base.missingSecrets.cend(),
            [&name](const QByteArray &missing) {
                return missing.compare(name, Qt::CaseInsensitive) == 0;
            });
}

void FeedDialog::refreshHeaderRows()
{
    for (int row = 0; row < m_headers->rowCount(); ++row)
        refreshHeaderRow(row);
}

void FeedDialog::updateEnabled()
{
    m_body->setEnabled(!isGet(m_method->currentText()));
    const auto choice = Policy(m_policy->currentData().toInt());
    m_reinitDelay->setEnabled(
            choice == Policy::ManualReinit || choice == Policy::BackoffThenReinit);
    const bool backoff = choice == Policy::Backoff || choice == Policy::BackoffThenReinit;
    m_backoffFactor->setEnabled(backoff);
    m_backoffCap->setEnabled(backoff);
    m_removeHeader->setEnabled(m_headers->rowCount() > 0);
}

void FeedDialog::showError(const QString &text, QWidget *field)
{
    m_error->setText(text);
    m_error->show();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->isAncestorOf(field))
            m_tabs->setCurrentIndex(i);
    }
    field->setFocus(Qt::OtherFocusReason);
}
