// SPDX-License-Identifier: MIT
// Small helpers the bench programs share: CPU clocks and percentiles.
#pragma once

#include <algorithm>
#include <cstddef>
#include <ctime>
#include <sys/resource.h>
#include <vector>

namespace BenchStats {

/// CPU seconds of the calling thread.
inline double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/// User + system CPU seconds of this process, all its threads (not its children).
inline double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// The p-th percentile (0..1) by nearest rank; 0 for no values.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * double(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

inline double maxOf(const std::vector<double> &values)
{
    return values.empty() ? 0.0 : *std::max_element(values.cbegin(), values.cend());
}

} // namespace BenchStats
