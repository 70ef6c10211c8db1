#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the benchmark suite and prints one table: figure, ssedash, reference, ratio, target, met.

    python3 bench/run.py [--build build/ci] [--runs 3] [--only parser,endtoend,...] [--smoke]

Every reference is measured in the same run, on the same input, so the ratios hold on a busy
machine where absolute figures do not. --smoke runs small inputs once and fails only on wrong
results (lost events, counts that differ), never on timing: the test suite runs it.
"""
import argparse
import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from suite import common  # noqa: E402
from suite.common import Context, SuiteError  # noqa: E402

# In the order of the table; each module has run(ctx) -> iterable of Row.
SECTIONS = ["parser", "endtoend", "dashboard", "publisher", "startup"]


def import_section(name):
    """The section's module, or None when bench/suite/NAME.py does not exist (yet)."""
    try:
        return importlib.import_module(f"suite.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"suite.{name}":
            return None
        raise


def format_table(rows):
    header = ["figure", "ssedash", "reference", "ratio", "target", "met"]
    cells = [header]
    for row in rows:
        met = "" if row.met is None else ("yes" if row.met else "NO")
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
        cells.append([f"{row.section}: {row.figure}", row.ssedash, row.reference, ratio,
                      row.target, met])
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main():
    source = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(source, "build", "ci"),
                        help="a built tree (default: build/ci, an optimised build)")
    parser.add_argument("--work", help="workloads and scratch (default: BUILD/bench-work, "
                        "BUILD/bench-work-smoke with --smoke)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (medians)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections to run")
    parser.add_argument("--smoke", action="store_true",
                        help="small inputs, one run: check results, never timing")
    parser.add_argument("--scale", type=float, help="workload scale (default 1, smoke 0.002)")
    args = parser.parse_args()

    build = os.path.abspath(args.build)
    # The smoke run's small workloads go apart, so that it never replaces the full ones.
    default_work = "bench-work-smoke" if args.smoke else "bench-work"
    work = os.path.abspath(args.work or os.path.join(build, default_work))
    os.makedirs(work, exist_ok=True)
    scale = args.scale if args.scale else (0.002 if args.smoke else 1.0)
    ctx = Context(source=source, build=build, work=work, runs=1 if args.smoke else args.runs,
                  smoke=args.smoke, scale=scale)

    launcher = os.path.join(build, "bench", "bench_peakrss")
    if os.access(launcher, os.X_OK):
        common.PEAK_RSS_LAUNCHER = launcher
    else:
        print(f"{launcher} is not built: peak RSS is not measured", file=sys.stderr)

    rows, failures = [], []
    for name in args.only.split(","):
        if name not in SECTIONS:
            parser.error(f"unknown section {name!r}; sections: {', '.join(SECTIONS)}")
        print(f"== {name}", file=sys.stderr, flush=True)
        module = import_section(name)
        if module is None:
            print(f"   skipped: bench/suite/{name}.py is not there", file=sys.stderr, flush=True)
            continue
        try:
            for row in module.run(ctx):
                rows.append(row)
                print(f"   {row.figure}: {row.ssedash}", file=sys.stderr, flush=True)
        except SuiteError as error:
            failures.append(f"{name}: {error}")
            print(f"   FAILED: {error}", file=sys.stderr, flush=True)

    print(format_table(rows))
    if failures:
        print("\nfailed:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
