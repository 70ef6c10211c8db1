# SPDX-License-Identifier: MIT
"""What every section shares: the run context, a measured command, a table row."""
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time


class SuiteError(Exception):
    """A wrong result (a lost event, a count that differs, a tool that failed): the run fails."""


@dataclasses.dataclass
class Row:
    """One line of the table. `ratio` is ssedash against the reference (higher is better unless
    the section says otherwise); `met` is None where the figure has no target."""
    section: str
    figure: str
    ssedash: str
    reference: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None


@dataclasses.dataclass
class Measurement:
    wall: float  # seconds, median of the runs
    cpu: float  # user + system seconds of the process and its children, median
    peak_rss_kib: int  # the largest of the runs
    stdout: str  # of the last run


@dataclasses.dataclass
class Context:
    source: str  # the repository
    build: str  # a configured and built binary tree (build/ci by default)
    work: str  # where workloads and scratch files go
    runs: int  # runs per figure; medians are reported
    smoke: bool  # small inputs, one run: correctness only, timing printed but never judged
    scale: float  # workload scale (1.0 in a full run)

    def binary(self, relative):
        """A program of the build tree, e.g. binary("app/cli/ssedash-cli")."""
        path = os.path.join(self.build, relative)
        if not os.access(path, os.X_OK):
            raise SuiteError(f"{path} is not built (cmake --build {self.build})")
        return path

    def workload(self, name):
        """Generates (or reuses) workload `name` at this run's scale in `work`; returns the .sse
        path and its .json as a dict: {"events", "dataBytes", "bytes", "lines"?, "count"}."""
        import workloads  # bench/, on the path through run.py
        path, meta_path = workloads.generate(name, self.work, self.scale)
        with open(meta_path) as f:
            return path, json.load(f)

    def has_node_peer(self, package):
        """Whether node and bench/node_modules/`package` are there."""
        return bool(shutil.which("node")) and os.path.isdir(
            os.path.join(self.source, "bench", "node_modules", package))

    def optional_peer(self, package):
        """A smoke run goes on without an npm peer (setup-debian.sh could not reach the npm
        registry), saying so; a full run needs it."""
        if self.smoke and not self.has_node_peer(package):
            print(f"   npm {package} is not installed (npm ci --prefix bench): left out",
                  file=sys.stderr, flush=True)
            return False
        return True

    def node_peer(self, package):
        """The `node` binary, once bench/node_modules holds `package` (npm ci --prefix bench)."""
        node = shutil.which("node")
        if not node:
            raise SuiteError("node is not installed (packaging/setup-debian.sh --test)")
        if not os.path.isdir(os.path.join(self.source, "bench", "node_modules", package)):
            raise SuiteError(f"bench/node_modules/{package} is missing: npm ci --prefix bench")
        return node


# bench_peakrss of the build tree (set by run.py when it is built): Linux counts the memory of the
# process that calls exec into the peak RSS of the program it starts, so argv spawned straight
# from this runner would report at least the runner's RSS. Spawned through it, argv reports its own.
PEAK_RSS_LAUNCHER = None


def run_process(argv, timeout, stdin=subprocess.DEVNULL, env=None):
    """Runs argv to its end; returns (the exit's time.monotonic(), CPU seconds of it and its
    reaped children (wait4), their peak RSS KiB, stdout). A non-zero exit, or a run longer than
    timeout (then killed), is a SuiteError carrying the end of stderr."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=err, env=env)
        killed = []  # by the timer
        timer = threading.Timer(timeout, lambda: (killed.append(True), process.kill()))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
            ended = time.monotonic()
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        if killed:
            raise SuiteError(f"{argv[0]} took longer than {timeout} s")
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise SuiteError(f"{' '.join(argv)} exited with {process.returncode}: "
                             f"{err.read().decode(errors='replace')[-2000:]}")
        return (ended, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                out.read().decode(errors="replace"))


def run_once(argv, stdin_path=None, env=None, timeout=600):
    """Runs argv once; returns (wall seconds, CPU seconds, peak RSS KiB, stdout), the peak RSS
    argv's own when bench_peakrss is there (run_process() otherwise)."""
    with tempfile.NamedTemporaryFile("r") as report:
        spawned = [PEAK_RSS_LAUNCHER, report.name, *argv] if PEAK_RSS_LAUNCHER else argv
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            start = time.monotonic()
            ended, cpu, peak, stdout = run_process(spawned, timeout, stdin, env)
        finally:
            if stdin_path:
                stdin.close()
        if PEAK_RSS_LAUNCHER:
            peak = int(report.read() or peak)
        return ended - start, cpu, peak, stdout


def run_measured(argv, runs, stdin_path=None, env=None, timeout=600):
    """run_once() `runs` times: medians of wall and CPU time, the largest peak RSS, the last
    run's stdout."""
    return _summary([run_once(argv, stdin_path, env, timeout) for _ in range(max(1, runs))])


def run_interleaved(argvs, runs, timeout=600):
    """run_measured() of each argv of the dict `argvs`, taking turns (one run of each, `runs`
    times), so that a slow spell of a shared machine hits every tool alike rather than the
    one whose runs it fell on. Returns a dict of Measurements with the same keys."""
    results = {key: [] for key in argvs}
    for _ in range(max(1, runs)):
        for key, argv in argvs.items():
            results[key].append(run_once(argv, timeout=timeout))
    return {key: _summary(runs_of_key) for key, runs_of_key in results.items()}


def _summary(results):
    return Measurement(statistics.median(r[0] for r in results),
                       statistics.median(r[1] for r in results),
                       max(r[2] for r in results), results[-1][3])


def ratio(ours, reference):
    """How many times faster ours is, from two durations (None when one is missing)."""
    if not ours or not reference:
        return None
    return reference / ours


def rate(count, seconds):
    return count / seconds if seconds else float("inf")


def human_rate(value, unit):
    for factor, prefix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= factor:
            return f"{value / factor:.2f} {prefix}{unit}"
    return f"{value:.0f} {unit}"
