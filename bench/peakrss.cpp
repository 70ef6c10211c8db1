// SPDX-License-Identifier: MIT
// bench_peakrss: runs a command and writes its own peak RSS, not inflated by the caller's size.
//
//   bench_peakrss REPORT COMMAND [ARG...]   writes the peak RSS in KiB to REPORT
//
// Linux counts the memory of the process that calls exec into the new program's peak RSS
// (ru_maxrss), so a command spawned straight from the Python runner reports at least the
// runner's RSS. Forked from this small program it reports its own. Standard streams are passed
// through; the exit status is the command's (128 + N when signal N ended it). The command dies
// with this program (PR_SET_PDEATHSIG), so killing this one on a timeout stops both.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fputs("usage: bench_peakrss REPORT COMMAND [ARG...]\n", stderr);
        return 2;
    }
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("bench_peakrss: fork");
        return 1;
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        execvp(argv[2], argv + 2);
        std::perror("bench_peakrss: exec");
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::perror("bench_peakrss: wait4");
            return 1;
        }
    }
    if (std::FILE *report = std::fopen(argv[1], "w")) {
        std::fprintf(report, "%ld\n", usage.ru_maxrss);
        std::fclose(report);
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
