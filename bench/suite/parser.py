# SPDX-License-Identifier: MIT
"""Parser section: `ssedash-cli parse --count` against npm eventsource-parser, a memchr line scan
and cat, on every workload, in 64 KiB and 1,460-byte chunks; and its peak memory.

Every tool reads the same file; ratios are of CPU time (user + system, medians of ctx.runs runs,
the tools taking turns), which a busy machine disturbs far less than wall time. Every count is checked against the
workload's .json: a tool that reports a different count fails the run.
"""
import json
import os

from suite import common
from suite.common import Row, SuiteError, human_rate, ratio, run_interleaved, run_measured

SECTION = "parser"
WORKLOADS = ["small", "llm", "big", "crlf"]
CHUNKS = [65536, 1460]
PEER_TARGET = 8.0  # times eventsource-parser
SCAN_TARGET = 0.8  # of the memchr scan
# Peak RSS of `big` beyond that of `small`, in largest events: a parser that holds the input,
# or a pending line per chunk, grows with the file (131 MB) instead.
BIG_EVENT_BYTES = 64 * 1024
RSS_EVENTS_TARGET = 8


def run(ctx):
    tools = _tools(ctx)
    startup = _startup(ctx, tools)
    yield _startup_row(startup)
    peak_rss, sizes = {}, {}
    for name in WORKLOADS:
        path, meta = ctx.workload(name)
        cat = run_measured(["sh", "-c", 'exec cat "$1" >/dev/null', "sh", path], ctx.runs)
        for chunk in CHUNKS:
            figures = _measure(ctx, tools, path, meta, chunk)
            for row in _rows(name, chunk, meta, figures, cat, startup):
                yield _unjudged(row) if ctx.smoke else row
            peer = figures.get("peer")
            peak_rss[name, chunk] = (figures["ssedash"].peak_rss_kib,
                                     peer.peak_rss_kib if peer else None)
        sizes[name] = meta["bytes"]
    if not common.PEAK_RSS_LAUNCHER:
        # Spawned straight from this runner, a tool's peak RSS would include the runner's own.
        yield Row(SECTION, "peak RSS", "not measured: bench/bench_peakrss is not built")
        return
    for row in _rss_rows(peak_rss, sizes["big"]):
        yield _unjudged(row) if ctx.smoke else row


def _unjudged(row):
    """A smoke run's row: its timing and memory are shown, never judged."""
    row.met = None
    return row


def _tools(ctx):
    """argv builders for the three measured tools; missing tools are a SuiteError up front."""
    cli = ctx.binary("app/cli/ssedash-cli")
    scan = ctx.binary("bench/bench_linescan")
    tools = {
        "ssedash": lambda path, chunk: [cli, "parse", "--count", "--chunk-size", str(chunk), path],
        "scan": lambda path, chunk: [scan, "--chunk", str(chunk), path],
    }
    if ctx.optional_peer("eventsource-parser"):
        node = ctx.node_peer("eventsource-parser")
        peer = os.path.join(ctx.source, "bench", "peers", "parse.mjs")
        tools["peer"] = lambda path, chunk: [node, peer, "--chunk-size", str(chunk), path]
    return tools


def _startup(ctx, tools):
    """Each tool's CPU time on an empty input: loading the program (Qt's libraries for ssedash,
    node for the peer), which the parse-only ratios take out of both sides; and that of a
    program that only starts Qt Core ("qtcore"), the floor under ssedash-cli's."""
    empty = os.path.join(ctx.work, "empty.sse")
    open(empty, "wb").close()
    argvs = {tool: argv(empty, CHUNKS[0]) for tool, argv in tools.items()}
    argvs["qtcore"] = [ctx.binary("bench/bench_qtcorestart")]
    figures = run_interleaved(argvs, ctx.runs)
    return {tool: measurement.cpu for tool, measurement in figures.items()}


def _startup_row(startup):
    """What the whole-process rows carry besides parsing: each program's start-up."""
    return Row(SECTION, "start-up (empty input)", f"CPU {startup['ssedash']:.3f} s",
               f"memchr scan CPU {startup['scan']:.3f} s; Qt Core alone CPU "
               f"{startup['qtcore']:.3f} s")


