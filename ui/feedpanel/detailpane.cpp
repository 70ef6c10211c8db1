// SPDX-License-Identifier: MIT
// DetailPane: everything about one event (or comment) of the log.
#include "detailpane.h"

#include "jsonhighlighter.h"

#include "sselib/jsontext.h"
#include "sselib/utf8.h"
#include "ui/models/eventlogmodel.h"

#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QPlainTextEdit *makeTextView(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setUndoRedoEnabled(false);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return view;
}

QToolButton *makeCopyButton(
        QWidget *parent, const QString &name, const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

// Inserts well-formed text, with a mark where a line ended in CR LF or in a lone CR: a text view
// breaks the line there as at an LF, without a trace (an LF alone, the common end, gets none).
void insertMarkingLineEnds(QTextCursor &cursor, const QString &text, const QTextCharFormat &mark)
{
    qsizetype from = 0;
    for (qsizetype cr = text.indexOf(u'\r'); cr >= 0; cr = text.indexOf(u'\r', from)) {
        cursor.insertText(text.mid(from, cr - from), QTextCharFormat());
        const bool crLf = cr + 1 < text.size() && text.at(cr + 1) == u'\n';
        cursor.insertText(crLf ? u"CRLF"_s : u"CR"_s, mark);
        cursor.insertText(u"\n"_s, QTextCharFormat());
        from = cr + (crLf ? 2 : 1);
    }
    cursor.insertText(text.mid(from), QTextCharFormat());
}

// Shows the raw lines as sent. Marks in inverted colours stand for what a text view cannot
// show: CR LF and lone CR line ends, and bytes that are not UTF-8, in hex ("xE9"), where the
// Data tab has the U+FFFD a browser decodes them to.
void showRaw(QPlainTextEdit *view, const QByteArray &raw, const QPalette &palette)
{
    view->clear();
    QTextCharFormat mark;
    mark.setForeground(palette.color(QPalette::Base));
    mark.setBackground(palette.color(QPalette::PlaceholderText));
    QTextCursor cursor(view->document());
    cursor.beginEditBlock(); // one layout at the end, not one per line
    Sse::Utf8::forEachPart(
            raw,
            [&](QByteArrayView part) {
                insertMarkingLineEnds(cursor, QString::fromUtf8(part), mark);
            },
            [&](QByteArrayView part) {
                QStringList hex;
                for (const char byte : part)
                    hex.append(
                            u'x' + u"%1"_s.arg(uint(quint8(byte)), 2, 16, QChar(u'0')).toUpper());
                cursor.insertText(hex.join(u' '), mark);
            });
    cursor.endEditBlock();
}

void setClipboardText(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_note(new QLabel(this))
    , m_copyButton(makeCopyButton(this, u"copyButton"_s, tr("Copy"),
              tr("Copy the data exactly as received (the raw lines on the Raw tab)")))
    , m_copyPrettyButton(makeCopyButton(this, u"copyPrettyButton"_s, tr("Copy Pretty"),
              tr("Copy the JSON as shown, re-indented")))
    , m_tabs(new QTabWidget(this))
    , m_data(makeTextView(this))
    , m_raw(makeTextView(this))
{
    m_header->setObjectName(u"headerLabel"_s);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_note->setObjectName(u"noteLabel"_s);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();
    m_data->setObjectName(u"dataView"_s);
    m_raw->setObjectName(u"rawView"_s);
    connect(m_copyButton, &QToolButton::clicked, this, &DetailPane::copy);
    connect(m_copyPrettyButton, &QToolButton::clicked, this, &DetailPane::copyPretty);
    auto *copyButtons = new QWidget(this);
    auto *copyLayout = new QHBoxLayout(copyButtons);
    copyLayout->setContentsMargins(0, 0, 0, 0);
    copyLayout->setSpacing(0);
    copyLayout->addWidget(m_copyButton);
    copyLayout->addWidget(m_copyPrettyButton);

    m_tabs->setObjectName(u"detailTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_data, tr("Data"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->setTabToolTip(RawTab,
            tr("The wire lines the event came from. Marked: lines that ended in CR LF or in a "
               "CR alone, and bytes that are not UTF-8 (in hex). Copy gives the bytes as sent."));
    m_tabs->setCornerWidget(copyButtons, Qt::TopRightCorner);

    m_highlighter = new JsonHighlighter(nullptr);
    m_highlighter->setParent(this);
    m_highlighter->setObjectName(u"jsonHighlighter"_s);
    m_highlighter->setPalette(palette());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_note);
    layout->addWidget(m_tabs, 1);
    clear();
}

DetailPane::~DetailPane() = default;

void DetailPane::setPrettyLimit(qsizetype bytes)
{
    m_prettyLimit = bytes;
    if (m_hasRecord)
        showData();
}

void DetailPane::clear(const QString &why)
{
    m_record = {};
    m_hasRecord = false;
    m_isJson = false;
    m_pretty.clear();
    m_highlighter->setDocument(nullptr);
    m_header->setText(why.isEmpty() ? tr("No event selected") : why);
    m_note->clear();
    m_note->hide();
    m_data->clear();
    m_raw->clear();
    m_copyButton->setEnabled(false);
    m_copyPrettyButton->setEnabled(false);
}

void DetailPane::setRecord(const Sse::EventLog::Record &record, bool rawDropped)
{
    m_record = record;
    m_rawDropped = rawDropped;
    m_hasRecord = true;
    const Sse::Event &event = record.event;
    const QString time =
            QDateTime::fromMSecsSinceEpoch(event.receivedMs).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    const QLocale locale;
    if (record.kind == Sse::EventLog::Record::Kind::Comment) {
        m_header->setText(tr("Comment · connection %1 · %2 · %3")
                                  .arg(event.connection)
                                  .arg(time, locale.formattedDataSize(record.text.size())));
    } else {
        const QString id =
                event.lastEventId.isEmpty() ? tr("(none)") : QString::fromUtf8(event.lastEventId);
        m_header->setText(tr("Type %1 · id %2 · connection %3 · %4 · %5")
                                  .arg(event.typeText(), id)
                                  .arg(event.connection)
                                  .arg(time, locale.formattedDataSize(event.data.size())));
    }
    m_copyButton->setEnabled(true);
    showData();
}

void DetailPane::showData()
{
    const bool isComment = m_record.kind == Sse::EventLog::Record::Kind::Comment;
    const QByteArray &bytes = isComment ? m_record.text : m_record.event.data;
    m_highlighter->setDocument(nullptr);
    QString note = formatData(bytes, isComment);
    if (!isComment && !Sse::Utf8::isValid(m_record.event.raw)) {
        const QString notUtf8 = tr("Bytes that are not UTF-8 came in this event's lines: each "
                                   "such sequence shows as U+FFFD (\uFFFD), as a browser decodes "
                                   "it. The Raw tab shows the bytes in hex.");
        note = note.isEmpty() ? notUtf8 : note + u' ' + notUtf8;
    }
    if (m_isJson) {
        m_data->setPlainText(QString::fromUtf8(m_pretty));
        m_highlighter->setDocument(m_data->document());
        // At once rather than on the next event loop pass, so that a grab shows colours.
        m_highlighter->rehighlight();
    } else {
        m_data->setPlainText(QString::fromUtf8(bytes));
    }
    m_copyPrettyButton->setEnabled(m_isJson);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    showRawLines();
}

void DetailPane::showRawLines()
{
    if (m_record.kind == Sse::EventLog::Record::Kind::Comment) {
        // Whether a space followed the colon is not kept: no line is made up.
        m_raw->setPlainText({});
        m_raw->setPlaceholderText(tr("A comment's wire line is not kept; the Data tab shows its "
                                     "text, after the colon and one optional space."));
    } else if (m_record.event.raw.isEmpty()) {
        m_raw->setPlainText({});
        m_raw->setPlaceholderText(m_rawDropped
                        ? tr("The raw lines of older events are no longer kept, to bound "
                             "memory; the newest %L1 events keep theirs.")
                                  .arg(EventLogModel::DefaultRawRetention)
                        : tr("The raw lines were not kept for this event."));
    } else {
        // The pane's palette: in its PaletteChange the view's is not updated yet.
        showRaw(m_raw, m_record.event.raw, palette());
    }
}

// Re-indents JSON data into m_pretty (m_isJson); returns the note to show.
QString DetailPane::formatData(const QByteArray &bytes, bool isComment)
{
    m_isJson = false;
    m_pretty.clear();
    if (bytes.size() > m_prettyLimit) {
        return tr("%1 of data: shown as it came, without formatting.")
                .arg(QLocale().formattedDataSize(bytes.size()));
    }
    if (isComment || !Sse::Json::looksLikeJson(bytes))
        return {};
    Sse::Json::Reindented json = Sse::Json::reindent(bytes);
    if (json.tooDeep)
        return tr("JSON nested too deeply to re-indent: shown as it came.");
    if (!json.ok) {
        const Sse::Json::TextPosition at = json.errorAt.value_or(Sse::Json::TextPosition{});
        return tr("Not valid JSON: %1 at line %2, column %3 (byte %4). Shown as it came.")
                .arg(json.error)
                .arg(at.line)
                .arg(at.column)
                .arg(at.offset);
    }
    m_isJson = true;
    m_pretty = std::move(json.text);
    return {};
}

QString DetailPane::headerText() const
{
    return m_header->text();
}

QString DetailPane::dataText() const
{
    return m_data->toPlainText();
}

QString DetailPane::rawText() const
{
    return m_raw->toPlainText();
}

QString DetailPane::noteText() const
{
    return m_note->text();
}

void DetailPane::copy()
{
    if (!m_hasRecord)
        return;
    const bool isComment = m_record.kind == Sse::EventLog::Record::Kind::Comment;
    if (m_tabs->currentIndex() == RawTab) {
        // Lines that were not kept are not made up: nothing to copy then.
        if (!isComment && !m_record.event.raw.isEmpty())
            setClipboardText(QString::fromUtf8(m_record.event.raw));
        return;
    }
    setClipboardText(QString::fromUtf8(isComment ? m_record.text : m_record.event.data));
}

void DetailPane::copyPretty()
{
    if (m_isJson)
        setClipboardText(QString::fromUtf8(m_pretty));
}

void DetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->setPalette(palette());
    QWidget::changeEvent(event);
    // The Raw tab's marks take their colours from the palette.
    if (event->type() == QEvent::PaletteChange && m_hasRecord)
        showRawLines();
}
