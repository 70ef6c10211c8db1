// SPDX-License-Identifier: MIT
// Tests of FeedDialog: config round trips, validation, modes and masked secret headers.
#include "tests/support/child.h"
#include "tests/support/wheel.h"

#include "sselib/secrets.h"
#include "ui/dialogs/feeddialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Mode = FeedDialog::Mode;
using TestSupport::child;

Q_DECLARE_METATYPE(FeedConfig)

namespace {

constexpr auto Secret = "Bearer s3cr3t-4711"_L1;

FeedConfig baseConfig()
{
    FeedConfig config;
    config.name = u"Prod"_s;
    config.url = QUrl(u"https://example.com:8443/api/stream?x=1"_s);
    config.options.headers = {{"X-Trace", "abc"}, {"Authorization", QByteArray(Secret.latin1())}};
    return config;
}

QString shownValue(const QTableWidget *table, int row)
{
    return table->model()->index(row, 1).data(Qt::DisplayRole).toString();
}

} // namespace

class tst_FeedDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setConfig_roundTrips_data();
    void setConfig_roundTrips();
    void validate_rejectsBadUrls_data();
    void validate_rejectsBadUrls();
    void validate_rejectsBadHeaderAndMethod();
    void accept_refusesInvalidInput();
    void ctrlReturn_accepts();
    void modes_setTitleAndName_data();
    void modes_setTitleAndName();
    void emptyName_comesFromUrl();
    void secretValue_maskedUnlessShown();
    void secretValue_editedInPasswordField();
    void renamedHeader_becomesMasked();
    void headerButtons_addAndRemoveRows();
    void body_disabledForGet();
    void policy_enablesItsFields();
    void widgets_haveObjectNames();
    void childHelper_failsNamingWhatIsThere();
    void wheel_leavesUnfocusedBoxesAlone();
    void missingSecret_isARowUntilGivenAValue();
};

void tst_FeedDialog::setConfig_roundTrips_data()
{
    QTest::addColumn<FeedConfig>("config");

    FeedConfig standard = baseConfig();
    standard.options.reconnectionTime = 1500ms;
    standard.options.readTimeout = 30s;
    standard.options.initialLastEventId = "evt-1";
    standard.options.policy.maxAttempts = 4;
    standard.logCapacity = 5000;
    QTest::addRow("standard, GET") << standard;

    FeedConfig manual = baseConfig();
    manual.options.method = "POST";
    manual.options.body = "{\"prompt\": \"hi\"}\nsecond line";
    manual.options.policy.manualReinit = true;
    manual.options.policy.reinitDelay = 2500ms;
    manual.options.policy.obeyReconnectEvent = true;
    manual.options.withCredentials = true;
    manual.rememberSecrets = true;
    manual.llm = true;
    QTest::addRow("manual re-init, POST") << manual;

    FeedConfig backoff = baseConfig();
    backoff.options.method = "PATCH";
    backoff.options.body = "x=1";
    backoff.options.policy.backoff = true;
    backoff.options.policy.backoffFactor = 1.75;
    backoff.options.policy.backoffCap = 45s;
    backoff.options.policy.maxAttempts = 12;
    backoff.options.allowCompression = true;
    backoff.options.ignoreTlsErrors = true;
    // Not in the form: must pass through unchanged.
    backoff.options.policy.jitter = 0.4;
    backoff.options.policy.healthyAfter = 9s;
    backoff.options.maxRedirects = 2;
    backoff.options.keepRawLines = true;
    backoff.options.maxLineSize = 1024;
    backoff.options.policy.reconnectEventType = "bye";
    backoff.logCapacity = 10'000'000;
    QTest::addRow("backoff, PATCH") << backoff;

    FeedConfig both = baseConfig();
    both.options.policy.backoff = true;
    both.options.policy.manualReinit = true;
    both.options.policy.reinitDelay = 60s;
    both.options.policy.backoffCap = 120s;
    both.options.readTimeout = 1250ms;
    both.options.headers.clear();
    QTest::addRow("backoff then re-init, no headers") << both;
}

void tst_FeedDialog::setConfig_roundTrips()
{
    QFETCH(FeedConfig, config);
    FeedDialog dialog(Mode::Edit);
    dialog.setConfig(config);
    QVERIFY2(dialog.validate(), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.config(), config);
}

