// SPDX-License-Identifier: MIT
// ConnectionView: the requests of one feed, their responses and what is wrong with them.
#include "connectionview.h"

#include "ui/models/connectiontext.h"
#include "ui/widgets/wheelguard.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

using Severity = Sse::Finding::Severity;

constexpr int IconSize = 14;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QUrl imageUrl(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QUrl(u"severity:info"_s);
    case Severity::Warning:
        return QUrl(u"severity:warning"_s);
    case Severity::Problem:
        break;
    }
    return QUrl(u"severity:problem"_s);
}

QString statusText(const ConnectionRecord &record)
{
    if (record.response) {
        return ConnectionView::tr("%1 %2")
                .arg(record.response->status)
                .arg(QString::fromUtf8(record.response->reason))
                .trimmed();
    }
    if (!record.error.isEmpty())
        return ConnectionView::tr("failed");
    return record.isOngoing() ? ConnectionView::tr("waiting for the response")
                              : ConnectionView::tr("no stream");
}

QString lastIdText(const ConnectionRecord &record)
{
    return record.lastEventIdSent.isEmpty() ? ConnectionView::tr("(none sent)")
                                            : QString::fromUtf8(record.lastEventIdSent);
}

QString tlsIgnoredText()
{
    return ConnectionView::tr("TLS certificate errors: ignored for this feed (the server's "
                              "identity is not checked)");
}

// The worst severity among the findings, if any.
std::optional<Severity> worstSeverity(const ConnectionRecord &record)
{
    std::optional<Severity> worst;
    for (const Sse::Finding &finding : record.findings) {
        if (!worst || int(finding.severity) > int(*worst))
            worst = finding.severity;
    }
    if (!record.error.isEmpty() && record.fatal)
        worst = Severity::Problem;
    return worst;
}

} // namespace

ConnectionView::ConnectionView(QWidget *parent)
    : QWidget(parent)
    , m_selector(new QComboBox(this))
    , m_copyButton(new QToolButton(this))
    , m_browser(new QTextBrowser(this))
{
    m_selector->setObjectName(u"connectionSelector"_s);
    m_copyButton->setObjectName(u"copyReportButton"_s);
    m_browser->setObjectName(u"connectionBrowser"_s);
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_selector->setMinimumContentsLength(12);
    m_selector->setToolTip(tr("Requests of this feed, newest first"));
    WheelGuard::install(this);
    connect(m_selector, &QComboBox::currentIndexChanged, this, [this](int row) {
        if (m_filling)
            return;
        m_followNewest = row <= 0;
        showCurrent();
    });

    auto *copyAction = new QAction(tr("Copy report"), this);
    copyAction->setToolTip(
            tr("Copy a plain-text report of this connection; secret values are redacted"));
    connect(copyAction, &QAction::triggered, this, &ConnectionView::copyReport);
    m_copyButton->setDefaultAction(copyAction);
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_browser->setOpenLinks(false);
    m_browser->setUndoRedoEnabled(false);
    m_browser->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    addSeverityImages();

    auto *label = new QLabel(tr("Request:"), this);
    label->setBuddy(m_selector);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(4);
    bar->addWidget(label);
    bar->addWidget(m_selector, 1);
    bar->addWidget(m_copyButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_browser, 1);
    fillSelector({});
}

ConnectionView::~ConnectionView() = default;

void ConnectionView::setConnections(const QList<ConnectionRecord> &connections)
{
    // Keep the user's pick across updates: the same connection (by request number and start),
    // unless the newest one is followed.
    const int current = currentIndex();
    std::optional<QPair<int, qint64>> keep;
    if (!m_followNewest && current >= 0)
        keep = qMakePair(m_connections.at(current).connection, m_connections.at(current).startedMs);
    m_connections = connections;
    fillSelector(keep);
}

int ConnectionView::currentIndex() const
{
    const int row = m_selector->currentIndex();
    if (row < 0 || row >= m_connections.size())
        return -1;
    return int(m_connections.size()) - 1 - row;
}

void ConnectionView::setCurrentIndex(int index)
{
    if (m_connections.isEmpty())
        return;
    index = std::clamp(index, 0, int(m_connections.size()) - 1);
    m_selector->setCurrentIndex(int(m_connections.size()) - 1 - index);
}

ConnectionView::SelectorItem ConnectionView::selectorItem(
        const ConnectionRecord &record, const SelectorItem *previous)
{
    SelectorItem item;
    item.connection = record.connection;
    item.startedMs = record.startedMs;
    item.status = statusText(record);
    item.warnings = record.warningCount();
    const std::optional<Severity> worst = worstSeverity(record);
    item.severity = worst ? int(*worst) : -1;
    // The start time is formatted once per record: QDateTime::toString() is the costly part.
    item.time = previous ? previous->time
                         : QDateTime::fromMSecsSinceEpoch(record.startedMs).toString(u"HH:mm:ss"_s);
    return item;
}

