// SPDX-License-Identifier: MIT
// ListenOptions: --bind and --port of the commands that listen (publish, proxy).
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
class QHostAddress;
QT_END_NAMESPACE

/// Reads the listening address and port. Apart from OptionParsing, because it needs Qt Network:
/// the local commands (parse, export) do not.
class ListenOptions
{
    Q_DECLARE_TR_FUNCTIONS(ListenOptions)

public:
    /// A literal IPv4 (four dotted numbers, not the short forms such as "127.1") or IPv6
    /// address.
    [[nodiscard]] static std::optional<QHostAddress> parseAddress(const QString &text);
    /// Reads --bind ADDR (parseAddress()) and --port P, where the parser has them and they are
    /// set, into `address` and `port`; gives an error message, or an empty string.
    [[nodiscard]] static QString read(
            const QCommandLineParser &parser, QHostAddress &address, quint16 &port);
};
