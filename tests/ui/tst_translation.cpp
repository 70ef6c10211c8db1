// SPDX-License-Identifier: MIT
// Tests that the German translation is complete and reaches the window and sselib's messages.
#include "sselib/diagnostics.h"
#include "sselib/eventsource.h"
#include "sselib/logexport.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/dialogs/feeddialog.h"
#include "ui/mainwindow.h"
#include "ui/models/publishercontroller.h"
#include "ui/publisher/publisherpanel.h"
#include "ui/translation.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

class tst_Translation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void german_isBuiltIn();
    void german_everyMessageIsFinished();
    void german_keepsThePlaceholdersAndAccelerators();
    void german_reachesTheMenus();
    void german_acceleratorsAreUniqueWhereShownTogether();
    void german_reachesSselibMessages();
    void german_reachesEventSourceErrors();
    void unknownLanguage_loadsNothingOfOurs();

private:
    struct TsMessage
    {
        QString context;
        QString source;
        QString type; ///< the translation's type: empty when finished, "unfinished", "vanished"
        QStringList translations; ///< the text, or one text per plural form
    };

    QList<TsMessage> m_german; ///< the current messages of ssedash_de.ts
};

namespace {

const QString GermanTs = QStringLiteral(SSEDASH_TS_DIR "/ssedash_de.ts");

QStringList menuTitles(const MainWindow &w)
{
    QStringList titles;
    const QList<QAction *> actions = w.menuBar()->actions();
    for (const QAction *action : actions)
        titles.append(action->text());
    return titles;
}

// The placeholders of a message: %1 to %9 (also as %L1) and %n, sorted, each once.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%L?[1-9n]"_s);
    QStringList found;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(text);
    while (it.hasNext())
        found.append(it.next().captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

// The number of accelerators ("&F") in a text; "&&" is a literal ampersand, "&amp;" an entity.
qsizetype accelerators(QString text)
{
    static const QRegularExpression accelerator(u"&(?![a-zA-Z]+;)\\S"_s);
    return text.remove(u"&&"_s).count(accelerator);
}

// Texts whose mnemonic letter another text of `texts` has too, as "Alt+X: text, text".
QStringList clashes(const QStringList &texts)
{
    QMultiMap<QString, QString> byKey;
    for (const QString &text : texts) {
        const QString key = QKeySequence::mnemonic(text).toString();
        if (!key.isEmpty())
            byKey.insert(key, text);
    }
    QStringList result;
    const QStringList keys = byKey.uniqueKeys();
    for (const QString &key : keys) {
        if (byKey.count(key) > 1)
            result.append(key + u": "_s + QStringList(byKey.values(key)).join(u", "_s));
    }
    return result;
}

// The page of a QTabWidget that `widget` is on, or nullptr when it is outside every page.
const QWidget *tabPageOf(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        const QWidget *stack = w->parentWidget();
        if (qobject_cast<const QStackedWidget *>(stack)
                && qobject_cast<const QTabWidget *>(stack->parentWidget()))
            return w;
    }
    return nullptr;
}

// Clashing mnemonics among the texts shown together in `root`: its buttons, labels, group
// boxes and tab titles; a tab page is shown with what lies outside the tabs, never with another.
QStringList clashesIn(const QWidget &root)
{
    QHash<const QWidget *, QStringList> byPage; // nullptr: outside the tab pages
    const QList<QWidget *> widgets = root.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        QStringList &texts = byPage[tabPageOf(widget)];
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            texts.append(button->text());
        else if (const auto *label = qobject_cast<const QLabel *>(widget))
            texts.append(label->text());
        else if (const auto *group = qobject_cast<const QGroupBox *>(widget))
            texts.append(group->title());
        if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts.append(tabs->tabText(i));
        }
    }
    QStringList result;
    const QStringList outside = byPage.value(nullptr);
    for (auto it = byPage.cbegin(); it != byPage.cend(); ++it)
        result += clashes(it.key() ? it.value() + outside : outside);
    result.removeDuplicates();
    return result;
}

// A failure message: how many problems, and the first few, one a line.
QByteArray summary(const QStringList &problems)
{
    return u"%1 problem(s), for example:\n  %2"_s.arg(problems.size())
            .arg(problems.mid(0, 8).join(u"\n  "_s))
            .toUtf8();
}

} // namespace

void tst_Translation::initTestCase()
{
    QFile file(GermanTs);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(GermanTs + u": "_s + file.errorString()));
    QXmlStreamReader xml(&file);
    QString context;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView element = xml.name();
        if (element == "name"_L1) {
            context = xml.readElementText();
        } else if (element == "message"_L1) {
            numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            m_german.append({context, {}, {}, {}});
        } else if (element == "source"_L1) {
            m_german.last().source = xml.readElementText();
        } else if (element == "translation"_L1) {
            m_german.last().type = xml.attributes().value("type"_L1).toString();
            if (!numerus)
                m_german.last().translations.append(xml.readElementText());
        } else if (element == "numerusform"_L1) {
            m_german.last().translations.append(xml.readElementText());
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    // Obsolete messages are history, not part of the program.
    m_german.removeIf([](const TsMessage &message) {
        return message.type == "vanished"_L1 || message.type == "obsolete"_L1;
    });
    QVERIFY2(!m_german.isEmpty(), "no messages in the .ts file");
}

