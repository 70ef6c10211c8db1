// SPDX-License-Identifier: MIT
// TestSupport::saveGrab(): pictures of widgets under test, for a person to look at.
#pragma once

#include <QDir>
#include <QPixmap>
#include <QTest>
#include <QWidget>

namespace TestSupport {

/// Grabs `widget` (the grab must work); saves the picture as `fileName` when SSEDASH_GRAB_DIR
/// names a folder. Otherwise tests write nothing outside their temporary folders.
inline void saveGrab(QWidget &widget, const QString &fileName)
{
    const QPixmap picture = widget.grab();
    QVERIFY(!picture.isNull());
    const QString directory = qEnvironmentVariable("SSEDASH_GRAB_DIR");
    if (!directory.isEmpty())
        QVERIFY(picture.save(QDir(directory).filePath(fileName)));
}

} // namespace TestSupport
