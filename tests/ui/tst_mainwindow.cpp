// SPDX-License-Identifier: MIT
// Tests of MainWindow (feeds, panels, actions, settings, export and import), offscreen,
// against the built-in publisher.
#include "tests/support/filesizelimit.h"
#include "tests/support/testserver.h"

#include "sselib/eventlog.h"
#include "sselib/logexport.h"
#include "sselib/publisher/publisher.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/dialogs/feeddialog.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/mainwindow.h"
#include "ui/models/eventfiltermodel.h"
#include "ui/models/logexportjob.h"
#include "ui/models/publishercontroller.h"
#include "ui/publisher/publisherpanel.h"
#include "ui/timeline/timelinewidget.h"
#include "ui/widgets/feedlistdelegate.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startDefault_opensBuiltInFeed();
    void addFeed_addsEntryAndPanel_disconnectAndRemove();
    void addEditDuplicate_throughTheFeedDialog();
    void settings_persistFeedsAndKeepSecretsOnlyWhenAsked();
    void settings_persistThePublisherForm();
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
    return a.kind == b.kind && ea == eb && a.comment == b.comment;
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
    Feed *feed = w.feed(0);
    QTRY_VERIFY_WITH_TIMEOUT(feed->eventCount() >= quint64(events), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(feed->commentCount() >= 1, 10000);
    w.stopAllAction()->trigger();
    feed->model()->flush();
}

void tst_MainWindow::startDefault_opensBuiltInFeed()
{
    MainWindow w;
    QVERIFY2(w.startDefault(), qPrintable(w.publisherError()));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    QCOMPARE(w.feedCount(), 1);
    Feed *feed = w.feed(0);
    QVERIFY(feed);
    QCOMPARE(feed->config().url, w.publisher()->channelUrl({}));
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
    config.url = w.publisher()->channelUrl("test-event"_ba);
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

void tst_MainWindow::addEditDuplicate_throughTheFeedDialog()
{
    MainWindow w;
    QVERIFY(w.startDefault());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QUrl named = w.publisher()->channelUrl("test-event"_ba);

    // Add: the dialog comes up from the action; a bad URL is refused with a reason.
    bool sawAdd = false;
    QTimer::singleShot(0, &w, [&] {
        auto *dialog = qobject_cast<FeedDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawAdd = dialog->mode() == FeedDialog::Mode::Add;
        dialog->urlEdit()->setText(u"ftp://x"_s);
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorLabel()->isVisible());
        dialog->nameEdit()->setText(u"Named"_s);
        dialog->urlEdit()->setText(named.toString());
        dialog->accept();
    });
    w.addFeedAction()->trigger();
    QVERIFY(sawAdd);
    QCOMPARE(w.feedCount(), 2);
    Feed *added = w.currentFeed();
    QCOMPARE(added->config().name, u"Named"_s);
    QCOMPARE(added->config().url, named);
    QTRY_COMPARE(added->readyState(), ReadyState::Open);

    // Edit: a new name and an idle timeout; the connected feed reconnects with them.
    QTimer::singleShot(0, &w, [&] {
        auto *dialog = qobject_cast<FeedDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog->mode() != FeedDialog::Mode::Edit)
            return;
        QCOMPARE(dialog->urlEdit()->text(), named.toString());
        dialog->nameEdit()->setText(u"Renamed"_s);
        dialog->idleTimeoutBox()->setValue(30);
        dialog->accept();
    });
    QVERIFY(w.editAction()->isEnabled());
    w.editAction()->trigger();
    QCOMPARE(w.feedCount(), 2);
    QCOMPARE(added->config().name, u"Renamed"_s);
    QCOMPARE(added->config().options.readTimeout, std::chrono::milliseconds(30000));
    QCOMPARE(w.feedList()->item(1)->text(), u"Renamed"_s);
    QTRY_COMPARE(added->readyState(), ReadyState::Open);

    // Duplicate: a second feed with the same settings and a "(copy)" name.
    QTimer::singleShot(0, &w, [&] {
        if (auto *dialog = qobject_cast<FeedDialog *>(QApplication::activeModalWidget()))
            dialog->accept();
    });
    w.duplicateAction()->trigger();
    QCOMPARE(w.feedCount(), 3);
    Feed *copy = w.currentFeed();
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
        QCOMPARE(w.feedCount(), 1);
        const FeedConfig back = w.feed(0)->config();
        QCOMPARE(back.name, kept.name);
        QCOMPARE(back.url, kept.url);
        QCOMPARE(back.options.headers.size(), 1); // the secret was not remembered
        QCOMPARE(back.options.headers.first().first, "X-Trace"_ba);
        QVERIFY(back.options.policy.backoff);
        QCOMPARE(back.options.readTimeout, std::chrono::milliseconds(45000));
        QCOMPARE(w.feed(0)->readyState(), ReadyState::Closed); // it was not connected

        // Ticking "remember" keeps the header.
        FeedConfig remembered = kept;
        remembered.rememberSecrets = true;
        w.updateFeed(0, remembered);
        w.saveSettings(settings);
        settings.sync();
    }
    QVERIFY(readAll(path).contains("s3cr3t-token"));
    MainWindow w;
    QSettings settings(path, QSettings::IniFormat);
    QVERIFY(w.restoreSettings(settings).isEmpty());
    QCOMPARE(w.feed(0)->config().options.headers, kept.options.headers);
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
    QCOMPARE(w.feedCount(), 1);
    QTRY_COMPARE(w.feed(0)->readyState(), ReadyState::Open);
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
    w.copyCurlAction()->trigger();
    QString text = QGuiApplication::clipboard()->text();
    QVERIFY2(text.startsWith(u"curl "_s), qPrintable(text));
    QVERIFY(text.contains(u"http://127.0.0.1:9/stream"_s));
    QVERIFY(!text.contains(u"s3cr3t"_s));
    w.copyCurlCommandWithSecrets();
    text = QGuiApplication::clipboard()->text();
    QVERIFY(text.contains(u"Bearer s3cr3t"_s));
}