void tst_Translation::german_isBuiltIn()
{
    QVERIFY(availableTranslations().contains(u"de"_s));
}

void tst_Translation::german_everyMessageIsFinished()
{
    QStringList unfinished;
    for (const TsMessage &message : std::as_const(m_german)) {
        const bool empty =
                message.translations.isEmpty() || message.translations.contains(QString());
        if (message.type == "unfinished"_L1 || empty)
            unfinished.append(message.context + u": "_s + message.source.section(u'\n', 0, 0));
    }
    QVERIFY2(unfinished.isEmpty(), summary(unfinished).constData());
}

void tst_Translation::german_keepsThePlaceholdersAndAccelerators()
{
    QStringList wrong;
    for (const TsMessage &message : std::as_const(m_german)) {
        const QStringList expected = placeholders(message.source);
        for (const QString &translation : message.translations) {
            if (translation.isEmpty())
                continue;
            if (placeholders(translation) != expected
                    || accelerators(translation) != accelerators(message.source))
                wrong.append(message.source + u" -> "_s + translation);
        }
    }
    QVERIFY2(wrong.isEmpty(), summary(wrong).constData());
}

void tst_Translation::german_reachesTheMenus()
{
    {
        const MainWindow english;
        QVERIFY(menuTitles(english).contains(u"&Log"_s));
    }
    const QStringList loaded = installTranslations(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY2(loaded.contains(u"ssedash_de"_s), qPrintable(loaded.join(u", "_s)));
    const MainWindow german;
    const QStringList titles = menuTitles(german);
    QVERIFY2(titles.contains(u"&Protokoll"_s), qPrintable(titles.join(u", "_s)));
    QCOMPARE(german.findChild<QAction *>(u"exportAction"_s)->text(), u"Protokoll &exportieren…"_s);
}

void tst_Translation::german_acceleratorsAreUniqueWhereShownTogether()
{
    installTranslations(QLocale(QLocale::German, QLocale::Germany));
    QStringList found;
    const MainWindow window;
    const QList<QAction *> menus = window.menuBar()->actions();
    QStringList titles;
    for (const QAction *menu : menus) {
        titles.append(menu->text());
        QStringList items;
        const QList<QAction *> actions = menu->menu()->actions();
        for (const QAction *action : actions)
            items.append(action->text());
        found += clashes(items);
    }
    found += clashes(titles);
    found += clashesIn(FeedDialog(FeedDialog::Mode::Add));
    found += clashesIn(ExportDialog(10, 5));
    PublisherController publisher;
    found += clashesIn(PublisherPanel(&publisher));
    QVERIFY2(found.isEmpty(), summary(found).constData());
}

// sselib's messages outside QObject classes: their tr() context must match the .ts file's.
void tst_Translation::german_reachesSselibMessages()
{
    installTranslations(QLocale(QLocale::German, QLocale::Germany));

    Sse::ResponseInfo response;
    response.status = 200;
    const QList<Sse::Finding> findings = Sse::Diagnostics::checkResponse(response);
    QVERIFY(!findings.isEmpty());
    QCOMPARE(findings.first().code, u"content-type"_s);
    QCOMPARE(findings.first().message,
            u"Die Antwort hat keinen Content-Type; die EventSource der Browser lehnt sie ab."_s);

    Sse::ArrivalMonitor monitor;
    monitor.connectionOpened(0);
    const QList<Sse::Finding> silence = monitor.findings(61000);
    QCOMPARE(silence.size(), 1);
    QCOMPARE(silence.first().advice,
            u"Senden Sie alle 15 s eine Heartbeat-Kommentarzeile („: ping“)."_s);

    QCOMPARE(Sse::logFormatDescription(Sse::LogFormat::Ndjson), u"NDJSON-Event-Protokoll"_s);
}

void tst_Translation::german_reachesEventSourceErrors()
{
    installTranslations(QLocale(QLocale::German, QLocale::Germany));
    Sse::EventSource source(QUrl(u"ftp://127.0.0.1/feed"_s));
    QSignalSpy errors(&source, &Sse::EventSource::errorOccurred);
    source.open();
    QTRY_COMPARE(errors.size(), 1);
    const auto error = errors.first().first().value<Sse::SourceError>();
    QCOMPARE(error.message, u"„ftp://127.0.0.1/feed“ ist keine http- oder https-URL."_s);
}

void tst_Translation::unknownLanguage_loadsNothingOfOurs()
{
    const QStringList loaded = installTranslations(QLocale(QLocale::Zulu));
    QVERIFY(!loaded.contains(u"ssedash_zu"_s));
    QVERIFY(loaded.filter(u"ssedash"_s).isEmpty());
}

QTEST_MAIN(tst_Translation)
#include "tst_translation.moc"
