// SPDX-License-Identifier: MIT
// ExitCode: the exit statuses of ssedash-cli.
#pragma once

/// Exit codes of ssedash-cli.
enum ExitCode {
    ExitSuccess = 0,
    ExitFailure = 1, ///< I/O trouble, a fatal stream error
    ExitUsage = 2 ///< the command line was wrong
};
