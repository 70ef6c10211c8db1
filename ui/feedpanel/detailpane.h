// SPDX-License-Identifier: MIT
// DetailPane: everything about one event (or comment) of the log.
#pragma once

#include "sselib/eventlog.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QToolButton;
QT_END_NAMESPACE

class JsonHighlighter;

/// Shows one record: a header (type, id, connection, receive time, size), the full data and the
/// raw wire lines it came from. JSON data is re-indented token by token (Sse::Json::reindent:
/// numbers, escapes, key order and duplicate keys stay exactly as sent) and highlighted; data
/// that looks like JSON but is not is shown as it came, with a note saying where it breaks.
/// Data above prettyLimit() bytes is shown as it is, unhighlighted, so megabytes stay quick.
/// "Copy" copies the original bytes (the data, or the raw lines on the Raw tab); "Copy pretty"
/// the re-indented JSON.
///
/// Object names, for tests and tools: "headerLabel", "noteLabel", "detailTabs" (with the
/// "dataView" and "rawView"), "copyButton", "copyPrettyButton" and the "jsonHighlighter".
class DetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)

public:
    static constexpr qsizetype DefaultPrettyLimit = 1024 * 1024;

    enum Tab {
        DataTab,
        RawTab
    };

    explicit DetailPane(QWidget *parent = nullptr);
    ~DetailPane() override;

    /// `rawDropped`: the log kept the raw lines once and let them go to bound its memory
    /// (EventLogModel::rawRetention()).
    void setRecord(const Sse::EventLog::Record &record, bool rawDropped = false);
    /// Shows nothing; the header says `why` ("No event selected" when empty).
    void clear(const QString &why = QString());

    [[nodiscard]] bool hasRecord() const { return m_hasRecord; }

    [[nodiscard]] const Sse::EventLog::Record &record() const { return m_record; }

    [[nodiscard]] qsizetype prettyLimit() const { return m_prettyLimit; }

    void setPrettyLimit(qsizetype bytes);

    /// Whether the data shows as re-indented JSON.
    [[nodiscard]] bool isJson() const { return m_isJson; }

    /// The re-indented JSON (UTF-8) while isJson(); empty otherwise.
    [[nodiscard]] const QByteArray &prettyJson() const { return m_pretty; }

    [[nodiscard]] QString headerText() const;
    [[nodiscard]] QString dataText() const;
    [[nodiscard]] QString rawText() const;
    /// The note under the header ("too large to format", "Not valid JSON: ...", ...); empty
    /// when there is none.
    [[nodiscard]] QString noteText() const;

public Q_SLOTS:
    /// Copies what was received: the data exactly (the raw lines on the Raw tab).
    void copy();
    /// Copies the re-indented JSON; nothing when the data is not JSON.
    void copyPretty();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showData();
    void showRawLines();
    [[nodiscard]] QString formatData(const QByteArray &bytes, bool isComment);

    Sse::EventLog::Record m_record;
    bool m_rawDropped = false;
    bool m_hasRecord = false;
    bool m_isJson = false;
    QByteArray m_pretty;
    qsizetype m_prettyLimit = DefaultPrettyLimit;
    QLabel *m_header = nullptr;
    QLabel *m_note = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_copyPrettyButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_data = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
};
