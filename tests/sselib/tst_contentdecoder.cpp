// SPDX-License-Identifier: MIT
// Tests for Sse::ContentDecoder: every encoding, every way of splitting, bounded pieces.
#include "tests/support/compression.h"

#include "sselib/contentdecoder.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using Sse::ContentDecoder;
namespace Compression = TestSupport::Compression;

namespace {

// Text that compresses well, then bytes that do not, so that both kinds of block occur.
QByteArray samplePlain()
{
    QByteArray plain;
    for (int i = 0; i < 2000; ++i)
        plain += "id: " + QByteArray::number(i) + "\ndata: {\"n\":" + QByteArray::number(i * 7)
                + ",\"text\":\"h\xC3\xA9llo\"}\n\n";
    QRandomGenerator random(42);
    for (int i = 0; i < 50'000; ++i)
        plain += char(random.bounded(256));
    return plain;
}

/// Decodes `encoded` in pieces of `step` bytes (all at once for 0); the output joined.
QByteArray decodeInSteps(ContentDecoder &decoder, const QByteArray &encoded, qsizetype step)
{
    QByteArray out;
    const auto sink = [&out](QByteArrayView piece) {
        out.append(piece);
        return true;
    };
    if (step == 0)
        step = std::max<qsizetype>(encoded.size(), 1);
    for (qsizetype at = 0; at < encoded.size(); at += step) {
        if (!decoder.decode(QByteArrayView(encoded).sliced(at, std::min(step, encoded.size() - at)),
                    sink)) {
            break;
        }
    }
    return out;
}

} // namespace

class tst_ContentDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names();
    void decodes_data();
    void decodes();
    void gzipMembersInARow();
    void piecesStayBoundedAndTheSinkStops();
    void corruptDataFails_data();
    void corruptDataFails();
    void unknownEncodingFails();
};

void tst_ContentDecoder::names()
{
    QCOMPARE(ContentDecoder::normalized(" GZip "), "gzip"_ba);
    QCOMPARE(ContentDecoder::normalized("Identity"), QByteArray());
    for (const char *name : {"", "identity", "gzip", "x-gzip", "deflate", "br", " BR "})
        QVERIFY2(ContentDecoder::canDecode(name), name);
    for (const char *name : {"zstd", "compress", "gzip, br", "x-compress", "sdch"})
        QVERIFY2(!ContentDecoder::canDecode(name), name);
    // Whatever the Accept-Encoding asks for decodes.
    const QByteArrayList asked = ContentDecoder::acceptEncoding().split(',');
    QCOMPARE(asked.size(), 3);
    for (const QByteArray &name : asked)
        QVERIFY2(ContentDecoder::canDecode(name), name.constData());
}

void tst_ContentDecoder::decodes_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("encoder");
    QTest::addColumn<int>("step"); // bytes per decode(); 0: all at once
    for (const auto &[header, encoder] : QList<QPair<QByteArray, QByteArray>>{{"gzip", "gzip"},
                 {"x-gzip", "gzip"}, {"deflate", "deflate"}, {"deflate", "raw-deflate"},
                 {"br", "br"}, {"identity", "identity"}, {"", ""}}) {
        for (const int step : {0, 1, 7, 4096}) {
            QTest::addRow("%s as %s, %d-byte pieces", encoder.constData(), header.constData(), step)
                    << header << encoder << step;
        }
    }
}

void tst_ContentDecoder::decodes()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, encoder);
    QFETCH(int, step);
    static const QByteArray plain = samplePlain();
    const QByteArray encoded = Compression::encode(encoder, plain);
    QVERIFY(!encoded.isEmpty());
    ContentDecoder decoder(header);
    QVERIFY(decoder.isSupported());
    QCOMPARE(decodeInSteps(decoder, encoded, step), plain);
    QVERIFY2(!decoder.hasError(), qPrintable(decoder.errorString()));
}

