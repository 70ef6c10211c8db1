// SPDX-License-Identifier: MIT
// Event data is never rendered as HTML: markup from a real stream on 127.0.0.1 reaches every
// view of a FeedPanel (table, detail pane, LLM view, timeline, connection view, state strip and
// their tooltips) and shows literally.
#include "tests/support/child.h"
#include "tests/support/testserver.h"

#include "ui/feedpanel/connectionview.h"
#include "ui/feedpanel/detailpane.h"
#include "ui/feedpanel/eventtable.h"
#include "ui/feedpanel/feedpanel.h"
#include "ui/feedpanel/llmview.h"
#include "ui/models/eventlogmodel.h"
#include "ui/models/feed.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinewidget.h"

#include <QApplication>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QToolTip>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using TestSupport::child;

namespace {

const QString Type = u"<b>bold</b>"_s;
const QString Id = u"<img src=x onerror=alert(1)>"_s;
const QString Data = u"<a href=\"http://example.invalid/\">link</a> &amp; <i>x</i>"_s;
const QString Comment = u"<h1>heading</h1> &lt;"_s;
const QString Header = u"<b>header</b>"_s;
const QString LlmText = u"<b>bold</b> <img src=x onerror=alert(1)> &amp;"_s;

// What a QLabel with Qt::AutoText (QToolTip's, or any label left at the default) shows for
// `text`, as plain text: Qt renders what looks like HTML as HTML.
QString rendered(const QString &text, Qt::TextFormat format = Qt::AutoText)
{
    const bool rich =
            format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
    if (!rich)
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

// What the tooltip of `widget` at `pos` shows, as plain text; empty when it shows none.
QString shownToolTip(QWidget *widget, const QPoint &pos)
{
    QToolTip::hideText();
    QHelpEvent help(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
    QApplication::sendEvent(widget, &help);
    return QToolTip::isVisible() ? rendered(QToolTip::text()) : QString();
}

FeedConfig configFor(const QUrl &url, bool llm)
{
    FeedConfig config;
    config.name = u"markup"_s;
    config.url = url;
    config.options.reconnectionTime = 100ms;
    config.llm = llm;
    return config;
}

// Qt aborts a reply in its HTTP thread; a test that ends with the stream still open can exit
// before that thread has let go of the request, which LeakSanitizer reports as a leak.
void closeAndWaitForHangUp(Feed &feed, const TestSupport::TestServer &server)
{
    feed.close();
    QTRY_COMPARE(server.openConnections(), 0);
}

} // namespace

class tst_Markup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void feedPanel_showsMarkupLiterally();
    void llmView_showsMarkupLiterally();
};

// The first stream sends an event and a comment made of markup and ends; the reconnect sends
// the id back as Last-Event-ID, which the timeline's request marker quotes.
void tst_Markup::feedPanel_showsMarkupLiterally()
{
    TestSupport::TestServer server;
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    const QByteArray stream = ": " + Comment.toUtf8() + "\nevent: " + Type.toUtf8()
            + "\nid: " + Id.toUtf8() + "\ndata: " + Data.toUtf8() + "\n\n";
    server.route("/s", [stream](TestSupport::Connection *connection) {
        connection->writeHead(200,
                {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"},
                        {"X-Markup", Header.toUtf8()}});
        if (connection->request().number == 1) {
            connection->write(stream);
            connection->close();
        }
    });
    Feed feed(configFor(server.url(u"/s"_s), false));
    FeedPanel panel(&feed);
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed.open();
    QTRY_VERIFY(feed.connections().size() >= 2 && feed.lastConnection()->response);
    QCOMPARE(feed.lastConnection()->lastEventIdSent, Id.toUtf8());

    // Event table: the cells say the markup; the data cell's rich tooltip is escaped.
    EventLogModel *model = feed.model();
    QTRY_COMPARE(model->rowCount(), 2);
    const int eventRow =
            model->index(0, 0).data(EventLogModel::DataRole).toString() == Data ? 0 : 1;
    QCOMPARE(model->index(eventRow, EventLogModel::TypeColumn).data().toString(), Type);
    QCOMPARE(model->index(eventRow, EventLogModel::IdColumn).data().toString(), Id);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString tip =
                model->index(row, EventLogModel::DataColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(rendered(tip).contains(row == eventRow ? Data : Comment), qPrintable(tip));
    }

    // Detail pane: header and data as plain text.
    QTableView *table = panel.tableView();
    table->setCurrentIndex(table->model()->index(eventRow, EventLogModel::DataColumn));
    auto *detail = child<DetailPane>(&panel, u"detailPane"_s);
    auto *header = child<QLabel>(detail, u"headerLabel"_s);
    QTRY_VERIFY2(header->text().contains(Id), qPrintable(header->text()));
    QVERIFY(header->text().contains(Type));
    QCOMPARE(rendered(header->text(), header->textFormat()), header->text());
    QCOMPARE(child<QPlainTextEdit>(detail, u"dataView"_s)->toPlainText(), Data);

    // Every label of the panel that holds markup shows it as it is (the state strip's last id).
    const QList<QLabel *> labels = panel.findChildren<QLabel *>();
    int withMarkup = 0;
    for (const QLabel *label : labels) {
        if (!label->text().contains(u'<'))
            continue;
        ++withMarkup;
        QVERIFY2(rendered(label->text(), label->textFormat()) == label->text(),
                qPrintable(label->objectName() + u": "_s + label->text()));
    }
    QVERIFY(withMarkup >= 2);

    // The last id elided in the strip: its tooltip has the id, literally.
    auto *lastId = child<QLabel>(&panel, u"lastIdLabel"_s);
    QVERIFY(lastId->text().contains(Id));
    lastId->setFixedWidth(lastId->fontMetrics().averageCharWidth() * 8);
    const QString lastIdTip = shownToolTip(lastId, lastId->rect().center());
    QVERIFY2(lastIdTip.contains(Id), qPrintable(lastIdTip));

    // The type filter's tooltip names the type literally.
    Q_EMIT panel.eventTable()->filterByTypeRequested(Type);
    auto *typeButton = child<QToolButton>(&panel, u"typeButton"_s);
    QVERIFY2(rendered(typeButton->toolTip()).contains(u"“"_s + Type + u"”"_s),
            qPrintable(typeButton->toolTip()));

    // Timeline: the request that sent the id as Last-Event-ID.
    auto *timeline = child<TimelineWidget>(&panel, u"timeline"_s);
    const QRectF lane = TimelineLayout::compute(timeline->font(), timeline->size())
                                .lane(TimelineLayout::Lane::Request);
    QString timelineTip;
    for (int x = int(lane.left()); x < int(lane.right()); x += 2) {
        timelineTip = shownToolTip(timeline, QPoint(x, int(lane.center().y())));
        if (timelineTip.contains(u"Last-Event-ID: "_s))
            break;
    }
    QVERIFY2(timelineTip.contains(u"Last-Event-ID: "_s + Id), qPrintable(timelineTip));

    // Connection view: a response header made of markup, escaped in its HTML page.
    auto *connection = child<ConnectionView>(&panel, u"connectionView"_s);
    QTRY_VERIFY2(connection->text().contains(u"X-Markup:"_s), qPrintable(connection->text()));
    QVERIFY2(connection->text().contains(Header), qPrintable(connection->text()));
    QVERIFY(connection->reportText().contains(u"X-Markup: "_s + Header));
    closeAndWaitForHangUp(feed, server);
}

// The LLM view assembles token text that is markup; it shows it as typed.
void tst_Markup::llmView_showsMarkupLiterally()
{
    TestSupport::TestServer server;
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    QJsonObject delta{{u"content"_s, LlmText}};
    const QByteArray json =
            QJsonDocument(QJsonObject{{u"choices"_s, QJsonArray{QJsonObject{{u"delta"_s, delta}}}}})
                    .toJson(QJsonDocument::Compact);
    server.route("/llm", [json](TestSupport::Connection *connection) {
        connection->writeSseHead();
        connection->write("data: " + json + "\n\n");
    });
    Feed feed(configFor(server.url(u"/llm"_s), true));
    FeedPanel panel(&feed);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    feed.open();
    auto *llm = child<LlmView>(&panel, u"llmView"_s);
    QTRY_COMPARE(llm->text(), LlmText);
    for (const QPlainTextEdit *edit : llm->findChildren<QPlainTextEdit *>())
        QVERIFY(edit->toPlainText() == LlmText || !edit->toPlainText().contains(u"bold"_s));
    for (const QLabel *label : llm->findChildren<QLabel *>())
        QCOMPARE(rendered(label->text(), label->textFormat()), label->text());
    closeAndWaitForHangUp(feed, server);
}

QTEST_MAIN(tst_Markup)
#include "tst_markup.moc"
