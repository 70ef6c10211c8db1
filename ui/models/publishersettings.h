// SPDX-License-Identifier: MIT
// PublisherSettingsStore: the built-in publisher's form in QSettings.
#pragma once

#include "sselib/publisher/publisheroptions.h"

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

/// Writes and reads, in the group "publisher" of a QSettings, the parts of Sse::PublisherOptions
/// that the publisher panel edits: the port and the generator settings.
class PublisherSettingsStore final
{
public:
    /// Writes the group "publisher" (below the current group of `settings`).
    static void save(QSettings &settings, const Sse::PublisherOptions &options);

    /// Overwrites the stored parts of `options` with what save() wrote; false, with `options`
    /// untouched, when nothing was saved. Negative durations become 0, a negative retry and a
    /// limit below 1 become none, and the port stays in range (the rest of the clamping is the
    /// panel's); unknown enum values fall back.
    [[nodiscard]] static bool load(QSettings &settings, Sse::PublisherOptions *options);
};
