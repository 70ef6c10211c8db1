// SPDX-License-Identifier: MIT
// The application icon, from the SVG that also makes the installed icons.
#include "appicon.h"

using namespace Qt::Literals::StringLiterals;

QIcon appIcon()
{
    return QIcon(u":/icons/ssedash.svg"_s);
}