void tst_MainWindow::shortcuts_listedInHelp()
{
    MainWindow w;
    const QString text = w.shortcutsText();
    for (const QAction *action : {w.addFeedAction(), w.exportAction(), w.importAction(),
                 w.editAction(), w.connectAction()}) {
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
    QVERIFY(!w.publisherDock()->isVisible());
    w.publisherDock()->toggleViewAction()->trigger(); // View > Publisher Panel
    QVERIFY(w.publisherDock()->isVisible());
    PublisherPanel *panel = w.publisherPanel();
    Feed *builtIn = w.feed(0);
    QTRY_COMPARE(builtIn->readyState(), ReadyState::Open);

    // Stopped from the panel: the status bar says so and the feed loses its server.
    auto *startButton = panel->findChild<QPushButton *>(u"startButton"_s);
    QVERIFY(startButton);
    startButton->click();
    QVERIFY(!w.publisher());
    QCOMPARE(w.publisherLabel()->text(), u"Built-in publisher: off"_s);
    QTRY_VERIFY(builtIn->readyState() != ReadyState::Open);

    // Started again on a free port, which may differ: the built-in feed follows it.
    startButton->click();
    QVERIFY(w.publisher());
    QCOMPARE(builtIn->config().url, w.publisher()->channelUrl({}));
    QTRY_COMPARE(builtIn->readyState(), ReadyState::Open);
    QTRY_VERIFY(w.publisherLabel()->text().contains(u"clients: 1"_s));

    // "Open Feed" on a named channel adds a feed on it.
    panel->findChild<QComboBox *>(u"channelModeCombo"_s)
            ->setCurrentIndex(int(PublisherPanel::ChannelMode::Named));
    panel->findChild<QLineEdit *>(u"channelNameEdit"_s)->setText(u"alerts"_s);
    panel->findChild<QPushButton *>(u"openFeedButton"_s)->click();
    QCOMPARE(w.feedCount(), 2);
    QCOMPARE(w.currentFeed()->config().url.path(), u"/events/alerts"_s);
    QTRY_COMPARE(w.currentFeed()->readyState(), ReadyState::Open);
    w.publisher()->publish("alerts"_ba, "hello"_ba);
    QTRY_VERIFY((w.currentFeed()->model()->flush(), w.currentFeed()->eventCount() >= 1));
}

void tst_MainWindow::about_namesVersions()
{
    const QString text = MainWindow::aboutText();
    QVERIFY(text.contains(QStringLiteral(SSEDASH_VERSION)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
}

void tst_MainWindow::export_import_roundTripThroughTheWindow()
{
    MainWindow w;
    fillAndStop(w, 20);
    if (QTest::currentTestFailed())
        return;
    const QList<Sse::EventLog::Record> original = recordsOf(w.feed(0));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"log.ndjson"_s);

    QSignalSpy finished(&w, &MainWindow::exportFinished);
    QVERIFY(w.exportAction()->isEnabled());
    QVERIFY(w.exportLog(0, path, Sse::LogFormat::Ndjson));
    QVERIFY(!w.exportAction()->isEnabled()); // one export at a time
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<Sse::ExportResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.records, qint64(original.size()));
    QVERIFY(w.statusBar()->currentMessage().contains(u"Exported"_s));
    QVERIFY(w.exportAction()->isEnabled());

    QString error;
    Feed *imported = w.importLog(path, &error);
    QVERIFY2(imported, qPrintable(error));
    QCOMPARE(w.feedCount(), 2);
    QCOMPARE(w.currentFeed(), imported);
    QVERIFY(w.isImported(imported));
    QVERIFY(!w.isImported(w.feed(0)));
    QVERIFY(!w.connectAction()->isEnabled()); // nothing to connect to
    QVERIFY(!w.reconnectAction()->isEnabled());
    const QList<Sse::EventLog::Record> back = recordsOf(imported);
    QCOMPARE(back.size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i)
        QVERIFY2(sameRecord(back.at(i), original.at(i)), qPrintable(QString::number(i)));
    // The panel shows them: rows in the view, the types in the type checklist.
    QCOMPARE(w.panel(1)->filterModel()->rowCount(), int(original.size()));
}

void tst_MainWindow::export_filteredView_writesOnlyShownRows()
{
    MainWindow w;
    fillAndStop(w, 10);
    if (QTest::currentTestFailed())
        return;
    FeedPanel *panel = w.panel(0);
    // Filtered as a user does: comments off, then a text filter typed into the filter bar.
    QVERIFY(panel->commentsButton()->isChecked());
    panel->commentsButton()->click();
    QVERIFY(!panel->filterModel()->showComments());
    const int withoutComments = panel->filterModel()->rowCount();
    QVERIFY(withoutComments < w.feed(0)->model()->rowCount());
    QTest::keyClicks(panel->textFilterEdit(), u"\"sequence\":\"1"_s);
    const int shown = panel->filterModel()->rowCount();
    QVERIFY(shown > 0);
    QVERIFY(shown < withoutComments);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"shown.csv"_s);
    QSignalSpy finished(&w, &MainWindow::exportFinished);
    QVERIFY(w.exportLog(0, path, Sse::LogFormat::Csv, true));
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
    bool sawDialog = false;
    QTimer::singleShot(0, &w, [&] {
        auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        dialog->fileEdit()->clear();
        QTest::keyClicks(dialog->fileEdit(), path);
        // The suffix picks the format.
        QCOMPARE(dialog->format(), Sse::LogFormat::EventStream);
        dialog->accept();
    });
    QSignalSpy finished(&w, &MainWindow::exportFinished);
    w.exportAction()->trigger();
    QVERIFY(sawDialog);
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
    QSignalSpy finished(&w, &MainWindow::exportFinished);
    {
        // Smaller than the log: the write fails part way, as on a full disk.
        TestSupport::FileSizeLimit limit(1024);
        QVERIFY2(limit.isActive(), "setrlimit(RLIMIT_FSIZE) failed");
        QVERIFY(w.exportLog(0, path, Sse::LogFormat::Ndjson));
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
    QString error;
    QVERIFY(!w.importLog(path, &error));
    QVERIFY2(error.contains(u"bad.ndjson:2"_s), qPrintable(error));
    QCOMPARE(w.feedCount(), 0);
    QVERIFY(!w.importLog(dir.filePath(u"missing.ndjson"_s), &error));
    QVERIFY2(error.contains(u"missing.ndjson"_s), qPrintable(error));
}

void tst_MainWindow::replay_importedLog_playsTheSameEvents()
{
    MainWindow w;
    fillAndStop(w, 8);
    if (QTest::currentTestFailed())
        return;
    QList<QByteArray> sent;
    const QList<Sse::EventLog::Record> original = recordsOf(w.feed(0));
    for (const auto &record : original) {
        if (record.kind == Sse::EventLog::Record::Kind::Event)
            sent.append(record.event.data);
    }
    QString error;
    Feed *replay = w.replayLog(0, 20.0, &error);
    QVERIFY2(replay, qPrintable(error));
    QCOMPARE(w.currentFeed(), replay);
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

/// Answers the next modal dialog, once it is up: `answer` gets it (null when none came).
void whenModal(QObject *context, std::function<void(QWidget *)> answer)
{
    QTimer::singleShot(0, context,
            [answer = std::move(answer)] { answer(QApplication::activeModalWidget()); });
}

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
    QVERIFY2(w.feedList()->width() >= 140, qPrintable(QString::number(w.feedList()->width())));
    const int table = w.panel(w.currentIndex())->tableView()->width();
    QVERIFY2(table >= 200, qPrintable(QString::number(table)));
    // The publisher panel's form fits (it does not scroll sideways).
    if (w.publisherDock()->isVisible()) {
        const auto *scroll = w.publisherPanel()->findChild<QScrollArea *>();
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
    Feed *feed = w.feed(0);
    // It was connected, but it does not connect without its secret; list and panel say why.
    QCOMPARE(feed->readyState(), ReadyState::Closed);
    QVERIFY(!feed->source());
    QVERIFY2(warnings.join(u' ').contains(u"Authorization needs a value"_s),
            qPrintable(warnings.join(u' ')));
    QVERIFY2(w.feedList()->item(0)->toolTip().contains(u"Authorization needs a value"_s),
            qPrintable(w.feedList()->item(0)->toolTip()));
    QCOMPARE(w.feedList()->item(0)->data(FeedListDelegate::NoteRole).toString(),
            u"Authorization needs a value"_s);
    auto *note = w.panel(0)->findChild<QLabel *>(u"secretsNote"_s);
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"Authorization needs a value"_s), qPrintable(note->text()));

    // Connect asks for the value first; Cancel does not connect.
    bool asked = false;
    whenModal(&w, [&asked](QWidget *modal) {
        auto *dialog = qobject_cast<QDialog *>(modal);
        if (!dialog || dialog->objectName() != u"secretPrompt"_s)
            return;
        asked = dialog->findChild<QLineEdit *>(u"secretEdit_Authorization"_s) != nullptr;
        dialog->reject();
    });
    QVERIFY(w.connectAction()->isEnabled());
    w.connectAction()->trigger();
    QVERIFY(asked);
    QCOMPARE(feed->readyState(), ReadyState::Closed);
    QVERIFY(!feed->source());
    QCOMPARE(server.requestCount(), requestsBefore);

    // The typed value goes out with the request.
    asked = false;
    whenModal(&w, [&asked](QWidget *modal) {
        auto *dialog = qobject_cast<QDialog *>(modal);
        auto *edit =
                dialog ? dialog->findChild<QLineEdit *>(u"secretEdit_Authorization"_s) : nullptr;
        if (!edit)
            return;
        asked = edit->echoMode() == QLineEdit::Password;
        QTest::keyClicks(edit, u"Bearer typed-0815"_s);
        dialog->accept();
    });
    w.connectAction()->trigger();
    QVERIFY(asked);
    QTRY_COMPARE(feed->readyState(), ReadyState::Open);
    const TestSupport::Request request = server.lastRequest("/events");
    QCOMPARE(request.header("Authorization"), "Bearer typed-0815"_ba);
    QCOMPARE(request.header("X-Trace"), "1"_ba);
    QVERIFY(!note->isVisible());
    QVERIFY(!w.feedList()->item(0)->toolTip().contains(u"needs a value"_s));
    QVERIFY(w.feedList()->item(0)->data(FeedListDelegate::NoteRole).toString().isEmpty());
}

