// SPDX-License-Identifier: MIT
// Tests of MainWindow (feeds, panels, actions, settings, export and import), offscreen,
// against the built-in publisher.
#include "ssedash/version.h"
#include "tests/support/child.h"
#include "tests/support/filesizelimit.h"
#include "tests/support/testserver.h"

#include "sselib/eventlog.h"
#include "sselib/logexport.h"
#include "sselib/publisher/publisher.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/dialogs/feeddialog.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/logactions.h"
#include "ui/mainwindow.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/feedlist.h"
#include "ui/models/logcontroller.h"
#include "ui/models/logexportjob.h"
#include "ui/models/publishercontroller.h"
#include "ui/models/secretstore.h"
#include "ui/publisher/publisherpanel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/widgets/feedlistdelegate.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using ReadyState = Feed::ReadyState;
using TestSupport::child;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startDefault_opensBuiltInFeed();
    void addFeed_addsEntryAndPanel_disconnectAndRemove();
    void addEditDuplicate_throughTheFeedDialog();
    void settings_persistFeedsAndKeepSecretsOnlyWhenAsked();
    void settings_persistThePublisherForm();
    void settings_noKeychainSaysSoOnce();
    void startDefault_savedPortTaken_fallsBackToAFreeOne();
    void copyCurl_redactsSecretsUnlessAsked();
    void shortcuts_listedInHelp();
    void publisherDock_restartMovesTheBuiltInFeed_openFeedAddsOne();
    void about_namesVersions();
    void export_import_roundTripThroughTheWindow();
    void export_filteredView_writesOnlyShownRows();
    void export_dialog_drivesTheExport();
    void export_failingDisk_keepsOldFileAndSaysWhy();
    void exportJob_cancelled_leavesTargetAlone();
    void import_badFile_saysWhere();
    void replay_importedLog_playsTheSameEvents();
    void settings_secretNotRemembered_asksBeforeConnecting();
    void removeFeed_withRecords_asksFirst();
    void deleteInTheTable_leavesTheFeed();
    void layout_at1024x700_givesTheLogTheRoom();
    void layout_collapsedStateIsRestoredUncollapsed();
    void feedList_elidesLongNamesInTheMiddle();
    void import_showsTheRecordingsSpanCountsAndTimeline();

private:
    /// A window on the built-in publisher whose feed has received at least `events` events,
    /// then stopped, so that its log holds still.
    static void fillAndStop(MainWindow &w, int events);
};

namespace {

QList<Sse::EventLog::Record> recordsOf(Feed *feed)
{
    QList<Sse::EventLog::Record> records;
    feed->model()->flush();
    for (int row = 0; row < feed->model()->rowCount(); ++row)
        records.append(feed->model()->record(row));
    return records;
}

bool sameRecord(const Sse::EventLog::Record &a, const Sse::EventLog::Record &b)
{
    // Raw wire lines and whether the event had an id field are views of the stream, not part
    // of the log.
    Sse::Event ea = a.event;
    Sse::Event eb = b.event;
    ea.raw.clear();
    eb.raw.clear();
    ea.hasIdField = eb.hasIdField = false;
    return a.kind == b.kind && ea == eb && a.text == b.text;
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

FeedList *feeds(const MainWindow &w)
{
    return child<FeedList>(&w, u"feeds"_s);
}

LogController *logs(const MainWindow &w)
{
    return child<LogController>(&w, u"logController"_s);
}

LogActions *logActions(const MainWindow &w)
{
    return child<LogActions>(&w, u"logActions"_s);
}

QAction *action(const MainWindow &w, const QString &name)
{
    return child<QAction>(&w, name);
}

QListView *feedList(const MainWindow &w)
{
    return child<QListView>(&w, u"feedList"_s);
}

QVariant entry(const MainWindow &w, int row, int role = Qt::DisplayRole)
{
    return feedList(w)->model()->index(row, 0).data(role);
}

QStackedWidget *panelStack(const MainWindow &w)
{
    return child<QStackedWidget>(&w, u"panelStack"_s);
}

FeedPanel *panelAt(const MainWindow &w, int index)
{
    return qobject_cast<FeedPanel *>(panelStack(w)->widget(index));
}

QLabel *publisherLabel(const MainWindow &w)
{
    return child<QLabel>(&w, u"publisherLabel"_s);
}

QDockWidget *publisherDock(const MainWindow &w)
{
    return child<QDockWidget>(&w, u"publisherDock"_s);
}

PublisherPanel *publisherPanel(const MainWindow &w)
{
    return child<PublisherPanel>(&w, u"publisherPanel"_s);
}

/// The visible dialog of type T (named `name`, when given) the window opened; null when none
/// comes up within five seconds.
template <typename T>
T *openedDialog(const MainWindow &w, const QString &name = {})
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor(
            [&] {
                const QList<T *> dialogs = w.findChildren<T *>(name);
                for (T *dialog : dialogs) {
                    if (dialog->isVisible())
                        found = dialog;
                }
                return found != nullptr;
            },
            5000);
    return shown ? found : nullptr;
}

/// True when the window shows a message box now.
bool showsMessageBox(const MainWindow &w)
{
    const QList<QMessageBox *> boxes = w.findChildren<QMessageBox *>();
    return std::any_of(
            boxes.cbegin(), boxes.cend(), [](const QWidget *box) { return box->isVisible(); });
}

} // namespace

