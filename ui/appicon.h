// SPDX-License-Identifier: MIT
// appIcon(): ssedash's application icon, painted in code so that it needs no image plugin.
#pragma once

#include <QIcon>

/// A rounded tile with a source dot sending three waves: the sizes a desktop asks for, from
/// 16 to 256 pixels, each painted for its size (sharp on high-DPI screens too).
[[nodiscard]] QIcon appIcon();
