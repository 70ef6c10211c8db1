// SPDX-License-Identifier: MIT
// EventFilterModel: the event log's type checklist, text/regex, id and comment filters.
#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

class EventLogModel;

/// Filters an EventLogModel; the filters combine (a row shows only if every one accepts it).
/// Matching works on the UTF-8 bytes where it can, so refiltering 100,000 rows stays quick.
/// The time column sorts by receive time, not by its text.
class EventFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventFilterModel)

public:
    explicit EventFilterModel(QObject *parent = nullptr);
    ~EventFilterModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    /// Types unchecked in the checklist. Types not listed, new ones included, stay visible.
    /// Comments have no type and ignore this filter.
    [[nodiscard]] QStringList hiddenTypes() const { return m_hiddenTypeList; }

    void setHiddenTypes(const QStringList &types);
    void setTypeHidden(const QString &type, bool hidden);
    [[nodiscard]] bool isTypeHidden(const QString &type) const;

    /// While set, only events of exactly this type show, and no comments; empty: off. Unlike
    /// the checklist above, it keeps types that arrive later out too.
    void setOnlyType(const QString &type);

    [[nodiscard]] QString onlyType() const { return m_onlyType; }

    /// Case-insensitive filter on the data (a comment's text for comments): a substring, or a
    /// regular expression when `regex` is true. Empty text filters nothing. An invalid regular
    /// expression matches nothing and textFilterError() says why.
    void setTextFilter(const QString &text, bool regex = false);

    [[nodiscard]] QString textFilter() const { return m_text; }

    [[nodiscard]] bool isTextFilterRegex() const { return m_textIsRegex; }

    [[nodiscard]] QString textFilterError() const { return m_textError; }

    /// Case-insensitive substring of the event's id; when set, comments (no id) are hidden.
    void setIdFilter(const QString &id);

    [[nodiscard]] QString idFilter() const { return m_id; }

    /// Whether comments (heartbeats) show; true by default.
    void setShowComments(bool show);

    [[nodiscard]] bool showComments() const { return m_showComments; }

Q_SIGNALS:
    void textFilterErrorChanged(const QString &error);

protected:
    [[nodiscard]] bool filterAcceptsRow(
            int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    /// A case-insensitive substring; ASCII needles compare bytes without decoding.
    struct Needle
    {
        QString text;
        QByteArray asciiLower; ///< set when text is ASCII
        bool isAscii = true;

        void set(const QString &needle);

        [[nodiscard]] bool isEmpty() const { return text.isEmpty(); }

        [[nodiscard]] bool foundIn(const QByteArray &utf8) const;
    };

    [[nodiscard]] bool isActive() const;
    [[nodiscard]] bool textMatches(const QByteArray &utf8) const;
    void setTextFilterError(const QString &error);

    EventLogModel *m_log = nullptr; ///< the source when it is an EventLogModel: no QVariant
    QStringList m_hiddenTypeList;
    QSet<QByteArray> m_hiddenTypes;
    QString m_onlyType;
    QByteArray m_onlyTypeUtf8;
    QString m_text;
    bool m_textIsRegex = false;
    Needle m_textNeedle;
    QRegularExpression m_regex;
    QString m_textError;
    QString m_id;
    Needle m_idNeedle;
    bool m_showComments = true;
};
