// SPDX-License-Identifier: MIT
// Tests of FeedList, the feeds of the dashboard, without any widget.
#include "ui/models/feedlist.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using ReadyState = Feed::ReadyState;

class tst_FeedList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void add_namesTheFeedAndMakesItCurrent();
    void remove_deletesTheFeedAndMovesCurrentAsASelectionDoes();
    void origins_onlyConfiguredFeedsAreSaved();
    void update_andRefresh_tellViews();
    void readyState_changesTheRowAndCloseAllClosesEveryFeed();
};

namespace {

FeedConfig configFor(const QString &name, const QString &url = u"http://127.0.0.1:9/events"_s)
{
    FeedConfig config;
    config.name = name;
    config.url = QUrl(url);
    return config;
}

} // namespace

void tst_FeedList::add_namesTheFeedAndMakesItCurrent()
{
    FeedList list;
    QAbstractItemModelTester tester(&list);
    QSignalSpy current(&list, &FeedList::currentIndexChanged);
    QCOMPARE(list.currentIndex(), -1);
    QVERIFY(!list.current());

    Feed *first = list.add(configFor(u"First"_s));
    Feed *unnamed = list.add(configFor(QString(), u"http://127.0.0.1:9/other"_s));
    QCOMPARE(list.count(), 2);
    QCOMPARE(list.rowCount(), 2);
    QCOMPARE(list.at(0), first);
    QCOMPARE(list.at(1), unnamed);
    QVERIFY(!list.at(2));
    QVERIFY(!list.at(-1));
    QCOMPARE(list.indexOf(unnamed), 1);
    QCOMPARE(first->readyState(), ReadyState::Closed); // added closed
    QCOMPARE(unnamed->config().name, u"http://127.0.0.1:9/other"_s);
    QCOMPARE(list.currentIndex(), 1);
    QCOMPARE(list.current(), unnamed);
    QCOMPARE(current.count(), 2);
    QCOMPARE(current.last().first().toInt(), 1);

    const QModelIndex row = list.index(0);
    QCOMPARE(row.data(Qt::DisplayRole).toString(), u"First"_s);
    QCOMPARE(row.data(Qt::ToolTipRole).toString(), u"First\nhttp://127.0.0.1:9/events"_s);
    QCOMPARE(row.data(FeedList::StateRole).toInt(), int(ReadyState::Closed));
    QCOMPARE(row.data(FeedList::FeedRole).value<Feed *>(), first);
    QVERIFY(row.data(FeedList::NoteRole).toString().isEmpty());

    list.setCurrentIndex(0);
    QCOMPARE(list.current(), first);
    list.setCurrentIndex(5); // no such row: nothing changes
    QCOMPARE(list.currentIndex(), 0);
    QCOMPARE(current.count(), 3);
}

void tst_FeedList::remove_deletesTheFeedAndMovesCurrentAsASelectionDoes()
{
    FeedList list;
    QAbstractItemModelTester tester(&list);
    const QPointer<Feed> a = list.add(configFor(u"a"_s));
    const QPointer<Feed> b = list.add(configFor(u"b"_s));
    const QPointer<Feed> c = list.add(configFor(u"c"_s));
    const QPointer<Feed> d = list.add(configFor(u"d"_s));

    // The current one goes: the one before it becomes current.
    list.setCurrentIndex(2);
    list.remove(2);
    QVERIFY(!c);
    QCOMPARE(list.count(), 3);
    QCOMPARE(list.current(), b.data());

    // One before the current one goes: the current feed stays, one row up.
    QSignalSpy current(&list, &FeedList::currentIndexChanged);
    list.setCurrentIndex(2);
    list.remove(0);
    QVERIFY(!a);
    QCOMPARE(list.current(), d.data());
    QCOMPARE(list.currentIndex(), 1);
    QCOMPARE(current.last().first().toInt(), 1);

    // The first one is current and goes: the next one becomes current.
    list.setCurrentIndex(0);
    list.remove(0);
    QVERIFY(!b);
    QCOMPARE(list.current(), d.data());
    QCOMPARE(list.currentIndex(), 0);

    list.remove(7); // no such row
    QCOMPARE(list.count(), 1);
    list.remove(0);
    QVERIFY(!d);
    QCOMPARE(list.count(), 0);
    QCOMPARE(list.currentIndex(), -1);
    QCOMPARE(current.last().first().toInt(), -1);
}