void tst_MainWindow::fillAndStop(MainWindow &w, int events)
{
    QVERIFY2(w.startDefault(), qPrintable(w.publisherError()));
    w.publisher()->setGenerator([] {
        Sse::GeneratorSettings feed;
        feed.interval = std::chrono::milliseconds(5);
        feed.payload = Sse::GeneratorSettings::Payload::Json;
        feed.heartbeat = std::chrono::milliseconds(20); // comments in the log as well
        return feed;
    }());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Feed *feed = feeds(w)->at(0);
    QTRY_VERIFY_WITH_TIMEOUT(feed->eventCount() >= quint64(events), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(feed->commentCount() >= 1, 10000);
    action(w, u"stopAllAction"_s)->trigger();
    feed->model()->flush();
}

void tst_MainWindow::startDefault_opensBuiltInFeed()
{
    MainWindow w;
    QVERIFY2(w.startDefault(), qPrintable(w.publisherError()));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    QCOMPARE(feeds(w)->count(), 1);
    Feed *feed = feeds(w)->at(0);
    QVERIFY(feed);
    QCOMPARE(feed->config().url, w.publisher()->channelUrl({}));
    QTRY_COMPARE(feed->readyState(), ReadyState::Open);
    QTRY_VERIFY_WITH_TIMEOUT((feed->model()->flush(), feed->model()->rowCount() > 0), 5000);
    QVERIFY(publisherLabel(w)->text().contains(w.publisher()->url().toDisplayString()));
    QTRY_VERIFY(publisherLabel(w)->text().contains(u"clients: 1"_s));
    QCOMPARE(feedList(w)->model()->rowCount(), 1);
    QVERIFY(!entry(w, 0, Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(entry(w, 0, Qt::StatusTipRole).toString(), FeedPanel::stateLabel(ReadyState::Open));
}

void tst_MainWindow::addFeed_addsEntryAndPanel_disconnectAndRemove()
{
    MainWindow w;
    QVERIFY(w.startDefault());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    FeedConfig config;
    config.name = u"test-event"_s;
    config.url = w.publisher()->channelUrl("test-event"_ba);
    Feed *second = w.addFeed(config, true);
    QVERIFY(second);
    QCOMPARE(feeds(w)->count(), 2);
    QCOMPARE(feedList(w)->model()->rowCount(), 2);
    QCOMPARE(panelStack(w)->count(), 2);
    QCOMPARE(feeds(w)->currentIndex(), 1);
    QCOMPARE(panelStack(w)->currentWidget(), panelAt(w, 1));
    QCOMPARE(panelAt(w, 1)->feed(), second);
    QTRY_COMPARE(second->readyState(), ReadyState::Open);
    QTRY_VERIFY(publisherLabel(w)->text().contains(u"clients: 2"_s));

    feedList(w)->setCurrentIndex(feedList(w)->model()->index(0, 0));
    QCOMPARE(panelStack(w)->currentWidget(), panelAt(w, 0));
    QCOMPARE(feeds(w)->current(), feeds(w)->at(0));
    feedList(w)->setCurrentIndex(feedList(w)->model()->index(1, 0));
    QCOMPARE(panelStack(w)->currentWidget(), panelAt(w, 1));

    QVERIFY(action(w, u"disconnectAction"_s)->isEnabled());
    action(w, u"disconnectAction"_s)->trigger();
    QCOMPARE(second->readyState(), ReadyState::Closed);
    QVERIFY(action(w, u"connectAction"_s)->isEnabled());
    QCOMPARE(feeds(w)->at(0)->readyState(), ReadyState::Open);

    action(w, u"removeAction"_s)->trigger();
    QCOMPARE(feeds(w)->count(), 1);
    QCOMPARE(feedList(w)->model()->rowCount(), 1);
    QCOMPARE(panelStack(w)->count(), 1);
    QCOMPARE(feeds(w)->currentIndex(), 0);
    QCOMPARE(panelStack(w)->currentWidget(), panelAt(w, 0));

    // The panels follow the list, whoever changes it.
    Feed *third = feeds(w)->add(config);
    QCOMPARE(panelStack(w)->count(), 2);
    QCOMPARE(w.currentPanel()->feed(), third);
    QCOMPARE(feedList(w)->currentIndex().row(), 1);
    feeds(w)->setCurrentIndex(0);
    QCOMPARE(w.currentPanel(), panelAt(w, 0));
    QCOMPARE(feedList(w)->currentIndex().row(), 0);
    feeds(w)->remove(1);
    QCOMPARE(panelStack(w)->count(), 1);
    QCOMPARE(panelAt(w, 0)->feed(), feeds(w)->at(0));

    action(w, u"stopAllAction"_s)->trigger();
    QCOMPARE(feeds(w)->at(0)->readyState(), ReadyState::Closed);
    QTRY_VERIFY(publisherLabel(w)->text().contains(u"clients: 0"_s));
}

void tst_MainWindow::addEditDuplicate_throughTheFeedDialog()
{
    MainWindow w;
    QVERIFY(w.startDefault());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QUrl named = w.publisher()->channelUrl("test-event"_ba);

    // Add: the dialog comes up from the action; a bad URL is refused with a reason.
    action(w, u"addFeedAction"_s)->trigger();
    auto *dialog = openedDialog<FeedDialog>(w);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), FeedDialog::Mode::Add);
    child<QLineEdit>(dialog, u"urlEdit"_s)->setText(u"ftp://x"_s);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QLabel>(dialog, u"errorLabel"_s)->isVisible());
    child<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"Named"_s);
    child<QLineEdit>(dialog, u"urlEdit"_s)->setText(named.toString());
    dialog->accept();
    QVERIFY(!dialog->isVisible());
    QCOMPARE(feeds(w)->count(), 2);
    Feed *added = feeds(w)->current();
    QCOMPARE(added->config().name, u"Named"_s);
    QCOMPARE(added->config().url, named);
    QTRY_COMPARE(added->readyState(), ReadyState::Open);

    // Edit: a new name and an idle timeout; the connected feed reconnects with them.
    QVERIFY(action(w, u"editAction"_s)->isEnabled());
    action(w, u"editAction"_s)->trigger();
    dialog = openedDialog<FeedDialog>(w);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), FeedDialog::Mode::Edit);
    QCOMPARE(child<QLineEdit>(dialog, u"urlEdit"_s)->text(), named.toString());
    child<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"Renamed"_s);
    child<QDoubleSpinBox>(dialog, u"idleTimeoutBox"_s)->setValue(30);
    dialog->accept();
    QCOMPARE(feeds(w)->count(), 2);
    QCOMPARE(added->config().name, u"Renamed"_s);
    QCOMPARE(added->config().options.readTimeout, std::chrono::milliseconds(30000));
    QCOMPARE(entry(w, 1).toString(), u"Renamed"_s);
    QTRY_COMPARE(added->readyState(), ReadyState::Open);

    // Duplicate: a second feed with the same settings and a "(copy)" name.
    action(w, u"duplicateAction"_s)->trigger();
    dialog = openedDialog<FeedDialog>(w);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), FeedDialog::Mode::Duplicate);
    dialog->accept();
    QCOMPARE(feeds(w)->count(), 3);
    Feed *copy = feeds(w)->current();
    QVERIFY(copy != added);
    QCOMPARE(copy->config().url, named);
    QVERIFY(copy->config().name.contains(u"Renamed"_s));
    QVERIFY(copy->config().name != u"Renamed"_s);
    QCOMPARE(copy->config().options.readTimeout, std::chrono::milliseconds(30000));
    QTRY_COMPARE(copy->readyState(), ReadyState::Open);
}

