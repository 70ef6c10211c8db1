// SPDX-License-Identifier: MIT
// Tests of the dashboard's Capture: CaptureDialog's validation and modes, and the actions.
#include "tests/support/child.h"

#include "sselib/capture/captureproxy.h"
#include "sselib/eventsource.h"
#include "sselib/publisher/publisher.h"
#include "ui/capture/captureactions.h"
#include "ui/capture/capturedialog.h"
#include "ui/mainwindow.h"
#include "ui/models/capturesession.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using TestSupport::child;

class tst_Capture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dialog_startsWithTheOptionsGiven();
    void dialog_rejectsBadInput_data();
    void dialog_rejectsBadInput();
    void dialog_namesAWrongRuleAsItIsTyped();
    void dialog_everyLabelHasItsField();
    void dialog_editRulesMode_changesOnlyTheRules();
    void actions_disabledUntilACaptureRuns();
    void actions_startFailure_isShown();
    void actions_runCopyEditAndStop();
    void settings_rememberTheLastCapture();
    void window_goesWhileAStreamRuns();
};

namespace {

Sse::CaptureRule rule(const QString &text)
{
    const Sse::CaptureRuleResult result = Sse::parseCaptureRule(text);
    if (!result.ok)
        qFatal("bad rule in the test: %s", qPrintable(result.error));
    return result.rule;
}

QAction *action(const QObject *window, const QString &name)
{
    return window->findChild<QAction *>(name);
}

} // namespace

void tst_Capture::dialog_startsWithTheOptionsGiven()
{
    CaptureDialog dialog(CaptureDialog::Mode::Start);
    Sse::CaptureOptions options;
    options.upstream = QUrl(u"http://127.0.0.1:8080/api"_s);
    options.port = 9000;
    options.rewriteOrigin = true;
    options.rules = {rule(u"delay=200"_s), rule(u"cut=5,match=/events*"_s)};
    dialog.setOptions(options);
    QCOMPARE(child<QLineEdit>(&dialog, u"upstreamEdit"_s)->text(), u"http://127.0.0.1:8080/api"_s);
    QCOMPARE(child<QSpinBox>(&dialog, u"portBox"_s)->value(), 9000);
    QCOMPARE(child<QLineEdit>(&dialog, u"bindEdit"_s)->text(), u"127.0.0.1"_s);
    QCOMPARE(child<QPlainTextEdit>(&dialog, u"rulesEdit"_s)->toPlainText(),
            u"delay=200\ncut=5,match=/events*"_s);
    QVERIFY(child<QCheckBox>(&dialog, u"rewriteHostBox"_s)->isChecked());
    QVERIFY(child<QCheckBox>(&dialog, u"rewriteOriginBox"_s)->isChecked());
    QVERIFY(dialog.validate());
    QCOMPARE(dialog.options(), options);
    QVERIFY(child<QLabel>(&dialog, u"rulesErrorLabel"_s)->isHidden());

    // Comments and empty lines are left out.
    child<QPlainTextEdit>(&dialog, u"rulesEdit"_s)->setPlainText(u"# slow\n\n  drop=ping  \n"_s);
    child<QSpinBox>(&dialog, u"portBox"_s)->setValue(0);
    QVERIFY(dialog.validate());
    QCOMPARE(dialog.options().rules, QList<Sse::CaptureRule>{rule(u"drop=ping"_s)});
    QCOMPARE(dialog.options().port, 0);
}

void tst_Capture::dialog_everyLabelHasItsField()
{
    CaptureDialog dialog(CaptureDialog::Mode::Start);
    // A label with a mnemonic and no buddy shows its '&' and its shortcut goes nowhere.
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    int named = 0;
    for (const QLabel *label : labels) {
        if (!label->text().contains(u'&'))
            continue;
        ++named;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
    QVERIFY(named >= 5);
    const auto *certificate = dialog.findChild<QLineEdit *>(u"certificateEdit"_s);
    QVERIFY(std::any_of(labels.begin(), labels.end(),
            [certificate](const QLabel *label) { return label->buddy() == certificate; }));
}

void tst_Capture::dialog_rejectsBadInput_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("focused");
    QTest::addColumn<QString>("error");
    QTest::newRow("no upstream") << u"upstreamEdit"_s << QString() << u"upstreamEdit"_s
                                 << u"upstream"_s;
    QTest::newRow("ftp upstream") << u"upstreamEdit"_s << u"ftp://example.org/"_s
                                  << u"upstreamEdit"_s << u"http"_s;
    QTest::newRow("bind address") << u"bindEdit"_s << u"localhost-ish"_s << u"bindEdit"_s
                                  << u"localhost-ish"_s;
    QTest::newRow("certificate") << u"certificateEdit"_s << u"/nonexistent/cert.pem"_s
                                 << u"certificateEdit"_s << u"cert.pem"_s;
}

