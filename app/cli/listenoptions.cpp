// SPDX-License-Identifier: MIT
// ListenOptions: --bind and --port of the commands that listen (publish, proxy).
#include "listenoptions.h"

#include "optionparsing.h"

#include <QCommandLineParser>
#include <QHostAddress>

using namespace Qt::Literals::StringLiterals;

std::optional<QHostAddress> ListenOptions::parseAddress(const QString &text)
{
    QHostAddress address;
    if (!address.setAddress(text))
        return std::nullopt;
    if (address.protocol() == QAbstractSocket::IPv4Protocol && text.count(u'.') != 3)
        return std::nullopt;
    return address;
}

QString ListenOptions::read(const QCommandLineParser &parser, QHostAddress &address, quint16 &port)
{
    if (parser.isSet(u"bind"_s)) {
        const QString text = parser.value(u"bind"_s);
        const std::optional<QHostAddress> parsed = parseAddress(text);
        if (!parsed) {
            return tr("--bind wants an IPv4 or IPv6 address such as 127.0.0.1 or ::1, not '%1'")
                    .arg(text);
        }
        address = *parsed;
    }
    if (parser.isSet(u"port"_s)) {
        const QString text = parser.value(u"port"_s);
        const std::optional<quint64> parsed = OptionParsing::parseUnsigned(text, 65535);
        if (!parsed)
            return tr("--port wants a port number from 0 to 65535, not '%1'").arg(text);
        port = quint16(*parsed);
    }
    return {};
}