void tst_MainWindow::settings_persistFeedsAndKeepSecretsOnlyWhenAsked()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ssedash.ini"_s);
    FeedConfig kept;
    kept.name = u"Kept"_s;
    kept.url = QUrl(u"http://127.0.0.1:9/events"_s);
    kept.options.headers = {{"Authorization"_ba, "Bearer s3cr3t-token"_ba}, {"X-Trace"_ba, "1"_ba}};
    kept.options.policy.backoff = true;
    kept.options.readTimeout = std::chrono::milliseconds(45000);
    {
        MainWindow w;
        QVERIFY(w.startDefault()); // the built-in feed is not saved: its port changes
        w.addFeed(kept, false);
        QSettings settings(path, QSettings::IniFormat);
        w.setAutoSaveSettings(&settings);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.close(); // saves
    }
    QVERIFY(!readAll(path).contains("s3cr3t-token"));
    QVERIFY(readAll(path).contains("X-Trace"));
    {
        MainWindow w;
        QSettings settings(path, QSettings::IniFormat);
        QVERIFY(w.restoreSettings(settings).isEmpty());
        QCOMPARE(feeds(w)->count(), 1);
        const FeedConfig back = feeds(w)->at(0)->config();
        QCOMPARE(back.name, kept.name);
        QCOMPARE(back.url, kept.url);
        QCOMPARE(back.options.headers.size(), 1); // the secret was not remembered
        QCOMPARE(back.options.headers.first().first, "X-Trace"_ba);
        QVERIFY(back.options.policy.backoff);
        QCOMPARE(back.options.readTimeout, std::chrono::milliseconds(45000));
        QCOMPARE(feeds(w)->at(0)->readyState(), ReadyState::Closed); // it was not connected

        // Ticking "remember" keeps the value in the keychain only (tst_feedsecrets runs a real
        // one); this window has none, and the file still gets no secret.
        FeedConfig remembered = kept;
        remembered.rememberSecrets = true;
        feeds(w)->update(0, remembered);
        w.saveSettings(settings);
        settings.sync();
    }
    QVERIFY(!readAll(path).contains("s3cr3t-token"));
    MainWindow w;
    QSettings settings(path, QSettings::IniFormat);
    QVERIFY(w.restoreSettings(settings).isEmpty());
    QVERIFY(feeds(w)->at(0)->config().rememberSecrets);
    QCOMPARE(feeds(w)->at(0)->config().missingSecrets, QList<QByteArray>{"Authorization"});
}

void tst_MainWindow::settings_noKeychainSaysSoOnce()
{
    // No session bus at all: never the keychain of the desktop running the tests. (QtKeychain
    // connects on first use, and no earlier function here uses it.)
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ssedash-no-bus");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ssedash.ini"_s);
    {
        // As versions before the keychain wrote a remembered feed.
        QSettings old(path, QSettings::IniFormat);
        old.setValue(u"feeds/version"_s, 1);
        old.setValue(u"feeds/items/size"_s, 1);
        old.setValue(u"feeds/items/1/name"_s, u"Old"_s);
        old.setValue(u"feeds/items/1/url"_s, u"http://127.0.0.1:9/events"_s);
        old.setValue(u"feeds/items/1/rememberSecrets"_s, true);
        old.setValue(u"feeds/items/1/headers/size"_s, 1);
        old.setValue(u"feeds/items/1/headers/1/name"_s, u"Authorization"_s);
        old.setValue(u"feeds/items/1/headers/1/value"_s, u"Bearer s3cr3t-token"_s);
    }
    SecretStore store(u"ssedash-test"_s);
    MainWindow w;
    QSignalSpy messages(w.statusBar(), &QStatusBar::messageChanged);
    w.setSecretStore(&store);
    QSettings settings(path, QSettings::IniFormat);
    QVERIFY(w.restoreSettings(settings).isEmpty());
    QVERIFY(!readAll(path).contains("s3cr3t-token")); // dropped from the file at once
    QTRY_COMPARE_WITH_TIMEOUT(store.availability(), SecretStore::Availability::Unavailable, 15000);
    const auto keychainNotices = [&messages] {
        int count = 0;
        for (const QList<QVariant> &message : std::as_const(messages))
            count += message.at(0).toString().contains(u"keychain"_s) ? 1 : 0;
        return count;
    };
    QTRY_COMPARE(keychainNotices(), 1);
    const QString notice = w.statusBar()->currentMessage();
    QVERIFY2(notice.contains(u"Old"_s), qPrintable(notice)); // names the feed, not the value
    QVERIFY(!notice.contains(u"s3cr3t"_s));
    // Still used until quit.
    QCOMPARE(feeds(w)->at(0)->config().options.headers.value(0).second, "Bearer s3cr3t-token"_ba);

    // The dialog's choice says why it is off; saving twice writes no secret and says nothing.
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    action(w, u"editAction"_s)->trigger();
    auto *dialog = openedDialog<FeedDialog>(w);
    QVERIFY(dialog);
    auto *remember = child<QCheckBox>(dialog, u"rememberSecretsBox"_s);
    QVERIFY(!remember->isEnabled());
    QVERIFY(remember->isChecked()); // the choice is kept for when a keychain is back
    QVERIFY2(remember->toolTip().contains(store.unavailableReason()),
            qPrintable(remember->toolTip()));
    dialog->accept();
    QTRY_VERIFY(!dialog->isVisible());
    w.saveSettings(settings);
    w.saveSettings(settings);
    settings.sync();
    QVERIFY(!readAll(path).contains("s3cr3t-token"));
    QCOMPARE(keychainNotices(), 1);
    w.close();
}