void tst_FeedDialog::validate_rejectsBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("empty") << QString() << u"Enter the URL"_s;
    QTest::addRow("blank") << u"   "_s << u"Enter the URL"_s;
    QTest::addRow("ftp") << u"ftp://example.com/events"_s << u"only http and https"_s;
    QTest::addRow("malformed") << u"http://exa mple.com/"_s << u"not a valid URL"_s;
    QTest::addRow("no scheme") << u"example.com/events"_s << u"must start with http://"_s;
    QTest::addRow("no host") << u"http:///events"_s << u"no host"_s;
}

void tst_FeedDialog::validate_rejectsBadUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    FeedDialog dialog(Mode::Add);
    auto *tabWidget = child<QTabWidget>(&dialog, u"tabs"_s);
    auto *urlEdit = child<QLineEdit>(&dialog, u"urlEdit"_s);
    auto *errorLabel = child<QLabel>(&dialog, u"errorLabel"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    tabWidget->setCurrentIndex(3);
    urlEdit->setText(url);
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.errorText().contains(mentions), qPrintable(dialog.errorText()));
    QVERIFY(errorLabel->isVisible());
    QCOMPARE(tabWidget->currentIndex(), 0); // the tab with the URL is shown

    urlEdit->setText(u"https://example.com/events"_s);
    QVERIFY(dialog.validate());
    QVERIFY(!errorLabel->isVisible());
}

void tst_FeedDialog::validate_rejectsBadHeaderAndMethod()
{
    FeedDialog dialog(Mode::Add);
    auto *tabWidget = child<QTabWidget>(&dialog, u"tabs"_s);
    auto *methodBox = child<QComboBox>(&dialog, u"methodBox"_s);
    FeedConfig config = baseConfig();
    config.options.headers = {{"Bad Name", "x"}};
    dialog.setConfig(config);
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.errorText().contains(u"Bad Name"_s), qPrintable(dialog.errorText()));
    QCOMPARE(tabWidget->currentIndex(), 1);

    // A NUL would break the request's header line, as CR and LF would (fuzz_feedheaders).
    config.options.headers = {{"X-Ok", "1"}, {"X-Nul", QByteArray("a\0b", 3)}};
    dialog.setConfig(config);
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.errorText().contains(u"X-Nul"_s), qPrintable(dialog.errorText()));
    auto *headersTable = child<QTableWidget>(&dialog, u"headersTable"_s);
    QCOMPARE(headersTable->currentRow(), 1);
    QCOMPARE(headersTable->currentColumn(), 1);
    // The request would keep only the last of two values of a name.
    config.options.headers = {{"X-A", "1"}, {"x-a", "2"}};
    dialog.setConfig(config);
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.errorText().contains(u"twice"_s), qPrintable(dialog.errorText()));
    QCOMPARE(headersTable->currentRow(), 1);

    dialog.setConfig(baseConfig());
    methodBox->setEditText(u"PO ST"_s);
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.errorText().contains(u"PO ST"_s), qPrintable(dialog.errorText()));
    methodBox->setEditText(u"report"_s);
    QVERIFY(dialog.validate());
    QCOMPARE(dialog.config().options.method, "REPORT"_ba);
}