QString ConnectionView::selectorText(const SelectorItem &item)
{
    const QString text = tr("#%1 · %2 · %3").arg(item.connection).arg(item.time, item.status);
    return item.warnings > 0 ? tr("%1 · warnings: %2").arg(text).arg(item.warnings) : text;
}

QIcon ConnectionView::selectorIcon(const SelectorItem &item) const
{
    return item.severity >= 0 ? m_icons[std::size_t(item.severity)] : QIcon();
}

bool ConnectionView::updateSelector()
{
    // The selector lists m_items newest first, so item i is row size - 1 - i.
    if (m_items.isEmpty() || m_connections.isEmpty())
        return false;
    // Records come and go at the ends only (new ones appended, the oldest dropped): find where
    // the first record now was before.
    const ConnectionRecord &first = m_connections.constFirst();
    qsizetype dropped = 0;
    while (dropped < m_items.size()
            && !m_items.at(dropped).sameRecord(first.connection, first.startedMs)) {
        ++dropped;
    }
    if (dropped == m_items.size())
        return false;
    const qsizetype kept = std::min(m_items.size() - dropped, m_connections.size());
    for (qsizetype i = 0; i < kept; ++i) {
        const ConnectionRecord &record = m_connections.at(i);
        if (!m_items.at(dropped + i).sameRecord(record.connection, record.startedMs))
            return false;
    }
    for (qsizetype i = 0; i < dropped; ++i)
        m_selector->removeItem(m_selector->count() - 1);
    m_items.remove(0, dropped);
    for (qsizetype i = kept; i < m_items.size(); ++i)
        m_selector->removeItem(0);
    m_items.resize(kept);
    for (qsizetype i = 0; i < m_connections.size(); ++i) {
        const SelectorItem *previous = i < kept ? &m_items.at(i) : nullptr;
        SelectorItem item = selectorItem(m_connections.at(i), previous);
        if (previous && item == *previous)
            continue;
        if (previous) {
            const int row = int(m_connections.size() - 1 - i);
            m_selector->setItemText(row, selectorText(item));
            m_selector->setItemIcon(row, selectorIcon(item));
            m_items[i] = std::move(item);
        } else {
            m_selector->insertItem(0, selectorIcon(item), selectorText(item)); // newest on top
            m_items.append(std::move(item));
        }
    }
    return true;
}

void ConnectionView::refillSelector()
{
    m_selector->clear();
    m_items.clear();
    for (int i = int(m_connections.size()) - 1; i >= 0; --i) {
        m_items.prepend(selectorItem(m_connections.at(i)));
        m_selector->addItem(selectorIcon(m_items.constFirst()), selectorText(m_items.constFirst()));
    }
    if (m_connections.isEmpty())
        m_selector->addItem(tr("No requests yet"));
}

void ConnectionView::fillSelector(std::optional<QPair<int, qint64>> keep)
{
    m_filling = true;
    // Feeds report a change of their newest connection several times a second: the rows of
    // the others stay as they are (a full refill of 200 rows each time was most of the CPU).
    if (!updateSelector())
        refillSelector();
    int selectRow = 0;
    if (keep) {
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (m_items.at(i).sameRecord(keep->first, keep->second))
                selectRow = int(m_items.size() - 1 - i);
        }
    }
    m_selector->setCurrentIndex(selectRow);
    m_followNewest = selectRow == 0;
    m_filling = false;
    showCurrent();
}

void ConnectionView::showCurrent()
{
    m_copyButton->setEnabled(currentIndex() >= 0);
    // A hidden page (another feed's panel, another tab) is built when it is shown or read:
    // feeds change their newest connection several times a second.
    m_pageStale = true;
    if (isVisible())
        updatePage();
}

void ConnectionView::updatePage() const
{
    if (!m_pageStale)
        return;
    m_pageStale = false;
    const int index = currentIndex();
    const QString html = index < 0 ? u"<p>%1</p>"_s.arg(tr("No connection yet.").toHtmlEscaped())
                                   : pageHtml(m_connections.at(index));
    if (html == m_shownHtml)
        return;
    const bool sameConnection = index >= 0 && m_shownIndex == index;
    const int scroll = m_browser->verticalScrollBar()->value();
    m_shownHtml = html;
    m_browser->setHtml(html);
    m_shownIndex = index;
    // A refreshed page of the same connection stays where the user was reading.
    if (sameConnection)
        m_browser->verticalScrollBar()->setValue(scroll);
}