void tst_MainWindow::settings_persistThePublisherForm()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"ssedash.ini"_s), QSettings::IniFormat);
    {
        MainWindow w;
        Sse::PublisherOptions options = w.publisherController()->options();
        options.port = 0;
        options.generator.interval = std::chrono::milliseconds(250);
        options.generator.ids = Sse::GeneratorSettings::Ids::Uuid;
        options.generator.eventName = "tick";
        options.generator.retry = std::chrono::milliseconds(1500);
        options.generator.heartbeat = std::chrono::milliseconds(2000);
        w.publisherController()->setOptions(options);
        w.saveSettings(settings);
    }
    MainWindow w;
    QVERIFY(w.restoreSettings(settings).isEmpty());
    QVERIFY(w.startDefault()); // keeps the restored feed settings rather than its own defaults
    const Sse::GeneratorSettings feed = w.publisher()->options().generator;
    QCOMPARE(feed.interval, std::chrono::milliseconds(250));
    QCOMPARE(feed.ids, Sse::GeneratorSettings::Ids::Uuid);
    QCOMPARE(feed.eventName, "tick"_ba);
    QCOMPARE(feed.retry, std::chrono::milliseconds(1500));
    QCOMPARE(feed.heartbeat, std::chrono::milliseconds(2000));
}

void tst_MainWindow::startDefault_savedPortTaken_fallsBackToAFreeOne()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"ssedash.ini"_s), QSettings::IniFormat);
    {
        MainWindow w;
        w.publisherController()->setPort(holder.serverPort());
        w.saveSettings(settings);
    }
    MainWindow w;
    QVERIFY(w.restoreSettings(settings).isEmpty());
    QCOMPARE(w.publisherController()->options().port, holder.serverPort());
    QVERIFY2(w.startDefault(), qPrintable(w.publisherError()));
    QVERIFY(w.publisher()->port() != holder.serverPort());
    QCOMPARE(feeds(w)->count(), 1);
    QTRY_COMPARE(feeds(w)->at(0)->readyState(), ReadyState::Open);
    const QString message = w.statusBar()->currentMessage();
    QVERIFY2(message.contains(QString::number(holder.serverPort()))
                    && message.contains(QString::number(w.publisher()->port())),
            qPrintable(message));
}

void tst_MainWindow::copyCurl_redactsSecretsUnlessAsked()
{
    MainWindow w;
    FeedConfig config;
    config.name = u"Api"_s;
    config.url = QUrl(u"http://127.0.0.1:9/stream"_s);
    config.options.headers = {{"Authorization"_ba, "Bearer s3cr3t"_ba}};
    w.addFeed(config, false);
    action(w, u"copyCurlAction"_s)->trigger();
    QString text = QGuiApplication::clipboard()->text();
    QVERIFY2(text.startsWith(u"curl "_s), qPrintable(text));
    QVERIFY(text.contains(u"http://127.0.0.1:9/stream"_s));
    QVERIFY(!text.contains(u"s3cr3t"_s));
    action(w, u"copyCurlSecretsAction"_s)->trigger();
    text = QGuiApplication::clipboard()->text();
    QVERIFY(text.contains(u"Bearer s3cr3t"_s));
}

void tst_MainWindow::shortcuts_listedInHelp()
{
    MainWindow w;
    const QString text = w.shortcutsText();
    for (const QAction *action : {action(w, u"addFeedAction"_s), action(w, u"exportAction"_s),
                 action(w, u"importAction"_s), action(w, u"editAction"_s),
                 action(w, u"connectAction"_s)}) {
        QVERIFY2(text.contains(action->shortcut().toString(QKeySequence::NativeText)),
                qPrintable(action->text()));
    }
}

void tst_MainWindow::publisherDock_restartMovesTheBuiltInFeed_openFeedAddsOne()
{
    MainWindow w;
    QVERIFY(w.startDefault());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!publisherDock(w)->isVisible());
    publisherDock(w)->toggleViewAction()->trigger(); // View > Publisher Panel
    QVERIFY(publisherDock(w)->isVisible());
    PublisherPanel *panel = publisherPanel(w);
    Feed *builtIn = feeds(w)->at(0);
    QTRY_COMPARE(builtIn->readyState(), ReadyState::Open);

    // Stopped from the panel: the status bar says so and the feed loses its server.
    auto *startButton = panel->findChild<QPushButton *>(u"startButton"_s);
    QVERIFY(startButton);
    startButton->click();
    QVERIFY(!w.publisher());
    QCOMPARE(publisherLabel(w)->text(), u"Built-in publisher: off"_s);
    QTRY_VERIFY(builtIn->readyState() != ReadyState::Open);

    // Started again on a free port, which may differ: the built-in feed follows it.
    startButton->click();
    QVERIFY(w.publisher());
    QCOMPARE(builtIn->config().url, w.publisher()->channelUrl({}));
    QTRY_COMPARE(builtIn->readyState(), ReadyState::Open);
    QTRY_VERIFY(publisherLabel(w)->text().contains(u"clients: 1"_s));

    // "Open Feed" on a named channel adds a feed on it.
    panel->findChild<QComboBox *>(u"channelModeCombo"_s)
            ->setCurrentIndex(int(PublisherPanel::ChannelMode::Named));
    panel->findChild<QLineEdit *>(u"channelNameEdit"_s)->setText(u"alerts"_s);
    panel->findChild<QPushButton *>(u"openFeedButton"_s)->click();
    QCOMPARE(feeds(w)->count(), 2);
    QCOMPARE(feeds(w)->current()->config().url.path(), u"/events/alerts"_s);
    QTRY_COMPARE(feeds(w)->current()->readyState(), ReadyState::Open);
    w.publisher()->publish("alerts"_ba, "hello"_ba);
    QTRY_VERIFY((feeds(w)->current()->model()->flush(), feeds(w)->current()->eventCount() >= 1));
}