void tst_MainWindow::removeFeed_withRecords_asksFirst()
{
    MainWindow w;
    fillAndStop(w, 3);
    if (QTest::currentTestFailed())
        return;
    // Return takes the default, Cancel: the feed and its log stay.
    bool asked = false;
    whenModal(&w, [&asked](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box || box->objectName() != u"removeFeedConfirmation"_s)
            return;
        asked = box->defaultButton() == box->button(QMessageBox::Cancel)
                && box->text().contains(u"Built-in publisher"_s);
        QTest::keyClick(box, Qt::Key_Return);
    });
    w.removeAction()->trigger();
    QVERIFY(asked);
    QCOMPARE(w.feedCount(), 1);
    QVERIFY(w.feed(0)->model()->rowCount() > 0);

    // Remove removes it.
    whenModal(&w, [](QWidget *modal) {
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            if (auto *remove = box->findChild<QPushButton *>(u"removeButton"_s))
                remove->click();
        }
    });
    w.removeAction()->trigger();
    QCOMPARE(w.feedCount(), 0);

    // A feed whose log is empty goes at once.
    FeedConfig config;
    config.url = QUrl(u"http://127.0.0.1:9/events"_s);
    w.addFeed(config, false);
    bool boxShown = false;
    whenModal(&w, [&boxShown](QWidget *modal) {
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            boxShown = true;
            box->reject();
        }
    });
    w.removeAction()->trigger();
    QCOMPARE(w.feedCount(), 0);
    QVERIFY(!boxShown);
}

