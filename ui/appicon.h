// SPDX-License-Identifier: MIT
// appIcon(): ssedash's application icon, drawn from resources/icons/ssedash.svg.
#pragma once

#include <QIcon>

/// The SVG icon built into the library (":/icons/ssedash.svg"): Qt's SVG icon engine draws it
/// sharp at any size the desktop asks for (Debian: the engine plugin is in libqt6svg6).
[[nodiscard]] QIcon appIcon();
