# SPDX-License-Identifier: MIT
"""Publisher section: 1,000 subscribers at 1,000 events/s each from one Sse::Publisher.

bench_publisherfanout runs the publisher in its own process and the subscribers (one epoll
loop) in a child process, so the CPU time reported is the publisher's alone. Every subscriber
must get every event; the rate each sees must hold the one published.
"""
import json

from .common import Row, SuiteError, run_once

SECTION = "publisher"
MIN_RATE_SHARE = 0.95  # of the published rate, as each subscriber sees it

FULL = (1000, 1000, 10)  # subscribers, events/s, seconds
SMOKE = (50, 200, 1)


def run_fanout(ctx, subscribers, rate, seconds):
    """ctx.runs runs of bench_publisherfanout; their JSON results."""
    argv = [ctx.binary("bench/bench_publisherfanout"), "--subscribers", str(subscribers),
            "--rate", str(rate), "--seconds", str(seconds)]
    results = []
    for _ in range(ctx.runs):
        try:
            stdout = run_once(argv, timeout=seconds * 12 + 180)[3]
        except SuiteError as error:
            raise SuiteError(f"{subscribers} subscribers at {rate}/s: {error}") from None
        results.append(json.loads(stdout.strip().splitlines()[-1]))
    return results


def median(results, key):
    values = sorted(r[key] for r in results)
    return values[len(values) // 2]


def run(ctx):
    """Yields the section's rows; in smoke mode checks only that no event is lost."""
    subscribers, rate, seconds = SMOKE if ctx.smoke else FULL
    results = run_fanout(ctx, subscribers, rate, seconds)
    label = f"{subscribers} subscribers x {rate}/s"
    lost = max(r["lost"] for r in results)
    held = median(results, "perSubscriberRate")
    cpu_pct = median(results, "publisherCpuPct")
    yield Row(SECTION, f"{label}: events lost", f"{lost} of {results[0]['expected']:,}",
              "", None, "0", lost == 0)
    yield Row(SECTION, f"{label}: rate each subscriber gets", f"{held:,.0f} events/s",
              f"{rate:,}/s published", held / rate, f">= {MIN_RATE_SHARE:.0%}",
              None if ctx.smoke else held >= MIN_RATE_SHARE * rate)
    yield Row(SECTION, f"{label}: publisher CPU",
              f"{cpu_pct:.0f}% of a core, "
              f"{median(results, 'publisherCpuUsPerDelivery'):.2f} us/delivery",
              f"peak RSS {median(results, 'publisherPeakRssMiB'):.0f} MiB")
