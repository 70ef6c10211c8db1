// SPDX-License-Identifier: MIT
// Sparkline: a small line-and-area chart of recent values.
#pragma once

#include <QList>
#include <QWidget>

/// Paints a list of values as a small area chart, scaled to the largest value, in the
/// palette's highlight colour. Only paints.
class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)

public:
    explicit Sparkline(QWidget *parent = nullptr);
    ~Sparkline() override;

    /// Oldest first; the newest value sits at the right edge.
    void setValues(const QList<qreal> &values);

    [[nodiscard]] QList<qreal> values() const { return m_values; }

    /// How many values the width stands for; older values scroll off the left.
    void setCapacity(int capacity);

    [[nodiscard]] int capacity() const { return m_capacity; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<qreal> m_values;
    int m_capacity = 60;
};