void tst_FeedDialog::accept_refusesInvalidInput()
{
    FeedDialog dialog(Mode::Add);
    auto *urlEdit = child<QLineEdit>(&dialog, u"urlEdit"_s);
    auto *errorLabel = child<QLabel>(&dialog, u"errorLabel"_s);
    auto *buttonBox = child<QDialogButtonBox>(&dialog, u"buttons"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    urlEdit->setText(u"ftp://example.com/"_s);
    buttonBox->button(QDialogButtonBox::Ok)->click();
    QVERIFY(dialog.isVisible());
    QVERIFY(errorLabel->isVisible());
    QVERIFY(!dialog.errorText().isEmpty());

    urlEdit->setText(u"http://127.0.0.1:1/events"_s);
    buttonBox->button(QDialogButtonBox::Ok)->click();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_FeedDialog::ctrlReturn_accepts()
{
    FeedDialog dialog(Mode::Add);
    auto *tabWidget = child<QTabWidget>(&dialog, u"tabs"_s);
    auto *urlEdit = child<QLineEdit>(&dialog, u"urlEdit"_s);
    auto *methodBox = child<QComboBox>(&dialog, u"methodBox"_s);
    auto *bodyEdit = child<QPlainTextEdit>(&dialog, u"bodyEdit"_s);
    auto *errorLabel = child<QLabel>(&dialog, u"errorLabel"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    methodBox->setCurrentText(u"POST"_s);
    tabWidget->setCurrentIndex(1);
    bodyEdit->setFocus();
    QTest::keyClick(bodyEdit, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(dialog.isVisible()); // no URL yet
    QVERIFY(errorLabel->isVisible());

    urlEdit->setText(u"https://example.com/events"_s);
    tabWidget->setCurrentIndex(1);
    bodyEdit->setFocus();
    QTest::keyClick(bodyEdit, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!bodyEdit->toPlainText().contains(u'\n'));
}

void tst_FeedDialog::modes_setTitleAndName_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("name");
    QTest::addRow("add") << Mode::Add << u"Add Feed"_s << u"Prod"_s;
    QTest::addRow("edit") << Mode::Edit << u"Edit Feed"_s << u"Prod"_s;
    QTest::addRow("duplicate") << Mode::Duplicate << u"Duplicate Feed"_s << u"Prod (copy)"_s;
}

void tst_FeedDialog::modes_setTitleAndName()
{
    QFETCH(Mode, mode);
    QFETCH(QString, title);
    QFETCH(QString, name);
    FeedDialog dialog(mode);
    auto *nameEdit = child<QLineEdit>(&dialog, u"nameEdit"_s);
    QCOMPARE(dialog.mode(), mode);
    dialog.setConfig(baseConfig());
    QCOMPARE(dialog.windowTitle(), title);
    QCOMPARE(nameEdit->text(), name);
    QCOMPARE(dialog.config().name, name);
    QCOMPARE(dialog.config().options.headers, baseConfig().options.headers);
}

void tst_FeedDialog::emptyName_comesFromUrl()
{
    FeedDialog dialog(Mode::Add);
    auto *urlEdit = child<QLineEdit>(&dialog, u"urlEdit"_s);
    urlEdit->setText(u"http://example.com/a/b"_s);
    QVERIFY(dialog.validate());
    QCOMPARE(dialog.config().name, u"example.com/a/b"_s);
}

void tst_FeedDialog::secretValue_maskedUnlessShown()
{
    FeedDialog dialog(Mode::Edit);
    auto *headersTable = child<QTableWidget>(&dialog, u"headersTable"_s);
    auto *showSecretsBox = child<QCheckBox>(&dialog, u"showSecretsBox"_s);
    dialog.setConfig(baseConfig());
    const QTableWidget *table = headersTable;
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, 0)->text(), u"Authorization"_s);
    QVERIFY(!showSecretsBox->isChecked());

    const auto *delegate =
            qobject_cast<const QStyledItemDelegate *>(table->itemDelegateForColumn(1));
    QVERIFY(delegate);
    const QString shown =
            delegate->displayText(table->model()->index(1, 1).data(Qt::DisplayRole), QLocale::c());
    QVERIFY2(!shown.contains(u"s3cr3t"_s), qPrintable(shown));
    QCOMPARE(shown, Sse::Secrets::maskedValue());
    QCOMPARE(shownValue(table, 1), Sse::Secrets::maskedValue());
    QCOMPARE(shownValue(table, 0), u"abc"_s); // not a secret
    QCOMPARE(table->item(1, 1)->data(FeedDialog::HeaderValueRole).toString(), Secret);

    showSecretsBox->setChecked(true);
    QCOMPARE(shownValue(table, 1), Secret);
    showSecretsBox->setChecked(false);
    QCOMPARE(shownValue(table, 1), Sse::Secrets::maskedValue());
    QCOMPARE(dialog.config().options.headers, baseConfig().options.headers);
}

void tst_FeedDialog::secretValue_editedInPasswordField()
{
    FeedDialog dialog(Mode::Edit);
    auto *tabWidget = child<QTabWidget>(&dialog, u"tabs"_s);
    auto *headersTable = child<QTableWidget>(&dialog, u"headersTable"_s);
    dialog.setConfig(baseConfig());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    tabWidget->setCurrentIndex(1);
    QTableWidget *table = headersTable;
    const QModelIndex index = table->model()->index(1, 1);
    table->setCurrentIndex(index);
    table->edit(index);
    auto *editor = qobject_cast<QLineEdit *>(table->indexWidget(index));
    QVERIFY(editor);
    QCOMPARE(editor->echoMode(), QLineEdit::Password);
    QCOMPARE(editor->text(), Secret); // the real value, never the mask
    editor->setText(u"Bearer changed"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!table->indexWidget(index));
    QCOMPARE(shownValue(table, 1), Sse::Secrets::maskedValue());
    QCOMPARE(dialog.config().options.headers.at(1).second, "Bearer changed"_ba);

    // A plain header is edited in the clear.
    const QModelIndex plain = table->model()->index(0, 1);
    table->setCurrentIndex(plain);
    table->edit(plain);
    editor = qobject_cast<QLineEdit *>(table->indexWidget(plain));
    QVERIFY(editor);
    QCOMPARE(editor->echoMode(), QLineEdit::Normal);
}

void tst_FeedDialog::renamedHeader_becomesMasked()
{
    FeedDialog dialog(Mode::Edit);
    auto *headersTable = child<QTableWidget>(&dialog, u"headersTable"_s);
    dialog.setConfig(baseConfig());
    QTableWidget *table = headersTable;
    QCOMPARE(shownValue(table, 0), u"abc"_s);
    table->item(0, 0)->setText(u"cookie"_s);
    QCOMPARE(shownValue(table, 0), Sse::Secrets::maskedValue());
    table->item(0, 0)->setText(u"X-Plain"_s);
    QCOMPARE(shownValue(table, 0), u"abc"_s);
    QCOMPARE(dialog.config().options.headers.at(0),
            (QPair<QByteArray, QByteArray>("X-Plain", "abc")));
}

void tst_FeedDialog::headerButtons_addAndRemoveRows()
{
    FeedDialog dialog(Mode::Add);
    auto *tabWidget = child<QTabWidget>(&dialog, u"tabs"_s);
    auto *urlEdit = child<QLineEdit>(&dialog, u"urlEdit"_s);
    auto *headersTable = child<QTableWidget>(&dialog, u"headersTable"_s);
    auto *addHeaderButton = child<QPushButton>(&dialog, u"addHeaderButton"_s);
    auto *removeHeaderButton = child<QPushButton>(&dialog, u"removeHeaderButton"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTableWidget *table = headersTable;
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!removeHeaderButton->isEnabled());
    tabWidget->setCurrentIndex(1);
    addHeaderButton->click();
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(removeHeaderButton->isEnabled());
    urlEdit->setText(u"http://example.com/"_s);
    QVERIFY(dialog.validate()); // an empty row is ignored
    QVERIFY(dialog.config().options.headers.isEmpty());

    addHeaderButton->click();
    QCOMPARE(table->rowCount(), 2);
    table->selectRow(0);
    removeHeaderButton->click();
    QCOMPARE(table->rowCount(), 1);
    table->selectRow(0);
    removeHeaderButton->click();
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!removeHeaderButton->isEnabled());
}

