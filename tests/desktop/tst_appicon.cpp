// SPDX-License-Identifier: MIT
// The window icon is resources/icons/ssedash.svg, drawn by Qt's SVG icon engine at any size.
#include "ui/appicon.h"
#include "ui/mainwindow.h"

#include <QFile>
#include <QImage>
#include <QPixmap>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_AppIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appIcon_isTheSourceSvg();
    void appIcon_scalesAsAVector();
    void appIcon_isLegibleAtEachSize_data();
    void appIcon_isLegibleAtEachSize();
    void mainWindow_showsTheAppIcon();
};

void tst_AppIcon::appIcon_isTheSourceSvg()
{
    QFile built(u":/icons/ssedash.svg"_s);
    QFile source(QStringLiteral(SSEDASH_ICON_SVG));
    QVERIFY(built.open(QIODevice::ReadOnly));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(built.readAll(), source.readAll());
}

void tst_AppIcon::appIcon_scalesAsAVector()
{
    // A pixmap icon never grows past its largest pixmap (the painted one stopped at 256); the
    // SVG engine draws any size. Without the engine plugin (libqt6svg6) the icon is null.
    const QIcon icon = appIcon();
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.actualSize(QSize(1024, 1024)), QSize(1024, 1024));
    QCOMPARE(icon.pixmap(1024).size(), QSize(1024, 1024));
}

void tst_AppIcon::appIcon_isLegibleAtEachSize_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        QTest::addRow("%d", size) << size;
}

void tst_AppIcon::appIcon_isLegibleAtEachSize()
{
    QFETCH(int, size);
    const QImage image = appIcon().pixmap(size).toImage();
    QCOMPARE(image.size(), QSize(size, size));
    const auto at = [&image, size](qreal x, qreal y) {
        return image.pixelColor(int(x * size), int(y * size));
    };
    // Transparent outside the rounded tile, blue on it, white at the source dot.
    QCOMPARE(at(0, 0).alpha(), 0);
    const QColor tile = at(0.5, 0.88);
    QCOMPARE(tile.alpha(), 255);
    QVERIFY2(tile.blue() > 150 && tile.red() < 80, qPrintable(tile.name()));
    const QColor dot = at(0.27, 0.73);
    QVERIFY2(dot.red() > 200 && dot.green() > 200 && dot.blue() > 200, qPrintable(dot.name()));
}

void tst_AppIcon::mainWindow_showsTheAppIcon()
{
    const MainWindow window;
    QCOMPARE(window.windowIcon().pixmap(48).toImage(), appIcon().pixmap(48).toImage());
}

QTEST_MAIN(tst_AppIcon)
#include "tst_appicon.moc"
