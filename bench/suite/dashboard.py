# SPDX-License-Identifier: MIT
"""Dashboard section: the shown window (MainWindow) under fast feeds, bench_dashboardload.

Two loads, as issue 13 sets them: one feed at 20,000 events/s for 60 s, and 50 feeds at 200
events/s each. Each run measures the lateness of a 10 ms timer on the GUI thread (a stall), the
heap growth per retained event beyond its data bytes, lost events and CPU time (the servers'
threads left out). The reference is the same timer's lateness before the streams start: the
machine's own noise in the same run.
"""
import json
import os
import statistics

from .common import Row, SuiteError, run_once

SECTION = "dashboard"
MAX_LAG_MS = 50.0
MAX_BYTES_PER_EVENT = 300.0
MIN_DELIVERED_SHARE = 0.95  # of the requested rate: a dashboard must not slow its feeds down

# (label, feeds, events/s per feed, seconds); smoke: small and short.
FULL_LOADS = [("1 feed x 20k/s", 1, 20000, 60), ("50 feeds x 200/s", 50, 200, 60)]
SMOKE_LOADS = [("1 feed x 2k/s", 1, 2000, 0.5), ("10 feeds x 100/s", 10, 100, 0.5)]


def run_load(ctx, feeds, rate, seconds):
    """Runs bench_dashboardload ctx.runs times; returns the list of its JSON results."""
    argv = [ctx.binary("bench/bench_dashboardload"), "--feeds", str(feeds), "--rate", str(rate),
            "--seconds", str(seconds), "--idle", "200" if ctx.smoke else "1000"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    results = []
    for _ in range(ctx.runs):
        wall, cpu, _rss, stdout = run_once(argv, env=env, timeout=seconds * 4 + 120)
        result = json.loads(stdout.strip().splitlines()[-1])
        if not result["correct"]:
            raise SuiteError(f"{feeds} feeds at {rate}/s: {result['lost']} lost, "
                             f"{result['outOfOrder']} out of order")
        results.append(result)
    return results


def median(results, key):
    return statistics.median(r[key] for r in results)


def rows_for(label, rate, feeds, results, smoke):
    """The table rows of one load, medians of the runs; a smoke run judges no timing."""
    lag_max, lag_p99 = median(results, "lagMaxMs"), median(results, "lagP99Ms")
    idle_max = median(results, "idleLagMaxMs")
    per_event = median(results, "bytesPerRetainedEvent")
    sent = results[0]["sent"]
    lost = max(r["lost"] for r in results)
    delivered = median(results, "deliveredPerSec")
    delivered_ok = delivered >= MIN_DELIVERED_SHARE * rate * feeds
    cpu = median(results, "cpuSeconds")
    wall = median(results, "wallSeconds")
    if smoke:  # correctness only: the timing and memory figures of a tiny run mean nothing
        lag_ok = memory_ok = delivered_ok = None
    else:
        lag_ok, memory_ok = lag_max <= MAX_LAG_MS, per_event <= MAX_BYTES_PER_EVENT
    return [
        Row(SECTION, f"{label}: worst lag of a 10 ms timer", f"{lag_max:.1f} ms",
            f"idle {idle_max:.1f} ms", None, f"<= {MAX_LAG_MS:.0f} ms", lag_ok),
        Row(SECTION, f"{label}: p99 lag of a 10 ms timer", f"{lag_p99:.1f} ms",
            f"idle {median(results, 'idleLagP99Ms'):.1f} ms", None, f"<= {MAX_LAG_MS:.0f} ms",
            None if smoke else lag_p99 <= MAX_LAG_MS),
        Row(SECTION, f"{label}: heap per retained event beyond its data",
            f"{per_event:.0f} B",
            f"{median(results, 'retainedEvents'):.0f} events kept; "
            f"{median(results, 'bytesPerRetainedEventWithoutRaw'):.0f} B beyond data and raw lines",
            None, f"<= {MAX_BYTES_PER_EVENT:.0f} B", memory_ok),
        Row(SECTION, f"{label}: events lost", f"{lost} of {sent:,}",
            f"{delivered:,.0f}/s delivered", None, "0, >= 95% of the rate",
            lost == 0 and delivered_ok is not False),
        Row(SECTION, f"{label}: CPU (without the servers)",
            f"{100 * cpu / wall:.0f}% of a core, {median(results, 'cpuUsPerEvent'):.1f} us/event",
            f"GUI thread {100 * median(results, 'guiThreadCpuSeconds') / wall:.0f}%"),
    ]


def run(ctx):
    """Yields the section's rows; in smoke mode checks only that no event is lost."""
    for label, feeds, rate, seconds in SMOKE_LOADS if ctx.smoke else FULL_LOADS:
        yield from rows_for(label, rate, feeds, run_load(ctx, feeds, rate, seconds), ctx.smoke)