void tst_FeedDialog::body_disabledForGet()
{
    FeedDialog dialog(Mode::Add);
    auto *urlEdit = child<QLineEdit>(&dialog, u"urlEdit"_s);
    auto *methodBox = child<QComboBox>(&dialog, u"methodBox"_s);
    auto *bodyEdit = child<QPlainTextEdit>(&dialog, u"bodyEdit"_s);
    QCOMPARE(methodBox->currentText(), u"GET"_s);
    QVERIFY(!bodyEdit->isEnabled());
    methodBox->setCurrentText(u"POST"_s);
    QVERIFY(bodyEdit->isEnabled());
    bodyEdit->setPlainText(u"payload"_s);
    urlEdit->setText(u"http://example.com/"_s);
    QCOMPARE(dialog.config().options.body, "payload"_ba);
    methodBox->setEditText(u"get"_s);
    QVERIFY(!bodyEdit->isEnabled());
    QVERIFY(dialog.config().options.body.isEmpty());
    QCOMPARE(dialog.config().options.method, "GET"_ba);
}

void tst_FeedDialog::policy_enablesItsFields()
{
    FeedDialog dialog(Mode::Add);
    auto *policyBox = child<QComboBox>(&dialog, u"policyBox"_s);
    auto *reinitDelayBox = child<QDoubleSpinBox>(&dialog, u"reinitDelayBox"_s);
    auto *backoffFactorBox = child<QDoubleSpinBox>(&dialog, u"backoffFactorBox"_s);
    auto *backoffCapBox = child<QDoubleSpinBox>(&dialog, u"backoffCapBox"_s);
    QComboBox *policy = policyBox;
    const auto select = [policy](FeedDialog::Policy value) {
        policy->setCurrentIndex(policy->findData(int(value)));
    };
    select(FeedDialog::Policy::Standard);
    QVERIFY(!reinitDelayBox->isEnabled());
    QVERIFY(!backoffFactorBox->isEnabled());
    QVERIFY(!backoffCapBox->isEnabled());
    select(FeedDialog::Policy::ManualReinit);
    QVERIFY(reinitDelayBox->isEnabled());
    QVERIFY(!backoffFactorBox->isEnabled());
    select(FeedDialog::Policy::Backoff);
    QVERIFY(!reinitDelayBox->isEnabled());
    QVERIFY(backoffFactorBox->isEnabled());
    QVERIFY(backoffCapBox->isEnabled());
    select(FeedDialog::Policy::BackoffThenReinit);
    QVERIFY(reinitDelayBox->isEnabled());
    QVERIFY(backoffCapBox->isEnabled());
    const FeedConfig config = dialog.config();
    QVERIFY(config.options.policy.backoff);
    QVERIFY(config.options.policy.manualReinit);
}

