// SPDX-License-Identifier: MIT
// CapturePanel: the requests that passed the capture proxy, as a table, for the Capture dock.
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTableView;
QT_END_NAMESPACE

class CaptureSession;
class Feed;

/// Shows a CaptureSession: a line with the proxy's address and upstream ("proxyLabel") over
/// the table of its exchanges ("exchangeTable"), which follows the newest one while it is
/// scrolled to the end. Activating a stream's row asks for its captured feed.
class CapturePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapturePanel)

public:
    explicit CapturePanel(CaptureSession *session, QWidget *parent = nullptr);
    ~CapturePanel() override;

Q_SIGNALS:
    /// The user activated the row of a stream that `feed` shows.
    void feedRequested(Feed *feed);

private:
    void updateLabel();

    CaptureSession *m_session;
    QLabel *m_label;
    QTableView *m_table;
    bool m_follow = true; ///< at the end of the table when rows came
};
