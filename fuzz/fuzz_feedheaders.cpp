// SPDX-License-Identifier: MIT
// fuzz_feedheaders: the feed dialog's method and header checks (FeedSettingsStore) and the curl
// request.
#include "fuzzcheck.h"

#include "sselib/headers.h"
#include "ui/models/feed.h"
#include "ui/models/feedsettings.h"

#include <QStringList>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

using Rows = QList<QPair<QString, QString>>;

bool isTchar(QChar c)
{
    return c.unicode() < 128
            && (c.isLetterOrNumber() || QStringView(u"!#$%&'*+-.^_`|~").contains(c));
}

// The reference: one or more tchars; a value without CR, LF or NUL.
bool isToken(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTchar);
}

bool isSingleLine(const QString &text)
{
    return !text.contains(u'\r') && !text.contains(u'\n') && !text.contains(QChar(0));
}

// Splits a POSIX shell command into its words; nullopt when something outside quotes is not a
// plain character (the shell would read it as syntax: a way in for an injection).
std::optional<QStringList> shellWords(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        if (c == u' ') {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else if (c == u'\'') {
            const qsizetype end = command.indexOf(u'\'', i + 1);
            if (end < 0)
                return std::nullopt;
            word += command.mid(i + 1, end - i - 1);
            i = end;
            inWord = true;
        } else if (c == u'\\' && i + 1 < command.size()) {
            word += command.at(++i);
            inWord = true;
        } else if ((c.unicode() < 128 && c.isLetterOrNumber())
                || QStringView(u"@%+=:,./-_").contains(c)) {
            word += c;
            inWord = true;
        } else {
            return std::nullopt;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

bool hasName(const Sse::HeaderList &headers, QByteArrayView name)
{
    return std::any_of(headers.begin(), headers.end(), [name](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

// "Copy as curl" of the accepted settings sends exactly those headers after its own.
void checkCurl(const QByteArray &method, const Sse::HeaderList &headers)
{
    FeedConfig config;
    config.url = QUrl(u"http://example.invalid/feed"_s);
    config.options.method = method;
    config.options.headers = headers;
    const std::optional<QStringList> words =
            shellWords(FeedSettingsStore::curlCommand(config, true));
    FUZZ_CHECK(words && words->size() >= 3 && words->constFirst() == "curl"_L1);
    FUZZ_CHECK(words->constLast() == "http://example.invalid/feed"_L1);
    QStringList sent;
    std::optional<QString> sentMethod;
    for (qsizetype i = 1; i + 1 < words->size(); ++i) {
        if (words->at(i) == "-H"_L1)
            sent.append(words->at(++i));
        else if (words->at(i) == "-X"_L1)
            sentMethod = words->at(++i);
    }
    QStringList expected;
    if (!hasName(headers, "Accept"))
        expected.append(u"Accept: text/event-stream"_s);
    if (!hasName(headers, "Cache-Control"))
        expected.append(u"Cache-Control: no-cache"_s);
    for (const auto &[name, value] : headers) {
        // "Name;" is how curl sends an empty header.
        const QByteArray line =
                value.isEmpty() ? QByteArray(name + ';') : QByteArray(name + ": " + value);
        expected.append(QString::fromUtf8(line));
    }
    FUZZ_CHECK(sent == expected);
    FUZZ_CHECK(method == "GET" ? !sentMethod : sentMethod == QString::fromLatin1(method));
}

void checkMethod(const QString &method)
{
    const QString error = FeedSettingsStore::methodError(method);
    FUZZ_CHECK(error.isEmpty() == isToken(method.trimmed()));
    FUZZ_CHECK(error.isEmpty() || error.contains(method.trimmed()));
}

// Returns the headers the dialog's config() builds from accepted rows; nullopt if rejected.
std::optional<Sse::HeaderList> checkRows(const Rows &rows)
{
    const FeedSettingsStore::HeaderRowError error = FeedSettingsStore::headerRowsError(rows);
    FUZZ_CHECK((error.row < 0) == error.text.isEmpty());
    FUZZ_CHECK(error.row < rows.size());
    const auto rowOk = [&rows](qsizetype row) {
        const QString name = rows.at(row).first.trimmed();
        const QString &value = rows.at(row).second;
        if (name.isEmpty())
            return value.trimmed().isEmpty();
        // The request keeps one value per name (QNetworkRequest::setRawHeader() replaces).
        for (qsizetype earlier = 0; earlier < row; ++earlier) {
            if (rows.at(earlier).first.trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return false;
        }
        return isToken(name) && isSingleLine(value);
    };
    // The rows before the one named are fine, the one named is not.
    for (qsizetype row = 0; row < (error.row < 0 ? rows.size() : error.row); ++row)
        FUZZ_CHECK(rowOk(row));
    if (error.row >= 0) {
        FUZZ_CHECK(!rowOk(error.row));
        return std::nullopt;
    }
    Sse::HeaderList headers;
    for (const auto &[name, value] : rows) {
        if (name.trimmed().isEmpty())
            continue;
        FUZZ_CHECK(!hasName(headers, name.trimmed().toLatin1()));
        headers.append({name.trimmed().toLatin1(), value.trimmed().toUtf8()});
        const auto &[sentName, sentValue] = headers.constLast();
        // As sent: a token, and a value on one line without NUL.
        FUZZ_CHECK(Sse::isHttpToken(sentName)
                && FeedSettingsStore::isValidHeader(sentName, sentValue));
        FUZZ_CHECK(!sentValue.contains('\r') && !sentValue.contains('\n')
                && !sentValue.contains('\0'));
    }
    return headers;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Records split by 0x1E: the method, then header rows whose name and value 0x1F splits.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> records = bytes.split('\x1e');
    if (records.size() > 33)
        return 0;
    const QString method = QString::fromUtf8(records.constFirst());
    Rows rows;
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QByteArray &record = records.at(i);
        const qsizetype split = record.indexOf('\x1f');
        rows.append({QString::fromUtf8(record.left(split < 0 ? record.size() : split)),
                split < 0 ? QString() : QString::fromUtf8(record.mid(split + 1))});
    }
    // The byte check as loading saved feeds uses it, against the reference.
    const QByteArray &raw = records.constFirst();
    const qsizetype split = raw.indexOf('\x1f');
    if (split >= 0) {
        const QByteArray name = raw.left(split), value = raw.mid(split + 1);
        FUZZ_CHECK(FeedSettingsStore::isValidHeader(name, value)
                == (Sse::isHttpToken(name) && !value.contains('\r') && !value.contains('\n')
                        && !value.contains('\0')));
    }

    checkMethod(method);
    const std::optional<Sse::HeaderList> headers = checkRows(rows);
    if (headers && FeedSettingsStore::methodError(method).isEmpty())
        checkCurl(method.trimmed().toUpper().toLatin1(), *headers);
    return 0;
}
