// SPDX-License-Identifier: MIT
// DetailPane: everything about one event (or comment) of the log.
#include "detailpane.h"

#include "eventlogmodel.h"
#include "jsonhighlighter.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
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

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_note(new QLabel(this))
    , m_copyButton(new QToolButton(this))
    , m_tabs(new QTabWidget(this))
    , m_data(makeTextView(this))
    , m_raw(makeTextView(this))
{
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    auto *copyAction = new QAction(tr("Copy"), this);
    copyAction->setToolTip(tr("Copy the text of the visible tab"));
    connect(copyAction, &QAction::triggered, this, &DetailPane::copy);
    m_copyButton->setDefaultAction(copyAction);
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_data, tr("Data"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->setTabToolTip(RawTab, tr("The wire lines the event came from"));
    m_tabs->setCornerWidget(m_copyButton, Qt::TopRightCorner);

    m_highlighter = new JsonHighlighter(nullptr);
    m_highlighter->setParent(this);
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

void DetailPane::clear()
{
    m_record = {};
    m_hasRecord = false;
    m_isJson = false;
    m_highlighter->setDocument(nullptr);
    m_header->setText(tr("No event selected"));
    m_note->hide();
    m_data->clear();
    m_raw->clear();
    m_copyButton->setEnabled(false);
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
                                  .arg(time, locale.formattedDataSize(record.comment.size())));
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
    const QByteArray &bytes = isComment ? m_record.comment : m_record.event.data;
    m_highlighter->setDocument(nullptr);
    m_isJson = false;
    QString note;
    if (bytes.size() > m_prettyLimit) {
        note = tr("%1 of data: shown as it came, without formatting.")
                       .arg(QLocale().formattedDataSize(bytes.size()));
        m_data->setPlainText(QString::fromUtf8(bytes));
    } else {
        QJsonParseError error;
        const QJsonDocument document = isComment || bytes.isEmpty()
                ? QJsonDocument()
                : QJsonDocument::fromJson(bytes, &error);
        m_isJson = !document.isNull();
        if (m_isJson) {
            m_data->setPlainText(QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
            m_highlighter->setDocument(m_data->document());
            // At once rather than on the next event loop pass, so that a grab shows colours.
            m_highlighter->rehighlight();
        } else {
            m_data->setPlainText(QString::fromUtf8(bytes));
        }
    }
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());

    if (isComment) {
        m_raw->setPlainText(u":"_s + QString::fromUtf8(m_record.comment));
    } else if (m_record.event.raw.isEmpty()) {
        m_raw->setPlainText({});
        m_raw->setPlaceholderText(m_rawDropped
                        ? tr("The raw lines of older events are no longer kept, to bound "
                             "memory; the newest %L1 events keep theirs.")
                                  .arg(EventLogModel::DefaultRawRetention)
                        : tr("The raw lines were not kept for this event."));
    } else {
        m_raw->setPlainText(QString::fromUtf8(m_record.event.raw));
    }
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
    const QPlainTextEdit *view = m_tabs->currentIndex() == RawTab ? m_raw : m_data;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(view->toPlainText());
}

void DetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->setPalette(palette());
    QWidget::changeEvent(event);
}
