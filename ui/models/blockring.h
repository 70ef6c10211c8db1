// SPDX-License-Identifier: MIT
// BlockRing: a bounded ring buffer that grows in fixed blocks.
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

/// Up to capacity() values, oldest first, stored in blocks of BlockSize slots that are allocated
/// as the ring first reaches them. Unlike a vector that doubles, growing never moves the values
/// already stored (a whole-table copy in the GUI thread is a visible stall) and leaves at most
/// one block's worth of slack. Dropped values are reset to T(), which frees what they held.
template <typename T>
class BlockRing final
{
public:
    static constexpr std::size_t BlockSize = 512;

    explicit BlockRing(std::size_t capacity) { reset(capacity); }

    [[nodiscard]] std::size_t size() const { return m_size; }

    [[nodiscard]] std::size_t capacity() const { return m_capacity; }

    [[nodiscard]] bool isFull() const { return m_size == m_capacity; }

    [[nodiscard]] T &operator[](std::size_t index) { return slot(physical(index)); }

    [[nodiscard]] const T &operator[](std::size_t index) const
    {
        Q_ASSERT(index < m_size);
        const std::size_t at = physical(index);
        return m_blocks[at / BlockSize][at % BlockSize];
    }

    /// Appends `value`; the ring must not be full.
    void pushBack(T &&value)
    {
        Q_ASSERT(!isFull());
        slot(physical(m_size)) = std::move(value);
        ++m_size;
    }

    /// Drops the oldest `count` values (at most size()).
    void dropFront(std::size_t count)
    {
        Q_ASSERT(count <= m_size);
        for (std::size_t i = 0; i < count; ++i)
            (*this)[i] = T();
        m_start = (m_start + count) % m_capacity;
        m_size -= count;
    }

    /// Drops every value and gives every block back.
    void clear() { reset(m_capacity); }

    /// Keeps the values in order under a new capacity, which must hold them all. Moves every
    /// value once: for a change of settings, not for the streaming path.
    void setCapacity(std::size_t capacity)
    {
        Q_ASSERT(capacity >= m_size);
        BlockRing other(capacity);
        for (std::size_t i = 0; i < m_size; ++i)
            other.pushBack(std::move((*this)[i]));
        *this = std::move(other);
    }

private:
    void reset(std::size_t capacity)
    {
        m_capacity = std::max<std::size_t>(capacity, 1);
        m_blocks.clear();
        m_blocks.resize((m_capacity + BlockSize - 1) / BlockSize);
        m_start = 0;
        m_size = 0;
    }

    [[nodiscard]] std::size_t physical(std::size_t index) const
    {
        return (m_start + index) % m_capacity;
    }

    [[nodiscard]] T &slot(std::size_t at)
    {
        std::unique_ptr<T[]> &block = m_blocks[at / BlockSize];
        if (!block) {
            // The last block holds only what is left of the capacity.
            const std::size_t first = at - at % BlockSize;
            block = std::make_unique<T[]>(std::min(BlockSize, m_capacity - first));
        }
        return block[at % BlockSize];
    }

    std::vector<std::unique_ptr<T[]>> m_blocks;
    std::size_t m_capacity = 1;
    std::size_t m_start = 0;
    std::size_t m_size = 0;
};