void tst_MainWindow::about_namesVersions()
{
    const QString text = MainWindow::aboutText();
    QVERIFY(text.contains(QStringLiteral(SSEDASH_VERSION)));
    const QString running = QString::fromLatin1(qVersion());
    QVERIFY(text.contains(u"Qt "_s + running));
    // The build's Qt only where it is another one.
    const bool sameQt = running == QStringLiteral(QT_VERSION_STR);
    QCOMPARE(text.contains(u"built with Qt "_s QT_VERSION_STR), !sameQt);
}

void tst_MainWindow::export_import_roundTripThroughTheWindow()
{
    MainWindow w;
    fillAndStop(w, 20);
    if (QTest::currentTestFailed())
        return;
    const QList<Sse::EventLog::Record> original = recordsOf(feeds(w)->at(0));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"log.ndjson"_s);

    QSignalSpy finished(logs(w), &LogController::exportFinished);
    QVERIFY(action(w, u"exportAction"_s)->isEnabled());
    QVERIFY(logActions(w)->exportLog(feeds(w)->at(0), path, Sse::LogFormat::Ndjson));
    QVERIFY(!action(w, u"exportAction"_s)->isEnabled()); // one export at a time
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<Sse::ExportResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(original.size()));
    QVERIFY(w.statusBar()->currentMessage().contains(u"Exported"_s));
    QVERIFY(action(w, u"exportAction"_s)->isEnabled());

    const LogController::FeedResult importResult = logs(w)->importLog(path);
    QVERIFY2(importResult.ok, qPrintable(importResult.error));
    Feed *imported = importResult.feed;
    QVERIFY(imported);
    QCOMPARE(feeds(w)->count(), 2);
    QCOMPARE(feeds(w)->current(), imported);
    QVERIFY(feeds(w)->isImported(imported));
    QVERIFY(!feeds(w)->isImported(feeds(w)->at(0)));
    QVERIFY(!action(w, u"connectAction"_s)->isEnabled()); // nothing to connect to
    QVERIFY(!action(w, u"reconnectAction"_s)->isEnabled());
    const QList<Sse::EventLog::Record> back = recordsOf(imported);
    QCOMPARE(back.size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i)
        QVERIFY2(sameRecord(back.at(i), original.at(i)), qPrintable(QString::number(i)));
    // The panel shows them: rows in the view, the types in the type checklist.
    QCOMPARE(panelAt(w, 1)->filterModel()->rowCount(), int(original.size()));
}

void tst_MainWindow::export_filteredView_writesOnlyShownRows()
{
    MainWindow w;
    fillAndStop(w, 10);
    if (QTest::currentTestFailed())
        return;
    FeedPanel *panel = panelAt(w, 0);
    // Filtered as a user does: comments off, then a text filter typed into the filter bar.
    auto *comments = child<QToolButton>(panel, u"commentsButton"_s);
    QVERIFY(comments->isChecked());
    comments->click();
    QVERIFY(!panel->filterModel()->showComments());
    const int withoutComments = panel->filterModel()->rowCount();
    QVERIFY(withoutComments < feeds(w)->at(0)->model()->rowCount());
    QTest::keyClicks(child<QLineEdit>(panel, u"textFilterEdit"_s), u"\"sequence\":\"1"_s);
    const int shown = panel->filterModel()->rowCount();
    QVERIFY(shown > 0);
    QVERIFY(shown < withoutComments);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"shown.csv"_s);
    QSignalSpy finished(logs(w), &LogController::exportFinished);
    QVERIFY(logActions(w)->exportLog(
            feeds(w)->at(0), path, Sse::LogFormat::Csv, panel->filterModel()));
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<Sse::ExportResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(shown));
    const QByteArray csv = readAll(path);
    QCOMPARE(csv.count("\r\n"), shown + 1); // header + one line a row (JSON data has no breaks)
    QVERIFY(!csv.contains(",comment,"));
    // Every exported row passed the text filter (CSV doubles the quotes inside the data).
    const QList<QByteArray> lines = csv.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines.at(i).isEmpty())
            QVERIFY2(lines.at(i).contains("\"\"sequence\"\":\"\"1"), lines.at(i).constData());
    }
}

void tst_MainWindow::export_dialog_drivesTheExport()
{
    MainWindow w;
    fillAndStop(w, 5);
    if (QTest::currentTestFailed())
        return;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"dialog.sse"_s);
    QSignalSpy finished(logs(w), &LogController::exportFinished);
    action(w, u"exportAction"_s)->trigger();
    auto *dialog = openedDialog<ExportDialog>(w, u"exportDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->isModal()); // the window waits, the feeds go on
    child<QLineEdit>(dialog, u"exportFile"_s)->clear();
    QTest::keyClicks(child<QLineEdit>(dialog, u"exportFile"_s), path);
    // The suffix picks the format.
    QCOMPARE(dialog->format(), Sse::LogFormat::EventStream);
    dialog->accept();
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().first().value<Sse::ExportResult>().ok);
    const QByteArray stream = readAll(path);
    QVERIFY(stream.contains("data: {"));
    QVERIFY(stream.contains("\nid: "));
}

