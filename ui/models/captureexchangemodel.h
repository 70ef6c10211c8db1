// SPDX-License-Identifier: MIT
// CaptureExchangeModel: every request that passed the capture proxy, as a table, newest last.
#pragma once

#include "sselib/capture/captureend.h"
#include "sselib/responseinfo.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QString>
#include <QUrl>

#include <deque>
#include <optional>

/// The exchanges of a CaptureSession, streams and others, in the order their requests came:
/// number, method, URL, status, content type, bytes, duration and state. Bounded: only the
/// newest MaxExchanges are kept. No widgets.
class CaptureExchangeModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureExchangeModel)

public:
    static constexpr int MaxExchanges = 2000;

    enum Column {
        NumberColumn,
        MethodColumn,
        UrlColumn,
        StatusColumn,
        ContentTypeColumn,
        BytesColumn,
        DurationColumn,
        StateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        ExchangeRole = Qt::UserRole + 1, ///< the exchange's number (int)
        StreamRole, ///< true for a text/event-stream response (bool)
    };

    explicit CaptureExchangeModel(QObject *parent = nullptr);
    ~CaptureExchangeModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
            int section, Qt::Orientation orientation, int role) const override;

    void addRequest(int exchange, const Sse::RequestInfo &request);
    void setResponse(int exchange, const Sse::ResponseInfo &response, bool stream);
    void setEnd(int exchange, const Sse::CaptureEnd &end);
    void clear();

    /// The row of `exchange`; -1 when it is not (or no longer) listed.
    [[nodiscard]] int rowOf(int exchange) const;

private:
    struct Row
    {
        int exchange = 0;
        QByteArray method;
        QUrl url;
        int status = 0;
        QByteArray contentType;
        bool stream = false;
        qint64 startedMs = 0;
        std::optional<Sse::CaptureEnd> end;
    };

    [[nodiscard]] QVariant display(const Row &row, int column) const;
    [[nodiscard]] QString stateText(const Row &row) const;
    void rowChanged(int row);

    std::deque<Row> m_rows;
};
