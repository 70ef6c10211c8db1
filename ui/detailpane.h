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

/// Shows one record: a header (type, id, connection, receive time, size), the full data
/// (indented and highlighted when it parses as JSON) and the raw wire lines it came from.
/// Data above prettyLimit() bytes is shown as it is, unhighlighted, so megabytes stay quick.
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
    /// Shows nothing (no row selected).
    void clear();

    [[nodiscard]] bool hasRecord() const { return m_hasRecord; }

    [[nodiscard]] const Sse::EventLog::Record &record() const { return m_record; }

    [[nodiscard]] qsizetype prettyLimit() const { return m_prettyLimit; }

    void setPrettyLimit(qsizetype bytes);

    /// Whether the data shows as pretty-printed JSON.
    [[nodiscard]] bool isJson() const { return m_isJson; }

    [[nodiscard]] QString headerText() const;
    [[nodiscard]] QString dataText() const;
    [[nodiscard]] QString rawText() const;
    /// The note under the header ("too large to format", ...); empty when there is none.
    [[nodiscard]] QString noteText() const;

    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }

    [[nodiscard]] JsonHighlighter *highlighter() const { return m_highlighter; }

public Q_SLOTS:
    /// Copies the text of the visible tab to the clipboard.
    void copy();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showData();

    Sse::EventLog::Record m_record;
    bool m_rawDropped = false;
    bool m_hasRecord = false;
    bool m_isJson = false;
    qsizetype m_prettyLimit = DefaultPrettyLimit;
    QLabel *m_header = nullptr;
    QLabel *m_note = nullptr;
    QToolButton *m_copyButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_data = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
};