void tst_MainWindow::export_failingDisk_keepsOldFileAndSaysWhy()
{
    MainWindow w;
    fillAndStop(w, 50);
    if (QTest::currentTestFailed())
        return;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"kept.ndjson"_s);
    QVERIFY(writeAll(path, "old content\n"));
    QSignalSpy finished(logs(w), &LogController::exportFinished);
    {
        // Smaller than the log: the write fails part way, as on a full disk.
        TestSupport::FileSizeLimit limit(1024);
        QVERIFY2(limit.isActive(), "setrlimit(RLIMIT_FSIZE) failed");
        QVERIFY(logActions(w)->exportLog(feeds(w)->at(0), path, Sse::LogFormat::Ndjson));
        QVERIFY(finished.wait(10000));
    }
    const auto result = finished.first().first().value<Sse::ExportResult>();
    QVERIFY(!result.ok);
    QVERIFY(!result.cancelled);
    QVERIFY2(result.error.contains(u"kept.ndjson"_s), qPrintable(result.error));
    QCOMPARE(readAll(path), "old content\n"_ba);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"kept.ndjson"_s});
    // The user is told, in the status bar and in a message box that does not block the feeds.
    QVERIFY(!w.statusBar()->currentMessage().isEmpty());
    auto *box = w.findChild<QMessageBox *>(u"errorBox"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(result.error));
    QVERIFY(box->text().contains(u"left as it was"_s));
}

void tst_MainWindow::exportJob_cancelled_leavesTargetAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cancel.ndjson"_s);
    QVERIFY(writeAll(path, "old\n"));
    QList<Sse::EventLog::Record> records(5000);
    for (qsizetype i = 0; i < records.size(); ++i) {
        records[i].kind = Sse::EventLog::Record::Kind::Event;
        records[i].event.data = QByteArray::number(i);
    }
    LogExportJob job(records, path, Sse::LogFormat::Ndjson);
    QSignalSpy finished(&job, &LogExportJob::finished);
    job.cancel(); // before the first progress step: deterministic
    job.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(job.result().cancelled);
    QVERIFY(!job.result().ok);
    QCOMPARE(readAll(path), "old\n"_ba);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList{u"cancel.ndjson"_s});
}

void tst_MainWindow::import_badFile_saysWhere()
{
    MainWindow w;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.ndjson"_s);
    QVERIFY(writeAll(path,
            "{\"kind\":\"comment\",\"receivedMs\":1,\"connection\":1,\"comment\":\"x\"}\n"
            "not json\n"));
    const LogController::FeedResult bad = logs(w)->importLog(path);
    QVERIFY(!bad.ok);
    QVERIFY2(bad.error.contains(u"bad.ndjson:2"_s), qPrintable(bad.error));
    QCOMPARE(feeds(w)->count(), 0);
    const LogController::FeedResult missing = logs(w)->importLog(dir.filePath(u"missing.ndjson"_s));
    QVERIFY(!missing.ok);
    QVERIFY2(missing.error.contains(u"missing.ndjson"_s), qPrintable(missing.error));
}

void tst_MainWindow::replay_importedLog_playsTheSameEvents()
{
    MainWindow w;
    fillAndStop(w, 8);
    if (QTest::currentTestFailed())
        return;
    QList<QByteArray> sent;
    const QList<Sse::EventLog::Record> original = recordsOf(feeds(w)->at(0));
    for (const auto &record : original) {
        if (record.kind == Sse::EventLog::Record::Kind::Event)
            sent.append(record.event.data);
    }
    const LogController::FeedResult result = logs(w)->replayLog(feeds(w)->at(0), 20.0);
    QVERIFY2(result.ok, qPrintable(result.error));
    Feed *replay = result.feed;
    QVERIFY(replay);
    QCOMPARE(feeds(w)->current(), replay);
    QCOMPARE(replay->config().url.path(), u"/events"_s);
    QVERIFY(replay->config().url.port() != w.publisher()->port());
    QTRY_VERIFY_WITH_TIMEOUT(replay->eventCount() >= quint64(sent.size()), 10000);
    QList<QByteArray> received;
    for (const auto &record : recordsOf(replay)) {
        if (record.kind == Sse::EventLog::Record::Kind::Event)
            received.append(record.event.data);
    }
    QCOMPARE(received, sent);
}

namespace {

/// Every pane of the window's visible splitters is at least as large as its minimum, the feed
/// list and the log have a usable width, and the publisher panel's form fits when it is shown.
void checkPanes(MainWindow &w)
{
    const QList<QSplitter *> splitters = w.findChildren<QSplitter *>();
    for (const QSplitter *splitter : splitters) {
        if (!splitter->isVisible())
            continue;
        for (int i = 0; i < splitter->count(); ++i) {
            const QWidget *pane = splitter->widget(i);
            const bool horizontal = splitter->orientation() == Qt::Horizontal;
            const int size = horizontal ? pane->width() : pane->height();
            const QSize minimum = pane->minimumSizeHint().expandedTo(pane->minimumSize());
            QVERIFY2(size > 0 && size >= (horizontal ? minimum.width() : minimum.height()),
                    qPrintable(
                            u"%1 %2: %3"_s.arg(QString::fromLatin1(pane->metaObject()->className()))
                                    .arg(i)
                                    .arg(size)));
        }
    }
    QVERIFY2(feedList(w)->width() >= 140, qPrintable(QString::number(feedList(w)->width())));
    const int table = w.currentPanel()->tableView()->width();
    QVERIFY2(table >= 200, qPrintable(QString::number(table)));
    // The publisher panel's form fits (it does not scroll sideways).
    if (publisherDock(w)->isVisible()) {
        const auto *scroll = publisherPanel(w)->findChild<QScrollArea *>();
        const QWidget *form = scroll->widget();
        QTRY_VERIFY2(form->width() >= form->minimumSizeHint().width()
                        && form->width() <= scroll->viewport()->width(),
                qPrintable(u"%1 in %2, at least %3"_s.arg(form->width())
                                   .arg(scroll->viewport()->width())
                                   .arg(form->minimumSizeHint().width())));
    }
}

} // namespace