namespace {

QString headingHtml(const QString &title)
{
    return u"<h4>%1</h4>"_s.arg(title.toHtmlEscaped());
}

QString headersHtml(const Sse::HeaderList &headers)
{
    QString html = u"<table cellspacing=\"0\" cellpadding=\"1\">"_s;
    for (const auto &[name, value] :
            ConnectionText::headers(headers, ConnectionText::Secrets::Masked)) {
        html += u"<tr><td><tt>%1:</tt></td><td><tt>%2</tt></td></tr>"_s.arg(
                name.toHtmlEscaped(), value.toHtmlEscaped());
    }
    return html + u"</table>"_s;
}

QString preHtml(const QString &text)
{
    return u"<pre>%1</pre>"_s.arg(text.toHtmlEscaped());
}

} // namespace

QString ConnectionView::pageHtml(const ConnectionRecord &record) const
{
    const QPalette palette = this->palette();
    const QString dim = palette.color(QPalette::PlaceholderText).name();
    QString html;
    const auto row = [&html](const QString &name, const QString &value) {
        html += u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(
                name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const auto table = [&html](int padding) {
        html += u"<table cellspacing=\"0\" cellpadding=\"%1\">"_s.arg(padding);
    };

    table(2);
    row(tr("Request"), QString::number(record.connection));
    row(tr("Started"), timeText(record.startedMs));
    row(tr("Last-Event-ID sent"), lastIdText(record));
    row(tr("Status"), statusText(record));
    if (!record.error.isEmpty())
        row(record.fatal ? tr("Error (fatal)") : tr("Error"), record.error);
    html += u"</table>"_s;
    if (m_tlsErrorsIgnored) {
        html += u"<p><b style=\"color:%1\">%2</b></p>"_s.arg(
                severityColor(Severity::Warning, palette).name(), tlsIgnoredText().toHtmlEscaped());
    }

    if (record.request) {
        const Sse::RequestInfo &request = *record.request;
        html += headingHtml(tr("Request sent"));
        table(2);
        row(tr("Method and URL"), ConnectionText::requestLine(request));
        if (record.response) {
            for (const QUrl &target : record.response->redirects)
                row(tr("Redirected to"), ConnectionText::url(target));
        }
        html += u"</table>"_s + headingHtml(tr("Request headers")) + headersHtml(request.headers);
        if (!request.body.isEmpty())
            html += headingHtml(tr("Request body")) + preHtml(ConnectionText::body(request.body));
    }

    if (record.response) {
        const Sse::ResponseInfo &response = *record.response;
        html += headingHtml(tr("Response"));
        table(2);
        row(tr("HTTP version"), QString::fromUtf8(response.httpVersion));
        row(tr("Final URL"), ConnectionText::url(response.finalUrl));
        row(tr("Content-Encoding"), ConnectionText::encoding(response));
        html += u"</table>"_s;
        html += headingHtml(tr("Response headers")) + headersHtml(response.headers);
        if (ConnectionText::hasRefusedBody(response)) {
            html += headingHtml(ConnectionText::refusedBodyHeading(response))
                    + preHtml(ConnectionText::body(response.body));
        }
    }

    html += u"<h4>%1</h4>"_s.arg(tr("Findings").toHtmlEscaped());
    if (record.findings.isEmpty()) {
        const QString none =
                record.response ? tr("Nothing wrong was found.") : tr("No response to check.");
        html += u"<p style=\"color:%1\">%2</p>"_s.arg(dim, none.toHtmlEscaped());
    }
    for (const Sse::Finding &finding : record.findings) {
        html += u"<p><img src=\"%1\" width=\"%2\" height=\"%2\"> "
                "<b style=\"color:%3\">%4</b> %5"_s.arg(imageUrl(finding.severity).toString())
                        .arg(IconSize)
                        .arg(severityColor(finding.severity, palette).name(),
                                severityName(finding.severity).toHtmlEscaped(),
                                finding.message.toHtmlEscaped());
        if (!finding.advice.isEmpty()) {
            html += u"<br>&nbsp;&nbsp;&nbsp;&nbsp;<i>%1</i>"_s.arg(
                    tr("Advice: %1").arg(finding.advice).toHtmlEscaped());
        }
        html += u"</p>"_s;
    }
    return html;
}

QString ConnectionView::text() const
{
    updatePage();
    return m_browser->toPlainText();
}

QString ConnectionView::reportText() const
{
    const int index = currentIndex();
    return index < 0 ? QString() : report(m_connections.at(index), m_tlsErrorsIgnored);
}

void ConnectionView::setTlsErrorsIgnored(bool ignored)
{
    if (ignored == m_tlsErrorsIgnored)
        return;
    m_tlsErrorsIgnored = ignored;
    showCurrent();
}

namespace {

// Every line of `text` with two spaces before it.
QStringList indented(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line.prepend(u"  "_s);
    return lines;
}

QStringList headerLines(const Sse::HeaderList &headers)
{
    QStringList lines;
    for (const auto &[name, value] :
            ConnectionText::headers(headers, ConnectionText::Secrets::Redacted)) {
        lines << u"  "_s + name + u": "_s + value;
    }
    return lines;
}

QStringList requestReport(const ConnectionRecord &record)
{
    const Sse::RequestInfo &request = *record.request;
    QStringList lines;
    lines << ConnectionView::tr("Request sent: %1").arg(ConnectionText::requestLine(request));
    if (record.response) {
        for (const QUrl &target : record.response->redirects)
            lines << ConnectionView::tr("Redirected to: %1").arg(ConnectionText::url(target));
    }
    lines << ConnectionView::tr("Request headers:") << headerLines(request.headers);
    if (!request.body.isEmpty())
        lines << ConnectionView::tr("Request body:")
              << indented(ConnectionText::body(request.body));
    return lines;
}

} // namespace

QString ConnectionView::report(const ConnectionRecord &record, bool tlsErrorsIgnored)
{
    QStringList lines;
    lines << tr("ssedash connection report");
    lines << tr("Request: %1").arg(record.connection);
    lines << tr("Started: %1").arg(timeText(record.startedMs));
    if (record.endedMs)
        lines << tr("Ended: %1").arg(timeText(*record.endedMs));
    lines << tr("Last-Event-ID sent: %1").arg(lastIdText(record));
    if (tlsErrorsIgnored)
        lines << tlsIgnoredText();
    if (record.request)
        lines << requestReport(record);
    if (record.response) {
        const Sse::ResponseInfo &response = *record.response;
        lines << tr("Status: HTTP/%1 %2")
                         .arg(QString::fromUtf8(response.httpVersion), statusText(record));
        lines << tr("Final URL: %1").arg(ConnectionText::url(response.finalUrl));
        lines << tr("Content-Encoding: %1").arg(ConnectionText::encoding(response));
        lines << tr("Response headers:") << headerLines(response.headers);
        if (ConnectionText::hasRefusedBody(response)) {
            lines << ConnectionText::refusedBodyHeading(response) + u':'
                  << indented(ConnectionText::body(response.body));
        }
    } else {
        lines << tr("Status: %1").arg(statusText(record));
    }
    if (!record.error.isEmpty())
        lines << (record.fatal ? tr("Error (fatal): %1") : tr("Error: %1")).arg(record.error);
    lines << tr("Findings:");
    if (record.findings.isEmpty())
        lines << u"  "_s + tr("none");
    for (const Sse::Finding &finding : record.findings) {
        lines << u"  [%1] %2 (%3)"_s.arg(
                severityName(finding.severity), finding.message, finding.code);
        if (!finding.advice.isEmpty())
            lines << u"    "_s + tr("Advice: %1").arg(finding.advice);
    }
    return lines.join(u'\n') + u'\n';
}

void ConnectionView::copyReport()
{
    const QString report = reportText();
    if (report.isEmpty())
        return;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(report);
}

QColor ConnectionView::severityColor(Severity severity, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (severity) {
    case Severity::Info:
        return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x09, 0x69, 0xda);
    case Severity::Warning:
        return dark ? QColor(0xf0, 0xa8, 0x3e) : QColor(0xb3, 0x5c, 0x00);
    case Severity::Problem:
        break;
    }
    return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xcf, 0x22, 0x2e);
}

