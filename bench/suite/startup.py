# SPDX-License-Identifier: MIT
"""Start-up section: the real ssedash binary, from exec to its built-in feed's first event shown.

ssedash with SSEDASH_STARTUP_PROBE set prints "startup: window shown after N ms, first event
shown after M ms" (since main() began) and quits. This section measures from the spawn to that
line (exec, dynamic loading and all), with a warm cache (one run first, not counted), under
QT_QPA_PLATFORM=offscreen and a settings directory of its own.
"""
import os
import re
import statistics
import subprocess
import tempfile
import time

from .common import Row, SuiteError

SECTION = "startup"
TARGET_MS = 1000.0
TIMEOUT_S = 40
LINE = re.compile(r"startup: window shown after (-?\d+) ms, first event shown after (\d+) ms")


def start_once(binary, env):
    """One start: (ms from spawn to the probe's line, window shown ms, first event ms)."""
    start = time.perf_counter()
    process = subprocess.Popen([binary], env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        seen = None
        for line in process.stderr:
            match = LINE.search(line)
            if match:
                seen = (1000 * (time.perf_counter() - start), int(match[1]), int(match[2]))
                break
        process.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise SuiteError(f"{binary} did not quit within {TIMEOUT_S} s") from None
    finally:
        process.stderr.close()
    if seen is None or process.returncode != 0:
        raise SuiteError(f"{binary} showed no event (exit code {process.returncode})")
    return seen


def run(ctx):
    """Yields the section's rows; in smoke mode checks only that the first event is shown."""
    binary = ctx.binary("app/gui/ssedash")
    with tempfile.TemporaryDirectory(dir=ctx.work) as config:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SSEDASH_STARTUP_PROBE="1",
                   XDG_CONFIG_HOME=config)
        runs = 1 if ctx.smoke else max(5, ctx.runs)
        if not ctx.smoke:
            start_once(binary, env)  # warms the cache and writes the settings a user has
        results = [start_once(binary, env) for _ in range(runs)]
    total = statistics.median(r[0] for r in results)
    shown = statistics.median(r[1] for r in results)
    first = statistics.median(r[2] for r in results)
    yield Row(SECTION, "window shown (from main())", f"{shown:.0f} ms")
    yield Row(SECTION, "first event shown (from exec)", f"{total:.0f} ms",
              f"{first:.0f} ms from main()", None, f"< {TARGET_MS:.0f} ms",
              None if ctx.smoke else total < TARGET_MS)