void tst_FeedList::origins_onlyConfiguredFeedsAreSaved()
{
    FeedList list;
    Feed *saved = list.add(configFor(u"Saved"_s));
    Feed *builtIn = list.add(configFor(u"Built-in"_s), FeedList::Origin::Transient);
    Feed *imported = list.add(configFor(u"Imported: log.ndjson"_s, QString()),
            FeedList::Origin::Imported, u"/tmp/logs/log.ndjson"_s);
    QCOMPARE(list.origin(saved), FeedList::Origin::Configured);
    QCOMPARE(list.origin(builtIn), FeedList::Origin::Transient);
    QCOMPARE(list.origin(imported), FeedList::Origin::Imported);
    QVERIFY(list.isImported(imported));
    QVERIFY(!list.isImported(builtIn));
    QVERIFY(!list.isImported(nullptr));
    // An imported feed's tooltip names its file, not an address.
    QCOMPARE(list.index(2).data(Qt::ToolTipRole).toString(),
            u"Imported: log.ndjson\n"_s + QDir::toNativeSeparators(u"/tmp/logs/log.ndjson"_s));

    const QList<std::pair<FeedConfig, bool>> feeds = list.savedFeeds();
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.first().first.name, u"Saved"_s);
    QVERIFY(!feeds.first().second); // not connected
}

void tst_FeedList::update_andRefresh_tellViews()
{
    FeedList list;
    Feed *feed = list.add(configFor(u"Old"_s));
    QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);

    list.update(0, configFor(QString(), u"http://127.0.0.1:9/new"_s));
    QCOMPARE(feed->config().name, u"http://127.0.0.1:9/new"_s);
    QCOMPARE(list.index(0).data().toString(), u"http://127.0.0.1:9/new"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().first().toModelIndex().row(), 0);
    list.update(3, configFor(u"Nowhere"_s)); // no such row
    QCOMPARE(changed.count(), 1);

    // A secret header without its value: the note and the tooltip say so until it has one.
    FeedConfig secret = configFor(u"Api"_s);
    secret.missingSecrets = {"Authorization"_ba};
    list.update(0, secret);
    QCOMPARE(list.index(0).data(FeedList::NoteRole).toString(), u"Authorization needs a value"_s);
    QVERIFY(list.index(0).data(Qt::ToolTipRole).toString().endsWith(u"needs a value"_s));
    feed->provideSecrets({{"Authorization"_ba, "Bearer x"_ba}});
    changed.clear();
    list.refresh(feed);
    QCOMPARE(changed.count(), 1);
    QVERIFY(list.index(0).data(FeedList::NoteRole).toString().isEmpty());
}

void tst_FeedList::readyState_changesTheRowAndCloseAllClosesEveryFeed()
{
    FeedList list;
    list.add(configFor(u"Closed"_s));
    Feed *opened = list.add(configFor(u"Opened"_s));
    QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
    opened->open(); // nothing listens on port 9: it keeps trying
    QVERIFY(opened->readyState() != ReadyState::Closed);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.first().first().toModelIndex().row(), 1);
    QCOMPARE(list.index(1).data(FeedList::StateRole).toInt(), int(opened->readyState()));

    list.closeAll();
    QCOMPARE(opened->readyState(), ReadyState::Closed);
    QCOMPARE(list.index(1).data(FeedList::StateRole).toInt(), int(ReadyState::Closed));
}

QTEST_GUILESS_MAIN(tst_FeedList)
#include "tst_feedlist.moc"
