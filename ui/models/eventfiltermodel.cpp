// SPDX-License-Identifier: MIT
// Filters combine with AND; each setter refilters rows only when its value really changes.
#include "eventfiltermodel.h"

#include "eventlogmodel.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using Sse::EventLog::Record;

namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// UTF-8 bytes of non-ASCII characters are all >= 0x80, so an ASCII needle never matches inside
// one and the byte search equals the character search.
bool containsAsciiCaseInsensitive(QByteArrayView haystack, QByteArrayView lowerNeedle)
{
    const qsizetype n = lowerNeedle.size();
    if (n == 0)
        return true;
    const char first = lowerNeedle.front();
    for (qsizetype i = 0, last = haystack.size() - n; i <= last; ++i) {
        if (asciiLower(haystack[i]) != first)
            continue;
        qsizetype j = 1;
        while (j < n && asciiLower(haystack[i + j]) == lowerNeedle[j])
            ++j;
        if (j == n)
            return true;
    }
    return false;
}

} // namespace

void EventFilterModel::Needle::set(const QString &needle)
{
    text = needle;
    isAscii =
            std::all_of(needle.cbegin(), needle.cend(), [](QChar c) { return c.unicode() < 0x80; });
    asciiLower = isAscii ? needle.toLower().toLatin1() : QByteArray();
}

bool EventFilterModel::Needle::foundIn(const QByteArray &utf8) const
{
    if (isAscii)
        return containsAsciiCaseInsensitive(utf8, asciiLower);
    return QString::fromUtf8(utf8).contains(text, Qt::CaseInsensitive);
}

EventFilterModel::EventFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

EventFilterModel::~EventFilterModel() = default;

void EventFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_log = qobject_cast<EventLogModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void EventFilterModel::setHiddenTypes(const QStringList &types)
{
    QSet<QByteArray> hidden;
    hidden.reserve(types.size());
    for (const QString &type : types)
        hidden.insert(type.toUtf8());
    m_hiddenTypeList = types;
    if (hidden == m_hiddenTypes)
        return;
    m_hiddenTypes = std::move(hidden);
    invalidateRowsFilter();
}

void EventFilterModel::setTypeHidden(const QString &type, bool hidden)
{
    if (isTypeHidden(type) == hidden)
        return;
    if (hidden) {
        m_hiddenTypeList.append(type);
        m_hiddenTypes.insert(type.toUtf8());
    } else {
        m_hiddenTypeList.removeAll(type);
        m_hiddenTypes.remove(type.toUtf8());
    }
    invalidateRowsFilter();
}

bool EventFilterModel::isTypeHidden(const QString &type) const
{
    return m_hiddenTypes.contains(type.toUtf8());
}

void EventFilterModel::setOnlyType(const QString &type)
{
    if (type == m_onlyType)
        return;
    m_onlyType = type;
    m_onlyTypeUtf8 = type.toUtf8();
    invalidateRowsFilter();
}

void EventFilterModel::setTextFilter(const QString &text, bool regex)
{
    if (text == m_text && regex == m_textIsRegex)
        return;
    m_text = text;
    m_textIsRegex = regex;
    QString error;
    if (regex) {
        m_textNeedle.set(QString());
        m_regex = QRegularExpression(text, QRegularExpression::CaseInsensitiveOption);
        if (!m_regex.isValid()) {
            error = tr("Invalid regular expression at position %1: %2")
                            .arg(m_regex.patternErrorOffset())
                            .arg(m_regex.errorString());
        }
    } else {
        m_textNeedle.set(text);
        m_regex = QRegularExpression();
    }
    setTextFilterError(error);
    invalidateRowsFilter();
}

void EventFilterModel::setIdFilter(const QString &id)
{
    if (id == m_id)
        return;
    m_id = id;
    m_idNeedle.set(id);
    invalidateRowsFilter();
}

void EventFilterModel::setShowComments(bool show)
{
    if (show == m_showComments)
        return;
    m_showComments = show;
    invalidateRowsFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isActive())
        return true;
    Record fromVariant;
    const Record *record = nullptr;
    if (m_log) {
        record = &m_log->record(sourceRow);
    } else {
        fromVariant = sourceModel()
                              ->index(sourceRow, 0, sourceParent)
                              .data(EventLogModel::RecordRole)
                              .value<Record>();
        record = &fromVariant;
    }

    if (record->kind == Record::Kind::Comment) {
        return m_showComments && m_id.isEmpty() && m_onlyType.isEmpty()
                && textMatches(record->text);
    }
    if (record->kind != Record::Kind::Event)
        return false;
    const Sse::Event &event = record->event;
    if (!m_onlyType.isEmpty() && event.type != m_onlyTypeUtf8)
        return false;
    if (!m_hiddenTypes.isEmpty() && m_hiddenTypes.contains(event.type))
        return false;
    if (!m_idNeedle.isEmpty() && !m_idNeedle.foundIn(event.lastEventId))
        return false;
    return textMatches(event.data);
}

bool EventFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() != EventLogModel::TimeColumn || right.column() != EventLogModel::TimeColumn)
        return QSortFilterProxyModel::lessThan(left, right);
    // By receive time, then by arrival: the text would sort wrong across midnight.
    if (m_log) {
        const qint64 leftMs = m_log->record(left.row()).event.receivedMs;
        const qint64 rightMs = m_log->record(right.row()).event.receivedMs;
        if (leftMs != rightMs)
            return leftMs < rightMs;
        return m_log->sequence(left.row()) < m_log->sequence(right.row());
    }
    const qint64 leftMs = left.data(EventLogModel::ReceivedMsRole).toLongLong();
    const qint64 rightMs = right.data(EventLogModel::ReceivedMsRole).toLongLong();
    if (leftMs != rightMs)
        return leftMs < rightMs;
    return left.data(EventLogModel::SequenceRole).toULongLong()
            < right.data(EventLogModel::SequenceRole).toULongLong();
}

bool EventFilterModel::isActive() const
{
    return !m_hiddenTypes.isEmpty() || !m_onlyType.isEmpty() || !m_text.isEmpty() || !m_id.isEmpty()
            || !m_showComments;
}

bool EventFilterModel::textMatches(const QByteArray &utf8) const
{
    if (m_text.isEmpty())
        return true;
    if (!m_textIsRegex)
        return m_textNeedle.foundIn(utf8);
    return m_regex.isValid() && m_regex.match(QString::fromUtf8(utf8)).hasMatch();
}

void EventFilterModel::setTextFilterError(const QString &error)
{
    if (error == m_textError)
        return;
    m_textError = error;
    Q_EMIT textFilterErrorChanged(m_textError);
}
