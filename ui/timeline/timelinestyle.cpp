// SPDX-License-Identifier: MIT
// TimelineStyle: the colours and fonts of the connection timeline, from a palette and a font.
#include "timelinestyle.h"

#include <algorithm>
#include <cmath>

namespace {

double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

bool TimelineStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor TimelineStyle::mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
            float(a.greenF() + (b.greenF() - a.greenF()) * t),
            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QColor TimelineStyle::textOn(const QColor &fill, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return contrast(text, fill) >= contrast(base, fill) ? text : base;
}

QColor TimelineStyle::stateColor(ConnectionHistory::ReadyState state, const QPalette &palette)
{
    using ReadyState = ConnectionHistory::ReadyState;
    const bool dark = isDark(palette);
    switch (state) {
    case ReadyState::Connecting:
        return dark ? QColor(0xc9, 0x8a, 0x10) : QColor(0xe8, 0xa3, 0x10);
    case ReadyState::Open:
        return dark ? QColor(0x2e, 0x9a, 0x4a) : QColor(0x3c, 0xb0, 0x5a);
    case ReadyState::Closed:
        return dark ? QColor(0xc0, 0x42, 0x42) : QColor(0xd8, 0x4f, 0x4f);
    }
    return palette.color(QPalette::Mid);
}

TimelineMarkerColors TimelineStyle::markerColors(const QPalette &palette)
{
    const bool dark = isDark(palette);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return {text, mix(text, base, 0.3), dark ? QColor(0xb3, 0x92, 0xf0) : QColor(0x82, 0x50, 0xdf),
            dark ? QColor(0xf0, 0x88, 0x3e) : QColor(0xd1, 0x6d, 0x12),
            dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xcf, 0x22, 0x2e), mix(text, base, 0.25)};
}

QFont TimelineStyle::smallFont(QFont font)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else
        font.setPixelSize(std::max(8, int(font.pixelSize() * 0.85)));
    return font;
}
