// SPDX-License-Identifier: MIT
// TestSupport::darkPalette(): a dark-mode palette, for widget tests that must read well on it.
#pragma once

#include <QColor>
#include <QPalette>

namespace TestSupport {

/// Light text on dark backgrounds, as a desktop in dark mode hands out.
inline QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1c));
    palette.setColor(QPalette::AlternateBase, QColor(0x1e, 0x21, 0x26));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Button, QColor(0x2d, 0x30, 0x36));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x91, 0x98));
    palette.setColor(QPalette::Mid, QColor(0x44, 0x48, 0x50));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xfd));
    return palette;
}

} // namespace TestSupport
