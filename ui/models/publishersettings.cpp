// SPDX-License-Identifier: MIT
// The built-in publisher's form in QSettings.
#include "publishersettings.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

void PublisherSettingsStore::save(QSettings &settings, const Sse::PublisherOptions &options)
{
    const Sse::GeneratorSettings &generator = options.generator;
    settings.beginGroup(u"publisher"_s);
    settings.setValue(u"port"_s, options.port);
    settings.setValue(u"intervalMs"_s, qint64(generator.interval.count()));
    settings.setValue(u"payload"_s, int(generator.payload));
    settings.setValue(u"ids"_s, int(generator.ids));
    settings.setValue(u"eventName"_s, QString::fromUtf8(generator.eventName));
    // The stored form of "none" stays what earlier versions wrote: -1 and 0.
    settings.setValue(u"retryMs"_s, generator.retry ? qint64(generator.retry->count()) : -1);
    settings.setValue(u"heartbeatMs"_s, qint64(generator.heartbeat.count()));
    settings.setValue(u"limit"_s, generator.limit.value_or(0));
    settings.endGroup();
}

bool PublisherSettingsStore::load(QSettings &settings, Sse::PublisherOptions *options)
{
    settings.beginGroup(u"publisher"_s);
    const bool stored = settings.contains(u"intervalMs"_s);
    if (stored) {
        Sse::GeneratorSettings &generator = options->generator;
        // Out-of-range values are the panel's to clamp; unknown enum values fall back.
        options->port = quint16(std::clamp(settings.value(u"port"_s).toInt(), 0, 65535));
        generator.interval = std::chrono::milliseconds(
                std::max<qint64>(0, settings.value(u"intervalMs"_s).toLongLong()));
        const int payload = settings.value(u"payload"_s).toInt();
        generator.payload = payload == int(Sse::GeneratorSettings::Payload::Json)
                ? Sse::GeneratorSettings::Payload::Json
                : Sse::GeneratorSettings::Payload::ClockText;
        const int ids = settings.value(u"ids"_s).toInt();
        if (ids >= int(Sse::GeneratorSettings::Ids::Counter)
                && ids <= int(Sse::GeneratorSettings::Ids::None))
            generator.ids = Sse::GeneratorSettings::Ids(ids);
        generator.eventName = settings.value(u"eventName"_s).toString().toUtf8();
        const qint64 retryMs = settings.value(u"retryMs"_s, -1).toLongLong();
        generator.retry =
                retryMs < 0 ? std::nullopt : std::optional(std::chrono::milliseconds(retryMs));
        generator.heartbeat = std::chrono::milliseconds(
                std::max<qint64>(0, settings.value(u"heartbeatMs"_s).toLongLong()));
        const int limit = settings.value(u"limit"_s).toInt();
        generator.limit = limit <= 0 ? std::nullopt : std::optional(limit);
    }
    settings.endGroup();
    return stored;
}
