// SPDX-License-Identifier: MIT
// EmptyStateLabel: says, centred over an empty view, why there is nothing to see.
#pragma once

#include "sselib/eventsource.h"

#include <QLabel>

/// A message centred over a view's viewport while the view shows nothing: "Not connected yet",
/// "Waiting for the first event…", "No event matches the filter". It follows the viewport's
/// size, lets the mouse through, and hides while its state is None. state() and text() are what
/// the views need; pick() chooses the state from what a feed knows.
class EmptyStateLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateLabel)

public:
    enum class State {
        None, ///< there is something to see
        NotConnected, ///< the feed never connected
        Connecting, ///< a connection is being made; nothing arrived yet
        Waiting, ///< connected; nothing arrived yet
        WaitingForMore, ///< connected; the log was emptied
        Closed, ///< not connected now, nothing in the log
        NoMatch ///< there are records, and the filter hides every one
    };
    Q_ENUM(State)

    /// Shows itself over `viewport` (its parent), which it keeps centred in.
    explicit EmptyStateLabel(QWidget *viewport);
    ~EmptyStateLabel() override;

    [[nodiscard]] State state() const { return m_state; }

    void setState(State state);

    /// The message for a state; empty for None.
    [[nodiscard]] static QString text(State state);
    /// What an empty view of a feed says. `everConnected`: the feed made a request at least
    /// once; `received`: events or comments arrived; `rows`: records in the log; `shownRows`:
    /// the rows the view shows.
    [[nodiscard]] static State pick(Sse::EventSource::ReadyState readyState, bool everConnected,
            bool received, qsizetype rows, qsizetype shownRows);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    State m_state = State::None;
};