void tst_Capture::dialog_rejectsBadInput()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, focused);
    QFETCH(QString, error);
    CaptureDialog dialog(CaptureDialog::Mode::Start);
    Sse::CaptureOptions options;
    options.upstream = QUrl(u"http://127.0.0.1:8080/"_s);
    dialog.setOptions(options);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QLineEdit>(&dialog, field)->setText(value);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    child<QDialogButtonBox>(&dialog, u"buttons"_s)->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());
    QLabel *label = child<QLabel>(&dialog, u"errorLabel"_s);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(error, Qt::CaseInsensitive), qPrintable(label->text()));
    QCOMPARE(dialog.errorText(), label->text());
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(&dialog, focused));
}

void tst_Capture::dialog_namesAWrongRuleAsItIsTyped()
{
    CaptureDialog dialog(CaptureDialog::Mode::Start);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *rules = child<QPlainTextEdit>(&dialog, u"rulesEdit"_s);
    QLabel *label = child<QLabel>(&dialog, u"rulesErrorLabel"_s);
    rules->setPlainText(u"delay=100\ndelay=soon"_s);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().startsWith(u"Line 2: "_s), qPrintable(label->text()));
    QCOMPARE(label->text(),
            u"Line 2: "_s + Sse::parseCaptureRule(u"delay=soon").error); // the parser's words
    child<QLineEdit>(&dialog, u"upstreamEdit"_s)->setText(u"http://127.0.0.1:8080/"_s);
    QVERIFY(!dialog.validate());
    QCOMPARE(QApplication::focusWidget(), rules);
    rules->setPlainText(u"delay=100\ndelay=50"_s);
    QVERIFY(label->isHidden());
    QVERIFY(dialog.validate());
    QCOMPARE(dialog.options().rules.size(), 2);
}

void tst_Capture::dialog_editRulesMode_changesOnlyTheRules()
{
    CaptureDialog dialog(CaptureDialog::Mode::EditRules);
    Sse::CaptureOptions options;
    options.upstream = QUrl(u"http://127.0.0.1:8080/"_s);
    options.port = 9000;
    options.rules = {rule(u"delay=200"_s)};
    dialog.setOptions(options);
    QCOMPARE(dialog.windowTitle(), u"Edit Capture Rules"_s);
    for (const QString &name :
            {u"upstreamEdit"_s, u"portBox"_s, u"bindEdit"_s, u"certificateEdit"_s,
                    u"certificateButton"_s, u"rewriteHostBox"_s, u"rewriteOriginBox"_s})
        QVERIFY2(!child<QWidget>(&dialog, name)->isEnabled(), qPrintable(name));
    QVERIFY(child<QWidget>(&dialog, u"rulesEdit"_s)->isEnabled());
    // Even a field changed behind the form's back does not count.
    child<QLineEdit>(&dialog, u"upstreamEdit"_s)->setText(u"ftp://nowhere/"_s);
    child<QPlainTextEdit>(&dialog, u"rulesEdit"_s)->setPlainText(u"drop=ping"_s);
    QVERIFY(dialog.validate());
    Sse::CaptureOptions expected = options;
    expected.rules = {rule(u"drop=ping"_s)};
    QCOMPARE(dialog.options(), expected);
}

