// SPDX-License-Identifier: MIT
// TestSupport::WithoutDacOverride: lets root see permission errors, for the scope of a test.
#pragma once

#include <QtGlobal>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace TestSupport {

/// Clears CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the calling thread's effective
/// capabilities, so that file permission bits bind even for root (CI runs tests as root,
/// where a read-only directory would otherwise be writable); puts them back when it goes out
/// of scope. Capabilities are per thread: only code running on this thread is affected.
/// Raw syscalls, since libcap is not part of the build.
class WithoutDacOverride
{
    Q_DISABLE_COPY_MOVE(WithoutDacOverride)

public:
    WithoutDacOverride()
    {
        if (capget(&m_header, m_saved) != 0)
            return;
        __user_cap_data_struct lowered[_LINUX_CAPABILITY_U32S_3];
        for (int i = 0; i < _LINUX_CAPABILITY_U32S_3; ++i)
            lowered[i] = m_saved[i];
        lowered[0].effective &= ~((1U << CAP_DAC_OVERRIDE) | (1U << CAP_DAC_READ_SEARCH));
        m_active = capset(&m_header, lowered) == 0;
    }

    ~WithoutDacOverride()
    {
        if (m_active)
            (void)capset(&m_header, m_saved);
    }

    [[nodiscard]] bool isActive() const { return m_active; }

private:
    static int capget(__user_cap_header_struct *header, __user_cap_data_struct *data)
    {
        return int(::syscall(SYS_capget, header, data));
    }

    static int capset(__user_cap_header_struct *header, const __user_cap_data_struct *data)
    {
        return int(::syscall(SYS_capset, header, data));
    }

    __user_cap_header_struct m_header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct m_saved[_LINUX_CAPABILITY_U32S_3]{};
    bool m_active = false;
};

} // namespace TestSupport
