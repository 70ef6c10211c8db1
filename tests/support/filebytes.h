// SPDX-License-Identifier: MIT
// TestSupport::readAll() and writeAll(): a file's bytes in one call.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace TestSupport {

/// The bytes of the file at `path`; empty when it cannot be read.
inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Replaces the file at `path` with `bytes`; false when that failed.
inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace TestSupport
