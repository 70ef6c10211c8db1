// SPDX-License-Identifier: MIT
// Tests that the translations are built in and reach the window.
#include "ui/mainwindow.h"
#include "ui/translation.h"

#include <QAction>
#include <QMenuBar>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_Translation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void german_isBuiltIn();
    void german_reachesTheMenus();
    void unknownLanguage_loadsNothingOfOurs();
};

namespace {

QStringList menuTitles(const MainWindow &w)
{
    QStringList titles;
    const QList<QAction *> actions = w.menuBar()->actions();
    for (const QAction *action : actions)
        titles.append(action->text());
    return titles;
}

} // namespace

void tst_Translation::german_isBuiltIn()
{
    QVERIFY(availableTranslations().contains(u"de"_s));
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
    QCOMPARE(german.exportAction()->text(), u"Protokoll &exportieren…"_s);
}

void tst_Translation::unknownLanguage_loadsNothingOfOurs()
{
    const QStringList loaded = installTranslations(QLocale(QLocale::Zulu));
    QVERIFY(!loaded.contains(u"ssedash_zu"_s));
    QVERIFY(loaded.filter(u"ssedash"_s).isEmpty());
}

QTEST_MAIN(tst_Translation)
#include "tst_translation.moc"