def _measure(ctx, tools, path, meta, chunk):
    """Runs each tool on one workload and chunk size, taking turns; checks what each reports."""
    figures = run_interleaved({tool: argv(path, chunk) for tool, argv in tools.items()}, ctx.runs)
    for tool, measurement in figures.items():
        _check(tool, chunk, path, meta, measurement.stdout)
    return figures


def _check(tool, chunk, path, meta, stdout):
    try:
        got = json.loads(stdout)
    except ValueError:
        raise SuiteError(f"{tool} printed no JSON for {path}: {stdout[:200]!r}") from None
    if tool == "scan":
        want = {"lines": meta.get("lines") or _count_lines(path), "bytes": meta["bytes"]}
    else:
        want = {"events": meta["events"], "dataBytes": meta["dataBytes"]}
    if got != want:
        raise SuiteError(f"{tool} --chunk {chunk} on {os.path.basename(path)} reported {got}, "
                         f"the workload has {want}")


def _count_lines(path):
    """Line ends of a workload written before the .json had them (no workload has a lone CR)."""
    lines = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 22):
            lines += block.count(b"\n")
    return lines


def _cpu(measurement):
    return f"CPU {measurement.cpu:.3f} s"


def _rows(name, chunk, meta, figures, cat, startup):
    """Throughput, the ratios and their targets for one workload and chunk size: of the whole
    processes, and of the parsing alone (each tool's start-up on an empty input taken out)."""
    ours = figures["ssedash"]
    label = f"{name} {_chunk_label(chunk)}"
    size = meta["bytes"]
    yield Row(SECTION, f"{label} throughput (per CPU s)",
              f"{human_rate(size / max(ours.cpu, 1e-9), 'B/s')}, {_cpu(ours)}, "
              f"wall {ours.wall:.3f} s",
              f"cat {human_rate(size / max(cat.cpu, 1e-9), 'B/s')}, {_cpu(cat)}")
    # (tool, name, target); the npm peer is absent in a smoke run without bench/node_modules.
    references = [("peer", "eventsource-parser", PEER_TARGET), ("scan", "memchr scan", SCAN_TARGET)]
    references = [r for r in references if r[0] in figures]
    for tool, reference, target in references:
        theirs = figures[tool]
        to_ref = ratio(ours.cpu, theirs.cpu)
        yield Row(SECTION, f"{label} vs {reference}", _cpu(ours),
                  f"{_cpu(theirs)}, wall {theirs.wall:.3f} s", to_ref, f">= {target:g}x",
                  to_ref is not None and to_ref >= target)
    parse = max(ours.cpu - startup["ssedash"], 1e-6)
    for tool, reference, target in references:
        theirs = max(figures[tool].cpu - startup[tool], 1e-6)
        to_ref = ratio(parse, theirs)
        yield Row(SECTION, f"{label} vs {reference}, start-up excluded", f"CPU {parse:.3f} s",
                  f"CPU {theirs:.3f} s", to_ref, f">= {target:g}x", to_ref >= target)


def _rss_rows(peak_rss, big_bytes):
    """Peak RSS per workload, and big beyond small against the size of big's events."""
    for (name, chunk), (ours, peer) in peak_rss.items():
        yield Row(SECTION, f"{name} {_chunk_label(chunk)} peak RSS", f"{ours / 1024:.1f} MiB",
                  f"eventsource-parser {peer / 1024:.1f} MiB" if peer else "")
    for chunk in CHUNKS:
        extra = peak_rss["big", chunk][0] - peak_rss["small", chunk][0]
        events = extra * 1024 / BIG_EVENT_BYTES
        yield Row(SECTION, f"big - small peak RSS {_chunk_label(chunk)}",
                  f"{extra:+d} KiB = {events:.1f} events",
                  f"event {BIG_EVENT_BYTES // 1024} KiB, input {big_bytes / 2**20:.1f} MiB", None,
                  f"<= {RSS_EVENTS_TARGET} events", events <= RSS_EVENTS_TARGET)


def _chunk_label(chunk):
    return f"{chunk // 1024}K" if chunk % 1024 == 0 else f"{chunk}B"