QString ConnectionView::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return tr("Info");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Problem:
        break;
    }
    return tr("Problem");
}

QPixmap ConnectionView::severityPixmap(
        Severity severity, const QPalette &palette, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor fill = severityColor(severity, palette);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(6, size * 3 / 4));
    painter.setFont(font);
    painter.setPen(fill.lightnessF() > 0.6 ? Qt::black : Qt::white);
    const QString glyph = severity == Severity::Info ? u"i"_s
            : severity == Severity::Warning          ? u"!"_s
                                                     : u"\u00d7"_s;
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, glyph);
    return pixmap;
}

void ConnectionView::addSeverityImages()
{
    QTextDocument *document = m_browser->document();
    const qreal dpr = devicePixelRatioF();
    for (const Severity severity : {Severity::Info, Severity::Warning, Severity::Problem}) {
        const QPixmap pixmap = severityPixmap(severity, palette(), IconSize, dpr);
        document->addResource(QTextDocument::ImageResource, imageUrl(severity), pixmap);
        m_icons[int(severity)] = QIcon(pixmap);
    }
}

void ConnectionView::showEvent(QShowEvent *event)
{
    updatePage();
    QWidget::showEvent(event);
}

void ConnectionView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_browser) {
        // Colours are baked into the page and the icons: draw them again for the new palette.
        addSeverityImages();
        m_shownHtml.clear();
        m_items.clear(); // every row's icon is redrawn
        setConnections(m_connections);
    }
}
