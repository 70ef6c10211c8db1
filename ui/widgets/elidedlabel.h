// SPDX-License-Identifier: MIT
// ElidedLabel: a one-line label that elides what does not fit and tells it in its tooltip.
#pragma once

#include <QLabel>

/// A plain-text, one-line QLabel that asks for little room: when it gets less than its text
/// needs, it paints the text elided ("Events: 1,2…") and its tooltip shows the full text (above
/// the tooltip set with setToolTip(), which says what the value is). text() stays the full text.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    /// Whether the text is cut at the current width.
    [[nodiscard]] bool isElided() const;
    /// What is painted: text(), elided to the width.
    [[nodiscard]] QString shownText() const;
    /// The tooltip a user sees: the full text when it is elided, then toolTip().
    [[nodiscard]] QString effectiveToolTip() const;

    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
};