void tst_MainWindow::settings_secretNotRemembered_asksBeforeConnecting()
{
    TestSupport::TestServer server;
    QVERIFY(server.listen());
    server.route("/events", TestSupport::Handlers::sseHold(": hello\n\n"));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ssedash.ini"_s);
    FeedConfig config;
    config.name = u"Api"_s;
    config.url = server.url(u"/events"_s);
    config.options.headers = {{"Authorization"_ba, "Bearer first-4711"_ba}, {"X-Trace"_ba, "1"_ba}};
    {
        MainWindow w;
        Feed *feed = w.addFeed(config, true);
        QTRY_COMPARE(feed->readyState(), ReadyState::Open);
        QSettings settings(path, QSettings::IniFormat);
        w.saveSettings(settings); // connected, its secret not remembered
    }
    QVERIFY(!readAll(path).contains("first-4711"));
    const int requestsBefore = server.requestCount();

    MainWindow w;
    QSettings settings(path, QSettings::IniFormat);
    const QStringList warnings = w.restoreSettings(settings);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Feed *feed = feeds(w)->at(0);
    // It was connected, but it does not connect without its secret; list and panel say why.
    QCOMPARE(feed->readyState(), ReadyState::Closed);
    QVERIFY(!feed->source());
    QVERIFY2(warnings.join(u' ').contains(u"Authorization needs a value"_s),
            qPrintable(warnings.join(u' ')));
    QVERIFY2(entry(w, 0, Qt::ToolTipRole).toString().contains(u"Authorization needs a value"_s),
            qPrintable(entry(w, 0, Qt::ToolTipRole).toString()));
    QCOMPARE(entry(w, 0, FeedListDelegate::NoteRole).toString(), u"Authorization needs a value"_s);
    auto *note = panelAt(w, 0)->findChild<QLabel *>(u"secretsNote"_s);
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"Authorization needs a value"_s), qPrintable(note->text()));

    // Connect asks for the value first; Cancel does not connect.
    QVERIFY(action(w, u"connectAction"_s)->isEnabled());
    action(w, u"connectAction"_s)->trigger();
    auto *prompt = openedDialog<QDialog>(w, u"secretPrompt"_s);
    QVERIFY(prompt);
    QVERIFY(prompt->isModal());
    QVERIFY(prompt->findChild<QLineEdit *>(u"secretEdit_Authorization"_s));
    QCOMPARE(feed->readyState(), ReadyState::Closed); // not while it asks
    prompt->reject();
    QCoreApplication::processEvents();
    QCOMPARE(feed->readyState(), ReadyState::Closed);
    QVERIFY(!feed->source());
    QCOMPARE(server.requestCount(), requestsBefore);

    // The typed value goes out with the request.
    action(w, u"connectAction"_s)->trigger();
    prompt = openedDialog<QDialog>(w, u"secretPrompt"_s);
    QVERIFY(prompt);
    auto *edit = prompt->findChild<QLineEdit *>(u"secretEdit_Authorization"_s);
    QVERIFY(edit);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(edit, u"Bearer typed-0815"_s);
    prompt->accept();
    QTRY_COMPARE(feed->readyState(), ReadyState::Open);
    const TestSupport::Request request = server.lastRequest("/events");
    QCOMPARE(request.header("Authorization"), "Bearer typed-0815"_ba);
    QCOMPARE(request.header("X-Trace"), "1"_ba);
    QVERIFY(!note->isVisible());
    QVERIFY(!entry(w, 0, Qt::ToolTipRole).toString().contains(u"needs a value"_s));
    QVERIFY(entry(w, 0, FeedListDelegate::NoteRole).toString().isEmpty());
}

void tst_MainWindow::removeFeed_withRecords_asksFirst()
{
    MainWindow w;
    fillAndStop(w, 3);
    if (QTest::currentTestFailed())
        return;
    // Return takes the default, Cancel: the feed and its log stay.
    action(w, u"removeAction"_s)->trigger();
    auto *box = openedDialog<QMessageBox>(w, u"removeFeedConfirmation"_s);
    QVERIFY(box);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QVERIFY2(box->text().contains(u"Built-in publisher"_s), qPrintable(box->text()));
    QTest::keyClick(box, Qt::Key_Return);
    QVERIFY(!box->isVisible());
    QCOMPARE(feeds(w)->count(), 1);
    QVERIFY(feeds(w)->at(0)->model()->rowCount() > 0);

    // Remove removes it.
    action(w, u"removeAction"_s)->trigger();
    box = openedDialog<QMessageBox>(w, u"removeFeedConfirmation"_s);
    QVERIFY(box);
    auto *remove = box->findChild<QPushButton *>(u"removeButton"_s);
    QVERIFY(remove);
    remove->click();
    QCOMPARE(feeds(w)->count(), 0);

    // A feed whose log is empty goes at once.
    FeedConfig config;
    config.url = QUrl(u"http://127.0.0.1:9/events"_s);
    w.addFeed(config, false);
    action(w, u"removeAction"_s)->trigger();
    QCOMPARE(feeds(w)->count(), 0);
    QVERIFY(!showsMessageBox(w));
}

void tst_MainWindow::deleteInTheTable_leavesTheFeed()
{
    MainWindow w;
    fillAndStop(w, 3);
    if (QTest::currentTestFailed())
        return;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTableView *table = w.currentPanel()->tableView();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    table->selectRow(0);
    // Delete on an event is no "remove this feed": no question, the feed stays.
    QTest::keyClick(table, Qt::Key_Delete);
    QVERIFY(!showsMessageBox(w));
    QCOMPARE(feeds(w)->count(), 1);
}

