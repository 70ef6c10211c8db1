// SPDX-License-Identifier: MIT
// TestSupport::child<T>(): a widget's part found by its objectName, or a clear test failure.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTest>

namespace TestSupport {

/// The descendant of `parent` of type T named `name`. When there is none, the test fails at the
/// caller's line, naming what was looked for and the names of the T that are there, and this
/// returns null (a test that goes on to use it stops there).
template <typename T>
[[nodiscard]] T *child(const QObject *parent, const QString &name,
        const char *file = __builtin_FILE(), int line = __builtin_LINE())
{
    if (!parent) {
        QTest::qFail(
                qPrintable(QStringLiteral("no parent to find \"%1\" in").arg(name)), file, line);
        return nullptr;
    }
    if (T *found = parent->findChild<T *>(name))
        return found;
    QStringList present;
    const QList<T *> all = parent->findChildren<T *>();
    for (const T *candidate : all) {
        if (!candidate->objectName().isEmpty())
            present.append(candidate->objectName());
    }
    const QString message = QStringLiteral("%1 has no %2 named \"%3\"; its %2s are named: %4")
                                    .arg(QLatin1StringView(parent->metaObject()->className()),
                                            QLatin1StringView(T::staticMetaObject.className()),
                                            name, present.join(QLatin1StringView(", ")));
    QTest::qFail(qPrintable(message), file, line);
    return nullptr;
}

} // namespace TestSupport
