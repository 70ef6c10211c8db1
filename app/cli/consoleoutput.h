// SPDX-License-Identifier: MIT
// Console output of ssedash-cli: whole lines to stdout, messages to stderr.
#pragma once

#include <QByteArrayView>
#include <QString>

/// Writes bytes to stdout and flushes, so a reader sees each line as soon as it is complete.
void writeStdout(QByteArrayView bytes);

/// Prints "ssedash-cli: message" and a newline to stderr.
void printMessage(const QString &message);