void tst_MainWindow::layout_at1024x700_givesTheLogTheRoom()
{
    MainWindow w;
    QVERIFY(w.startDefault());
    w.resize(1024, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The publisher panel starts closed; the View menu and the toolbar open it.
    QVERIFY(!publisherDock(w)->isVisible());
    QAction *toggle = publisherDock(w)->toggleViewAction();
    auto *toolBar = w.findChild<QToolBar *>(u"feedToolBar"_s);
    QVERIFY(toolBar);
    QVERIFY(toolBar->actions().contains(toggle));
    QVERIFY(toolBar->widgetForAction(toggle)->isVisible()); // not in the overflow menu
    checkPanes(w);
    if (QTest::currentTestFailed())
        return;
    toggle->trigger();
    QTRY_VERIFY(publisherDock(w)->isVisible());
    // The dock takes a quarter of a narrow window.
    QTRY_VERIFY(publisherDock(w)->width()
            <= std::max(w.width() / 4, publisherPanel(w)->minimumWidth()));
    checkPanes(w);
}

void tst_MainWindow::layout_collapsedStateIsRestoredUncollapsed()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"ssedash.ini"_s), QSettings::IniFormat);
    {
        // What an older build, or a hand-edited file, may hold: the feed list collapsed.
        QSplitter collapsed(Qt::Horizontal);
        collapsed.addWidget(new QWidget(&collapsed));
        collapsed.addWidget(new QWidget(&collapsed));
        collapsed.setChildrenCollapsible(true);
        collapsed.resize(1000, 500);
        collapsed.setSizes({0, 1000});
        settings.setValue(u"window/splitter"_s, collapsed.saveState());
    }
    MainWindow w;
    (void)w.restoreSettings(settings);
    QVERIFY(w.startDefault());
    w.resize(1024, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *splitter = qobject_cast<QSplitter *>(w.centralWidget());
    QVERIFY(splitter);
    QVERIFY(!splitter->childrenCollapsible());
    checkPanes(w);
    if (QTest::currentTestFailed())
        return;

    // What is saved again is not collapsed either.
    w.saveSettings(settings);
    QSplitter probe(Qt::Horizontal);
    probe.addWidget(new QWidget(&probe));
    probe.addWidget(new QWidget(&probe));
    QVERIFY(probe.restoreState(settings.value(u"window/splitter"_s).toByteArray()));
    QVERIFY(!probe.childrenCollapsible());
    QVERIFY2(!probe.sizes().contains(0), qPrintable(QString::number(probe.sizes().first())));
}

void tst_MainWindow::feedList_elidesLongNamesInTheMiddle()
{
    MainWindow w;
    const QString name = u"orders-service-production-eu-west-1-stream"_s;
    FeedConfig config;
    config.url = QUrl(u"http://127.0.0.1:9/events"_s);
    config.name = name;
    w.addFeed(config, false);
    config.name = name + u" (copy)"_s;
    w.addFeed(config, false);
    config.name = u"x"_s;
    w.addFeed(config, false); // the current one: the two above are drawn alike
    w.resize(1024, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QListView *list = feedList(w);
    QVERIFY(list->fontMetrics().horizontalAdvance(name) > list->viewport()->width());
    // What the user sees of each entry: the ends differ ("… (copy)").
    const auto shown = [list](int row) {
        const QRect rect =
                list->visualRect(list->model()->index(row, 0)) & list->viewport()->rect();
        return list->viewport()->grab(rect).toImage();
    };
    QVERIFY(!shown(0).isNull());
    QVERIFY(shown(0) != shown(1));
    QVERIFY2(entry(w, 1, Qt::ToolTipRole).toString().contains(name + u" (copy)"_s),
            qPrintable(entry(w, 1, Qt::ToolTipRole).toString()));
}

void tst_MainWindow::import_showsTheRecordingsSpanCountsAndTimeline()
{
    const qint64 t0 = QDateTime(QDate(2024, 5, 1), QTime(12, 1, 3)).toMSecsSinceEpoch();
    QByteArray log;
    const auto addEvent = [&log](qint64 at, int connection, const QByteArray &id) {
        Sse::Event event;
        event.type = "message";
        event.data = "x";
        event.lastEventId = id;
        event.receivedMs = at;
        event.connection = connection;
        Sse::EventLog::appendEvent(log, event);
    };
    addEvent(t0, 1, "1");
    addEvent(t0 + 60'000, 1, "2");
    Sse::EventLog::appendComment(log, "keep-alive", t0 + 90'000, 1);
    // A kind a later version may write, with neither time nor connection: not part of the span.
    log += "{\"kind\":\"marker\"}\n";
    addEvent(t0 + 200'000, 2, "3");
    addEvent(t0 + 277'000, 2, "4");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"recorded.ndjson"_s);
    QVERIFY(writeAll(path, log));

    MainWindow w;
    w.resize(1024, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const LogController::FeedResult result = logs(w)->importLog(path);
    QVERIFY2(result.ok, qPrintable(result.error));
    Feed *feed = result.feed;
    QVERIFY(feed);
    FeedPanel *panel = panelAt(w, 0);
    QTRY_COMPARE(panel->stateText(), u"IMPORTED"_s);
    const QString status = panel->statusText();
    QVERIFY2(status.contains(u"Events: 4 (+1 comments)"_s), qPrintable(status));
    QVERIFY2(status.contains(u"Recorded: 12:01:03 \u2013 12:05:40 (4 min 37 s)"_s),
            qPrintable(status));
    QVERIFY2(status.contains(u"Connections: 2"_s), qPrintable(status));
    QVERIFY2(status.contains(u"Last id: 4"_s), qPrintable(status));
    // Nothing live is claimed: no rate, bytes or retry time was recorded.
    QVERIFY2(
            !status.contains(u"Retry: 3"_s) && !status.contains(u"Bytes: 0"_s), qPrintable(status));

    // The timeline: one OPEN span per connection, from its first record to its last.
    const std::deque<ConnectionHistory::StateSpan> &spans = feed->history()->spans();
    QCOMPARE(spans.size(), size_t(2));
    QCOMPARE(spans[0].state, ReadyState::Open);
    QCOMPARE(spans[0].startMs, t0);
    QCOMPARE(spans[0].endMs, t0 + 90'000);
    QCOMPARE(spans[1].state, ReadyState::Open);
    QCOMPARE(spans[1].startMs, t0 + 200'000);
    QCOMPARE(spans[1].endMs, t0 + 277'000);
    QCOMPARE(feed->history()->totalEvents(), qint64(4));
    // ... and it shows the recording, not the present.
    auto *timeline = child<TimelineWidget>(panel, u"timeline"_s);
    QTRY_VERIFY(!timeline->followsLive());
    const TimeRange visible = timeline->mapping().visibleRange();
    QVERIFY(visible.startMs <= t0);
    QVERIFY(visible.endMs >= t0 + 277'000);
    QVERIFY(visible.length() < 2 * 277'000);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
