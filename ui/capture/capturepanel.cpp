// SPDX-License-Identifier: MIT
// CapturePanel: the requests that passed the capture proxy, as a table, for the Capture dock.
#include "capturepanel.h"

#include "ui/models/capturesession.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

CapturePanel::CapturePanel(CaptureSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_label(new QLabel(this))
    , m_table(new QTableView(this))
{
    m_label->setObjectName(u"proxyLabel"_s);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setWordWrap(true);
    m_table->setObjectName(u"exchangeTable"_s);
    m_table->setModel(session->exchanges());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CaptureExchangeModel::UrlColumn, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_label);
    layout->addWidget(m_table, 1);

    // New exchanges scroll into view unless the user scrolled up to read older ones.
    QScrollBar *bar = m_table->verticalScrollBar();
    connect(session->exchanges(), &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this, bar] { m_follow = bar->value() == bar->maximum(); });
    connect(session->exchanges(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_table->scrollToBottom();
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const int exchange = index.data(CaptureExchangeModel::ExchangeRole).toInt();
        if (Feed *feed = m_session->feedOf(exchange))
            Q_EMIT feedRequested(feed);
    });
    connect(session, &CaptureSession::runningChanged, this, &CapturePanel::updateLabel);
    updateLabel();
}

CapturePanel::~CapturePanel() = default;

void CapturePanel::updateLabel()
{
    if (!m_session->isRunning()) {
        m_label->setText(tr("No capture is running. Start one with Capture… and point your "
                            "app at the proxy's address."));
        return;
    }
    m_label->setText(tr("Proxy %1 → %2. Double-click a stream to see its feed.")
                             .arg(m_session->url().toDisplayString(),
                                     m_session->options().upstream.toDisplayString()));
}
