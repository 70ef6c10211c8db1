// SPDX-License-Identifier: MIT
// ConnectionView: the requests of one feed, their responses and what is wrong with them.
#pragma once

#include "sselib/diagnostics.h"
#include "ui/models/feed.h"

#include <QIcon>
#include <QList>
#include <QPair>
#include <QPixmap>
#include <QString>
#include <QWidget>

#include <array>
#include <optional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QTextBrowser;
class QToolButton;
QT_END_NAMESPACE

/// Lists a feed's connections (newest first) and shows the selected one: request number,
/// Last-Event-ID sent and status; the request as sent (method, URL, redirects, headers, body);
/// the response (HTTP version, final URL, Content-Encoding, headers) and, for a refused one,
/// the start of its body (JSON re-indented); then the diagnostics findings with their severity
/// and advice. Secret header values are masked. "Copy report" puts a plain-text report with the
/// same sections on the clipboard, secret values redacted. The newest connection stays
/// selected as new ones come, unless the user picked an older one. Object names, for tests and
/// tools: "connectionSelector", "copyReportButton", "connectionBrowser".
class ConnectionView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionView)

public:
    explicit ConnectionView(QWidget *parent = nullptr);
    ~ConnectionView() override;

    /// Shows `connections` (oldest first, as Feed::connections() gives them).
    void setConnections(const QList<ConnectionRecord> &connections);

    [[nodiscard]] QList<ConnectionRecord> connections() const { return m_connections; }

    /// Index into connections() of the record shown; -1 when there is none.
    [[nodiscard]] int currentIndex() const;
    /// Shows connections()[index] (clamped).
    void setCurrentIndex(int index);

    /// What the page shows, as plain text (secret values masked).
    [[nodiscard]] QString text() const;
    /// The report "Copy report" copies for the shown connection; empty when there is none.
    [[nodiscard]] QString reportText() const;

    /// The feed ignores TLS certificate errors (SourceOptions::ignoreTlsErrors): the page and
    /// the report say so for every connection.
    void setTlsErrorsIgnored(bool ignored);

    [[nodiscard]] bool tlsErrorsIgnored() const { return m_tlsErrorsIgnored; }

    /// A plain-text report of one connection: secret header values are redacted; with
    /// `tlsErrorsIgnored`, a line says that the feed ignores TLS certificate errors.
    [[nodiscard]] static QString report(
            const ConnectionRecord &record, bool tlsErrorsIgnored = false);
    /// A colour for a severity that reads well on `palette`'s Base, light or dark.
    [[nodiscard]] static QColor severityColor(
            Sse::Finding::Severity severity, const QPalette &palette);
    [[nodiscard]] static QString severityName(Sse::Finding::Severity severity);
    /// A round badge in severityColor() with a glyph, `size` device-independent pixels wide.
    [[nodiscard]] static QPixmap severityPixmap(
            Sse::Finding::Severity severity, const QPalette &palette, int size, qreal dpr = 1.0);

public Q_SLOTS:
    /// Copies reportText() to the clipboard.
    void copyReport();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    /// One selector row: what its text and icon are made of.
    struct SelectorItem
    {
        int connection = 0;
        qint64 startedMs = 0;
        QString time;
        QString status;
        int warnings = 0;
        int severity = -1; ///< the worst finding's Sse::Finding::Severity; -1 for none

        [[nodiscard]] bool sameRecord(int otherConnection, qint64 otherStartedMs) const
        {
            return connection == otherConnection && startedMs == otherStartedMs;
        }

        [[nodiscard]] bool operator==(const SelectorItem &other) const
        {
            return sameRecord(other.connection, other.startedMs) && status == other.status
                    && warnings == other.warnings && severity == other.severity;
        }
    };

    /// Updates the list to m_connections; selects the record with this request number and
    /// start if given.
    void fillSelector(std::optional<QPair<int, qint64>> keep);
    /// Updates only the rows that changed, when m_connections only gained records at the new
    /// end and lost some at the old end; false (nothing changed) otherwise.
    [[nodiscard]] bool updateSelector();
    /// Rebuilds every row.
    void refillSelector();
    [[nodiscard]] QIcon selectorIcon(const SelectorItem &item) const;
    [[nodiscard]] static SelectorItem selectorItem(
            const ConnectionRecord &record, const SelectorItem *previous = nullptr);
    [[nodiscard]] static QString selectorText(const SelectorItem &item);
    void showCurrent();
    /// Builds the page of the current connection if it is stale.
    void updatePage() const;
    [[nodiscard]] QString pageHtml(const ConnectionRecord &record) const;
    void addSeverityImages();

    QList<ConnectionRecord> m_connections;
    QList<SelectorItem> m_items; ///< the selector's rows, oldest first like m_connections
    QComboBox *m_selector = nullptr;
    QToolButton *m_copyButton = nullptr;
    QTextBrowser *m_browser = nullptr;
    // The page is built lazily (updatePage(), also from const text()): a cache of the state.
    mutable QString m_shownHtml; ///< the page now shown, so that an unchanged page keeps its scroll
    std::array<QIcon, 3> m_icons; ///< by severity, drawn for the current palette
    mutable int m_shownIndex = -1; ///< index into m_connections of the page shown
    mutable bool m_pageStale = false; ///< the page does not show the current connection yet
    bool m_followNewest = true; ///< the user has not picked an older connection
    bool m_filling = false; ///< fillSelector() is changing the selector's index
    bool m_tlsErrorsIgnored = false;
};