void tst_ContentDecoder::gzipMembersInARow()
{
    const QByteArray encoded =
            Compression::gzip("data: one\n\n") + Compression::gzip("data: two\n\n");
    ContentDecoder decoder("gzip");
    QCOMPARE(decodeInSteps(decoder, encoded, 0), "data: one\n\ndata: two\n\n"_ba);
    QVERIFY(!decoder.hasError());
}

void tst_ContentDecoder::piecesStayBoundedAndTheSinkStops()
{
    // 16 MiB of zeros compress about a thousandfold: what a decompression bomb looks like.
    const QByteArray zeros(16 * 1024 * 1024, '\0');
    for (const QByteArray &encoding : {"gzip"_ba, "deflate"_ba, "br"_ba}) {
        const QByteArray encoded = Compression::encode(encoding, zeros);
        QVERIFY(encoded.size() < zeros.size() / 500);
        ContentDecoder all(encoding);
        qsizetype total = 0;
        qsizetype largest = 0;
        QVERIFY(all.decode(encoded, [&](QByteArrayView piece) {
            total += piece.size();
            largest = std::max(largest, piece.size());
            return true;
        }));
        QCOMPARE(total, zeros.size());
        QVERIFY(largest <= ContentDecoder::ChunkSize);

        // A sink that has seen enough stops the decoding there.
        ContentDecoder stopped(encoding);
        total = 0;
        QVERIFY(!stopped.decode(encoded, [&total](QByteArrayView piece) {
            total += piece.size();
            return total < 1024 * 1024;
        }));
        QVERIFY(!stopped.hasError());
        QVERIFY(total >= 1024 * 1024 && total < 1024 * 1024 + ContentDecoder::ChunkSize);
    }
}

void tst_ContentDecoder::corruptDataFails_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("decodedFirst"); // what comes out before the error
    const QByteArray good = "data: one\n\n"_ba;
    const QByteArray garbage = "\xff\xfe\xfd garbage, garbage, garbage"_ba;
    QTest::addRow("gzip: plain text") << "gzip"_ba << good << QByteArray();
    QTest::addRow("gzip: garbage after a member")
            << "gzip"_ba << Compression::gzip(good) + garbage << good;
    QTest::addRow("gzip: bad checksum")
            << "gzip"_ba << Compression::gzip(good).chopped(8) + "\0\0\0\0\0\0\0\0"_ba << good;
    QTest::addRow("deflate: garbage") << "deflate"_ba << garbage << QByteArray();
    QTest::addRow("deflate: data after the end")
            << "deflate"_ba << Compression::zlib(good) + "more"_ba << good;
    QTest::addRow("raw deflate: data after the end")
            << "deflate"_ba << Compression::rawDeflate(good) + "more"_ba << good;
    QTest::addRow("br: garbage") << "br"_ba << garbage << QByteArray();
    QTest::addRow("br: data after the end")
            << "br"_ba << Compression::brotli(good) + "more"_ba << good;
}

void tst_ContentDecoder::corruptDataFails()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, decodedFirst);
    ContentDecoder decoder(encoding);
    QCOMPARE(decodeInSteps(decoder, encoded, 0), decodedFirst);
    QVERIFY(decoder.hasError());
    const QString expected =
            u"The body could not be decoded as %1 ("_s.arg(QString::fromUtf8(encoding));
    QVERIFY2(decoder.errorString().startsWith(expected), qPrintable(decoder.errorString()));
    // Of no further use: it fails at once, without output.
    QVERIFY(!decoder.decode(Compression::encode(encoding, "data: two\n\n"), [](QByteArrayView) {
        QTest::qFail("output after an error", __FILE__, __LINE__);
        return true;
    }));
}

void tst_ContentDecoder::unknownEncodingFails()
{
    ContentDecoder decoder("zstd");
    QVERIFY(!decoder.isSupported());
    QCOMPARE(decoder.encoding(), "zstd"_ba);
    QVERIFY(!decoder.decode("\x28\xb5\x2f\xfd", [](QByteArrayView) { return true; }));
    QVERIFY2(decoder.errorString().contains(u"zstd"_s), qPrintable(decoder.errorString()));
}

QTEST_GUILESS_MAIN(tst_ContentDecoder)
#include "tst_contentdecoder.moc"