void tst_MainWindow::deleteInTheTable_leavesTheFeed()
{
    MainWindow w;
    fillAndStop(w, 3);
    if (QTest::currentTestFailed())
        return;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTableView *table = w.panel(w.currentIndex())->tableView();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    table->selectRow(0);
    // Delete on an event is no "remove this feed": no question, the feed stays.
    bool boxShown = false;
    whenModal(&w, [&boxShown](QWidget *modal) {
        if (modal) {
            boxShown = true;
            modal->close();
        }
    });
    QTest::keyClick(table, Qt::Key_Delete);
    QCoreApplication::processEvents();
    QVERIFY(!boxShown);
    QCOMPARE(w.feedCount(), 1);
}

void tst_MainWindow::layout_at1024x700_givesTheLogTheRoom()
{
    MainWindow w;
    QVERIFY(w.startDefault());
    w.resize(1024, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The publisher panel starts closed; the View menu and the toolbar open it.
    QVERIFY(!w.publisherDock()->isVisible());
    QAction *toggle = w.publisherDock()->toggleViewAction();
    auto *toolBar = w.findChild<QToolBar *>(u"feedToolBar"_s);
    QVERIFY(toolBar);
    QVERIFY(toolBar->actions().contains(toggle));
    QVERIFY(toolBar->widgetForAction(toggle)->isVisible()); // not in the overflow menu
    checkPanes(w);
    if (QTest::currentTestFailed())
        return;
    toggle->trigger();
    QTRY_VERIFY(w.publisherDock()->isVisible());
    // The dock takes a quarter of a narrow window.
    QTRY_VERIFY(w.publisherDock()->width()
            <= std::max(w.width() / 4, w.publisherPanel()->minimumWidth()));
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
    QListWidget *list = w.feedList();
    QVERIFY(list->fontMetrics().horizontalAdvance(name) > list->viewport()->width());
    // What the user sees of each entry: the ends differ ("… (copy)").
    const auto shown = [list](int row) {
        const QRect rect = list->visualItemRect(list->item(row)) & list->viewport()->rect();
        return list->viewport()->grab(rect).toImage();
    };
    QVERIFY(!shown(0).isNull());
    QVERIFY(shown(0) != shown(1));
    QVERIFY2(list->item(1)->toolTip().contains(name + u" (copy)"_s),
            qPrintable(list->item(1)->toolTip()));
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
    QString error;
    Feed *feed = w.importLog(path, &error);
    QVERIFY2(feed, qPrintable(error));
    FeedPanel *panel = w.panel(0);
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
    QTRY_VERIFY(!panel->timeline()->followsLive());
    const TimeRange visible = panel->timeline()->mapping().visibleRange();
    QVERIFY(visible.startMs <= t0);
    QVERIFY(visible.endMs >= t0 + 277'000);
    QVERIFY(visible.length() < 2 * 277'000);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
