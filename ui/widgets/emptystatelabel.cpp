// SPDX-License-Identifier: MIT
// EmptyStateLabel: says, centred over an empty view, why there is nothing to see.
#include "emptystatelabel.h"

#include <QEvent>

#include <algorithm>

EmptyStateLabel::EmptyStateLabel(QWidget *viewport)
    : QLabel(viewport)
{
    Q_ASSERT(viewport);
    setObjectName(QStringLiteral("emptyStateLabel"));
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    viewport->installEventFilter(this);
    hide();
}

EmptyStateLabel::~EmptyStateLabel() = default;

void EmptyStateLabel::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    setText(text(state));
    setVisible(state != State::None);
    place();
}

QString EmptyStateLabel::text(State state)
{
    switch (state) {
    case State::None:
        break;
    case State::NotConnected:
        return tr("Not connected yet");
    case State::Connecting:
        return tr("Connecting…");
    case State::Waiting:
        return tr("Waiting for the first event…");
    case State::WaitingForMore:
        return tr("Waiting for new events…");
    case State::Closed:
        return tr("Not connected");
    case State::NoMatch:
        return tr("No event matches the filter");
    }
    return {};
}

EmptyStateLabel::State EmptyStateLabel::pick(Sse::EventSource::ReadyState readyState,
        bool everConnected, bool received, qsizetype rows, qsizetype shownRows)
{
    using ReadyState = Sse::EventSource::ReadyState;
    if (shownRows > 0)
        return State::None;
    if (rows > 0)
        return State::NoMatch;
    switch (readyState) {
    case ReadyState::Open:
        return received ? State::WaitingForMore : State::Waiting;
    case ReadyState::Connecting:
        // A reconnect: what arrived before was cleared, the stream is not back yet.
        return received ? State::WaitingForMore : State::Connecting;
    case ReadyState::Closed:
        break;
    }
    return everConnected ? State::Closed : State::NotConnected;
}

bool EmptyStateLabel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        place();
    return QLabel::eventFilter(watched, event);
}

void EmptyStateLabel::place()
{
    const auto *viewport = parentWidget();
    // Word-wrapped within most of the width, centred both ways.
    const int width = std::max(0, viewport->width() - 2 * fontMetrics().averageCharWidth() * 2);
    const int height = std::min(viewport->height(), heightForWidth(width));
    setGeometry((viewport->width() - width) / 2, (viewport->height() - height) / 2, width, height);
}
