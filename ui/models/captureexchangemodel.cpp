// SPDX-License-Identifier: MIT
// CaptureExchangeModel: every request that passed the capture proxy, as a table, newest last.
#include "captureexchangemodel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

CaptureExchangeModel::CaptureExchangeModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

CaptureExchangeModel::~CaptureExchangeModel() = default;

int CaptureExchangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaptureExchangeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaptureExchangeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == StateColumn && row.end ? row.end->message
                                                        : display(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == NumberColumn || index.column() == BytesColumn
                        || index.column() == DurationColumn
                ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                : QVariant();
    case ExchangeRole:
        return row.exchange;
    case StreamRole:
        return row.stream;
    default:
        return {};
    }
}

QVariant CaptureExchangeModel::display(const Row &row, int column) const
{
    switch (column) {
    case NumberColumn:
        return row.exchange;
    case MethodColumn:
        return QString::fromLatin1(row.method);
    case UrlColumn:
        return row.url.toDisplayString();
    case StatusColumn:
        return row.status > 0 ? QVariant(row.status) : QVariant();
    case ContentTypeColumn:
        return QString::fromLatin1(row.contentType);
    case BytesColumn:
        return row.end ? QLocale().toString(row.end->bytesReceived) : QString();
    case DurationColumn:
        return row.end ? tr("%1 ms").arg(QLocale().toString(row.end->endedMs - row.startedMs))
                       : QString();
    case StateColumn:
        return stateText(row);
    default:
        return {};
    }
}

QString CaptureExchangeModel::stateText(const Row &row) const
{
    if (!row.end)
        return row.stream ? tr("streaming") : tr("running");
    using Reason = Sse::CaptureEnd::Reason;
    switch (row.end->reason) {
    case Reason::Completed:
        return tr("completed");
    case Reason::UpstreamClosed:
        return tr("upstream closed");
    case Reason::UpstreamFailed:
        return tr("upstream failed");
    case Reason::ClientClosed:
        return tr("client closed");
    case Reason::Cut:
        return tr("cut by a rule");
    case Reason::Answered:
        return tr("answered by a rule");
    case Reason::Stopped:
        return tr("stopped");
    }
    return {};
}

QVariant CaptureExchangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case ContentTypeColumn:
        return tr("Content type");
    case BytesColumn:
        return tr("Bytes");
    case DurationColumn:
        return tr("Duration");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

void CaptureExchangeModel::addRequest(int exchange, const Sse::RequestInfo &request)
{
    if (m_rows.size() >= size_t(MaxExchanges)) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    Row row;
    row.exchange = exchange;
    row.method = request.method;
    row.url = request.url;
    row.startedMs = request.sentMs > 0 ? request.sentMs : QDateTime::currentMSecsSinceEpoch();
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void CaptureExchangeModel::setResponse(int exchange, const Sse::ResponseInfo &response, bool stream)
{
    const int at = rowOf(exchange);
    if (at < 0)
        return;
    Row &row = m_rows[size_t(at)];
    row.status = response.status;
    row.contentType = response.header("Content-Type");
    row.stream = stream;
    rowChanged(at);
}

void CaptureExchangeModel::setEnd(int exchange, const Sse::CaptureEnd &end)
{
    const int at = rowOf(exchange);
    if (at < 0)
        return;
    Row &row = m_rows[size_t(at)];
    row.end = end;
    if (row.status == 0)
        row.status = end.status;
    rowChanged(at);
}

void CaptureExchangeModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

// Exchanges come in ascending order, so the rows are sorted by number.
int CaptureExchangeModel::rowOf(int exchange) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), exchange,
            [](const Row &row, int number) { return row.exchange < number; });
    return it != m_rows.cend() && it->exchange == exchange ? int(it - m_rows.cbegin()) : -1;
}

void CaptureExchangeModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}