void tst_FeedDialog::widgets_haveObjectNames()
{
    // Every field the class comment names, with its type: what tests and tools rely on.
    FeedDialog dialog(Mode::Add);
    QVERIFY(child<QTabWidget>(&dialog, u"tabs"_s));
    QVERIFY(child<QDialogButtonBox>(&dialog, u"buttons"_s));
    QVERIFY(child<QLabel>(&dialog, u"errorLabel"_s));
    QVERIFY(child<QLineEdit>(&dialog, u"nameEdit"_s));
    QVERIFY(child<QLineEdit>(&dialog, u"urlEdit"_s));
    QVERIFY(child<QCheckBox>(&dialog, u"llmBox"_s));
    QVERIFY(child<QComboBox>(&dialog, u"methodBox"_s));
    QVERIFY(child<QPlainTextEdit>(&dialog, u"bodyEdit"_s));
    QVERIFY(child<QTableWidget>(&dialog, u"headersTable"_s));
    QVERIFY(child<QPushButton>(&dialog, u"addHeaderButton"_s));
    QVERIFY(child<QPushButton>(&dialog, u"removeHeaderButton"_s));
    QVERIFY(child<QCheckBox>(&dialog, u"showSecretsBox"_s));
    QVERIFY(child<QCheckBox>(&dialog, u"rememberSecretsBox"_s));
    QVERIFY(child<QLineEdit>(&dialog, u"lastEventIdEdit"_s));
    QVERIFY(child<QCheckBox>(&dialog, u"credentialsBox"_s));
    QVERIFY(child<QComboBox>(&dialog, u"policyBox"_s));
    QVERIFY(child<QDoubleSpinBox>(&dialog, u"reinitDelayBox"_s));
    QVERIFY(child<QDoubleSpinBox>(&dialog, u"backoffFactorBox"_s));
    QVERIFY(child<QDoubleSpinBox>(&dialog, u"backoffCapBox"_s));
    QVERIFY(child<QSpinBox>(&dialog, u"maxAttemptsBox"_s));
    QVERIFY(child<QCheckBox>(&dialog, u"obeyReconnectBox"_s));
    QVERIFY(child<QSpinBox>(&dialog, u"reconnectionTimeBox"_s));
    QVERIFY(child<QDoubleSpinBox>(&dialog, u"idleTimeoutBox"_s));
    QVERIFY(child<QComboBox>(&dialog, u"tlsBox"_s));
    QVERIFY(child<QCheckBox>(&dialog, u"compressionBox"_s));
    auto *logCapacityBox = child<QSpinBox>(&dialog, u"logCapacityBox"_s);
    QCOMPARE(logCapacityBox->minimum(), 1000);
    QCOMPARE(logCapacityBox->maximum(), 10'000'000);
    QCOMPARE(child<QComboBox>(&dialog, u"tlsBox"_s)->count(), 2);
}

