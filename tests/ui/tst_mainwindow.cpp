// SPDX-License-Identifier: MIT
// Tests of MainWindow (feeds, panels, actions, status bar) and AddFeedDialog, offscreen,
// against the built-in publisher.
#include "sselib/publisher.h"
#include "ui/addfeeddialog.h"
#include "ui/feedpanel.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using ReadyState = Feed::ReadyState;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startDefault_opensBuiltInFeed();
    void addFeed_addsEntryAndPanel_disconnectAndRemove();
    void addFeedDialog_validatesUrl();
    void about_namesVersions();
};

void tst_MainWindow::startDefault_opensBuiltInFeed()
{
    MainWindow w;
    QVERIFY2(w.startDefault(), qPrintable(w.publisherError()));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    QCOMPARE(w.feedCount(), 1);
    Feed *feed = w.feed(0);
    QVERIFY(feed);
    QCOMPARE(feed->config().url, w.publisher()->url(Sse::Publisher::pathOf({})));
    QTRY_COMPARE(feed->readyState(), ReadyState::Open);
    QTRY_VERIFY_WITH_TIMEOUT((feed->model()->flush(), feed->model()->rowCount() > 0), 5000);
    QVERIFY(w.publisherLabel()->text().contains(w.publisher()->url().toDisplayString()));
    QTRY_VERIFY(w.publisherLabel()->text().contains(u"clients: 1"_s));
    QCOMPARE(w.feedList()->count(), 1);
    QVERIFY(!w.feedList()->item(0)->icon().isNull());
}

void tst_MainWindow::addFeed_addsEntryAndPanel_disconnectAndRemove()
{
    MainWindow w;
    QVERIFY(w.startDefault());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    FeedConfig config;
    config.name = u"test-event"_s;
    config.url = w.publisher()->url(Sse::Publisher::pathOf("test-event"_ba));
    Feed *second = w.addFeed(config, true);
    QVERIFY(second);
    QCOMPARE(w.feedCount(), 2);
    QCOMPARE(w.feedList()->count(), 2);
    QCOMPARE(w.panelStack()->count(), 2);
    QCOMPARE(w.currentIndex(), 1);
    QCOMPARE(w.panelStack()->currentWidget(), w.panel(1));
    QCOMPARE(w.panel(1)->feed(), second);
    QTRY_COMPARE(second->readyState(), ReadyState::Open);
    QTRY_VERIFY(w.publisherLabel()->text().contains(u"clients: 2"_s));

    w.feedList()->setCurrentRow(0);
    QCOMPARE(w.panelStack()->currentWidget(), w.panel(0));
    QCOMPARE(w.currentFeed(), w.feed(0));
    w.feedList()->setCurrentRow(1);
    QCOMPARE(w.panelStack()->currentWidget(), w.panel(1));

    QVERIFY(w.disconnectAction()->isEnabled());
    w.disconnectAction()->trigger();
    QCOMPARE(second->readyState(), ReadyState::Closed);
    QVERIFY(w.connectAction()->isEnabled());
    QCOMPARE(w.feed(0)->readyState(), ReadyState::Open);

    w.removeAction()->trigger();
    QCOMPARE(w.feedCount(), 1);
    QCOMPARE(w.feedList()->count(), 1);
    QCOMPARE(w.panelStack()->count(), 1);
    QCOMPARE(w.currentIndex(), 0);
    QCOMPARE(w.panelStack()->currentWidget(), w.panel(0));

    w.stopAllAction()->trigger();
    QCOMPARE(w.feed(0)->readyState(), ReadyState::Closed);
    QTRY_VERIFY(w.publisherLabel()->text().contains(u"clients: 0"_s));
}

void tst_MainWindow::addFeedDialog_validatesUrl()
{
    AddFeedDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.urlEdit()->setText(u"ftp://x"_s);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.errorLabel()->isVisible());
    QVERIFY(dialog.errorText().contains(u"ftp://x"_s));

    dialog.urlEdit()->setText(u"http://127.0.0.1:8080/events"_s);
    dialog.headersEdit()->setPlainText(u"Authorization: Bearer abc\n"_s);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.errorLabel()->isVisible());
    const FeedConfig config = dialog.config();
    QCOMPARE(config.url, QUrl(u"http://127.0.0.1:8080/events"_s));
    QVERIFY(!config.name.isEmpty());
    QCOMPARE(config.options.method, "GET"_ba);
    QCOMPARE(config.options.headers.size(), 1);
    QCOMPARE(config.options.headers.first().first, "Authorization"_ba);
    QCOMPARE(config.options.headers.first().second, "Bearer abc"_ba);
}

void tst_MainWindow::about_namesVersions()
{
    const QString text = MainWindow::aboutText();
    QVERIFY(text.contains(QStringLiteral(SSEDASH_VERSION)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