void tst_Capture::actions_disabledUntilACaptureRuns()
{
    MainWindow window;
    QVERIFY(action(&window, u"captureAction"_s));
    QVERIFY(action(&window, u"captureAction"_s)->isEnabled());
    QCOMPARE(action(&window, u"captureAction"_s)->shortcut(), QKeySequence(u"Ctrl+Shift+X"_s));
    for (const QString &name :
            {u"editCaptureRulesAction"_s, u"copyProxyUrlAction"_s, u"stopCaptureAction"_s}) {
        QAction *a = action(&window, name);
        QVERIFY2(a, qPrintable(name));
        QVERIFY2(!a->isEnabled(), qPrintable(name));
    }
    QVERIFY(child<QLabel>(&window, u"captureLabel"_s)->isHidden());
    QVERIFY(window.shortcutsText().contains(u"Capture"_s));
    // Capture… opens the dialog to start one.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    action(&window, u"captureAction"_s)->trigger();
    auto *dialog = child<CaptureDialog>(&window, u"captureDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), CaptureDialog::Mode::Start);
    dialog->reject();
}

void tst_Capture::actions_startFailure_isShown()
{
    MainWindow window;
    Sse::CaptureOptions options;
    options.upstream = QUrl(u"ftp://example.org/"_s);
    QVERIFY(!window.captureActions()->start(options));
    auto *box = child<QMessageBox>(&window, u"captureErrorBox"_s);
    QVERIFY(box);
    QCOMPARE(box->informativeText(), window.captureSession()->errorString());
    QVERIFY(!window.captureSession()->isRunning());
    QVERIFY(!action(&window, u"stopCaptureAction"_s)->isEnabled());
}

void tst_Capture::actions_runCopyEditAndStop()
{
    Sse::PublisherOptions publisherOptions;
    publisherOptions.generator.interval = 20ms;
    Sse::Publisher upstream(publisherOptions);
    QVERIFY(upstream.listen());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Sse::CaptureOptions options;
    options.upstream = upstream.url();
    QVERIFY(window.captureActions()->start(options));
    CaptureSession *session = window.captureSession();
    QVERIFY(session->isRunning());
    QVERIFY(action(&window, u"stopCaptureAction"_s)->isEnabled());
    QVERIFY(child<QDockWidget>(&window, u"captureDock"_s)->isVisible());
    QLabel *label = child<QLabel>(&window, u"captureLabel"_s);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(),
            u"Capturing %1 -> %2"_s.arg(
                    session->url().toDisplayString(), upstream.url().toDisplayString()));

    action(&window, u"copyProxyUrlAction"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), session->url().toString());

    // A stream through the proxy: a captured feed, marked in the list, and a row in the dock.
    Sse::EventSource client(session->url().resolved(QUrl(u"/events"_s)));
    client.open();
    auto *list = child<QListView>(&window, u"feedList"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data(FeedList::NoteRole).toString(), u"captured"_s);
    QVERIFY(list->model()->index(0, 0).data(Qt::ToolTipRole).toString().contains(u"captured"_s));
    auto *table = child<QTableView>(&window, u"exchangeTable"_s);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    // A captured feed cannot be connected, edited or duplicated: the app's requests do that.
    QVERIFY(!action(&window, u"connectAction"_s)->isEnabled());
    QVERIFY(!action(&window, u"editAction"_s)->isEnabled());
    QVERIFY(action(&window, u"exportAction"_s)->isEnabled());
    // The stream sent no retry field: no client default is shown as if it were the app's.
    QTRY_COMPARE(child<QLabel>(&window, u"retryLabel"_s)->text(), u"Retry: not sent"_s);

    // Capture… while one runs edits its rules, applied live.
    action(&window, u"captureAction"_s)->trigger();
    auto *dialog = child<CaptureDialog>(&window, u"captureDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), CaptureDialog::Mode::EditRules);
    child<QPlainTextEdit>(dialog, u"rulesEdit"_s)->setPlainText(u"delay=10"_s);
    child<QDialogButtonBox>(dialog, u"buttons"_s)->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(session->proxy()->rules(), QList<Sse::CaptureRule>{rule(u"delay=10"_s)});

    action(&window, u"stopCaptureAction"_s)->trigger();
    QVERIFY(!session->isRunning());
    QVERIFY(label->isHidden());
    QVERIFY(!action(&window, u"copyProxyUrlAction"_s)->isEnabled());
    QCOMPARE(list->model()->rowCount(), 1); // the feed stays
    client.close();
}

void tst_Capture::settings_rememberTheLastCapture()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Sse::CaptureOptions options;
    options.upstream = QUrl(u"ftp://not-an-upstream/"_s); // remembered even when it failed
    options.port = 9123;
    options.rules = {rule(u"stall=100,after=2"_s), rule(u"inject=a%2Cb,type=x"_s)};
    options.rewriteHost = false;
    {
        MainWindow window;
        QVERIFY(!window.captureActions()->start(options, u"/tmp/ca.pem"_s));
        window.saveSettings(settings);
    }
    MainWindow restored;
    (void)restored.restoreSettings(settings);
    QCOMPARE(restored.captureActions()->lastOptions(), options);
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    action(&restored, u"captureAction"_s)->trigger();
    auto *dialog = child<CaptureDialog>(&restored, u"captureDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->certificateFile(), u"/tmp/ca.pem"_s);
    QCOMPARE(child<QSpinBox>(dialog, u"portBox"_s)->value(), 9123);
}

void tst_Capture::window_goesWhileAStreamRuns()
{
    Sse::PublisherOptions publisherOptions;
    publisherOptions.generator.interval = 5ms;
    Sse::Publisher upstream(publisherOptions);
    QVERIFY(upstream.listen());
    std::unique_ptr<Sse::EventSource> client;
    {
        MainWindow window;
        Sse::CaptureOptions options;
        options.upstream = upstream.url();
        QVERIFY(window.captureActions()->start(options));
        client = std::make_unique<Sse::EventSource>(
                window.captureSession()->url().resolved(QUrl(u"/events"_s)));
        client->open();
        auto *feeds = window.findChild<FeedList *>(u"feeds"_s);
        QTRY_VERIFY(feeds->count() == 1 && feeds->at(0)->eventCount() > 3);
    }
    // The proxy went with the window: the client sees its stream end, and nothing crashed.
    QTRY_VERIFY(client->readyState() != Sse::EventSource::ReadyState::Open);
    client->close();
}

QTEST_MAIN(tst_Capture)
#include "tst_capture.moc"
