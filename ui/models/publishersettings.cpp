// SPDX-License-Identifier: MIT
// The built-in publisher's form in QSettings.
#include "publishersettings.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

void PublisherSettingsStore::save(QSettings &settings, const Sse::PublisherOptions &options)
{
    const Sse::FeedSettings &feed = options.feed;
    settings.beginGroup(u"publisher"_s);
    settings.setValue(u"port"_s, options.port);
    settings.setValue(u"intervalMs"_s, qint64(feed.interval.count()));
    settings.setValue(u"payload"_s, int(feed.payload));
    settings.setValue(u"ids"_s, int(feed.ids));
    settings.setValue(u"eventName"_s, QString::fromUtf8(feed.eventName));
    settings.setValue(u"retryMs"_s, feed.retryMs);
    settings.setValue(u"heartbeatMs"_s, qint64(feed.heartbeat.count()));
    settings.setValue(u"limit"_s, feed.limit);
    settings.endGroup();
}

bool PublisherSettingsStore::load(QSettings &settings, Sse::PublisherOptions *options)
{
    settings.beginGroup(u"publisher"_s);
    const bool stored = settings.contains(u"intervalMs"_s);
    if (stored) {
        Sse::FeedSettings &feed = options->feed;
        // Out-of-range values are the panel's to clamp; unknown enum values fall back.
        options->port = quint16(std::clamp(settings.value(u"port"_s).toInt(), 0, 65535));
        feed.interval = std::chrono::milliseconds(
                std::max<qint64>(0, settings.value(u"intervalMs"_s).toLongLong()));
        const int payload = settings.value(u"payload"_s).toInt();
        feed.payload = payload == int(Sse::FeedSettings::Payload::Json)
                ? Sse::FeedSettings::Payload::Json
                : Sse::FeedSettings::Payload::ClockText;
        const int ids = settings.value(u"ids"_s).toInt();
        if (ids >= int(Sse::FeedSettings::Ids::Counter) && ids <= int(Sse::FeedSettings::Ids::None))
            feed.ids = Sse::FeedSettings::Ids(ids);
        feed.eventName = settings.value(u"eventName"_s).toString().toUtf8();
        feed.retryMs = settings.value(u"retryMs"_s, -1).toLongLong();
        feed.heartbeat = std::chrono::milliseconds(
                std::max<qint64>(0, settings.value(u"heartbeatMs"_s).toLongLong()));
        feed.limit = std::max(0, settings.value(u"limit"_s).toInt());
    }
    settings.endGroup();
    return stored;
}