void tst_FeedDialog::childHelper_failsNamingWhatIsThere()
{
    FeedDialog dialog(Mode::Add);
    QVERIFY(!dialog.findChild<QLineEdit *>(u"noSuchEdit"_s));
    QVERIFY(!dialog.findChild<QSpinBox *>(u"urlEdit"_s));
    // child() itself fails the test: a passing check after it would be an XPASS.
    QEXPECT_FAIL("", "no field has this name", Continue);
    QLineEdit *missing = child<QLineEdit>(&dialog, u"noSuchEdit"_s);
    QVERIFY(!missing);
    QEXPECT_FAIL("", "urlEdit is no QSpinBox", Continue);
    QSpinBox *wrongType = child<QSpinBox>(&dialog, u"urlEdit"_s);
    QVERIFY(!wrongType);
}

void tst_FeedDialog::wheel_leavesUnfocusedBoxesAlone()
{
    FeedDialog dialog(Mode::Edit);
    auto *tabWidget = child<QTabWidget>(&dialog, u"tabs"_s);
    auto *policyBox = child<QComboBox>(&dialog, u"policyBox"_s);
    auto *maxAttemptsBox = child<QSpinBox>(&dialog, u"maxAttemptsBox"_s);
    auto *obeyReconnectBox = child<QCheckBox>(&dialog, u"obeyReconnectBox"_s);
    auto *reconnectionTimeBox = child<QSpinBox>(&dialog, u"reconnectionTimeBox"_s);
    auto *idleTimeoutBox = child<QDoubleSpinBox>(&dialog, u"idleTimeoutBox"_s);
    dialog.setConfig(baseConfig());
    tabWidget->setCurrentIndex(2); // Reconnect: a combo box and spin boxes
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    obeyReconnectBox->setFocus();
    QTRY_VERIFY(obeyReconnectBox->hasFocus());
    const FeedConfig before = dialog.config();
    const QList<QWidget *> boxes{policyBox, maxAttemptsBox, reconnectionTimeBox, idleTimeoutBox};
    for (QWidget *box : boxes) {
        TestSupport::turnWheel(box, 1);
        QVERIFY2(!box->hasFocus(), qPrintable(box->objectName()));
    }
    QCOMPARE(dialog.config(), before);
}

void tst_FeedDialog::missingSecret_isARowUntilGivenAValue()
{
    FeedConfig config = baseConfig();
    config.options.headers = {{"X-Trace", "abc"}};
    config.missingSecrets = {"Authorization"};
    FeedDialog dialog(Mode::Edit);
    auto *headersTable = child<QTableWidget>(&dialog, u"headersTable"_s);
    dialog.setConfig(config);
    QTableWidget *table = headersTable;
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, 0)->text(), u"Authorization"_s);
    QVERIFY2(shownValue(table, 1).contains(u"needs a value"_s), qPrintable(shownValue(table, 1)));
    QVERIFY(dialog.validate());
    FeedConfig back = dialog.config();
    QCOMPARE(back.options.headers, config.options.headers); // not sent empty
    QCOMPARE(back.missingSecrets, config.missingSecrets);

    table->item(1, 1)->setData(FeedDialog::HeaderValueRole, QString(Secret));
    back = dialog.config();
    QCOMPARE(back.options.headers.size(), 2);
    QCOMPARE(
            back.options.headers.at(1), qMakePair("Authorization"_ba, QByteArray(Secret.latin1())));
    QVERIFY(back.missingSecrets.isEmpty());
}

QTEST_MAIN(tst_FeedDialog)
#include "tst_feeddialog.moc"
