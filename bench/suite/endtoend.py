# SPDX-License-Identifier: MIT
"""End to end over 127.0.0.1: `ssedash-cli monitor` against its peers, all fed by one firehose.

Every client reads the same workload from bench_firehose, counts the events (and the UTF-8 size of
their data, where it parses) up to the firehose's `bench-end` sentinel, which it counts too. A
client is timed from the firehose's receipt of its request (no process start-up) to its handling
of the sentinel: the time the node peers print, the page's report to /result for Chromium, the
exit of ssedash-cli and curl (Node's and Chromium's shutdowns are no part of the client; Node's
waits for background compilation, 0.6 s here). CPU is user+system of the client's process tree:
wait4 for single processes, `perf stat -e task-clock` (which follows every child) for Chromium's.
CPU per event subtracts each client's CPU on an empty stream (start-up and shutdown), measured
in the same run.
"""
import json
import os
import queue
import shutil
import statistics
import subprocess
import tempfile
import threading
import time

from .common import Row, SuiteError, human_rate, rate, ratio, run_process

SECTION = "endtoend"
SENTINEL = b"event: bench-end\ndata: end\n\n"
SENTINEL_DATA_BYTES = len("end")
PEERS = "bench/peers"


def event_types():
    """The named event types of the workloads (the EventSource clients must listen to each)."""
    import workloads  # bench/, on the path through run.py
    return ",".join(workloads.TYPES)


class Firehose:
    """bench_firehose on a free port, its JSON lines collected by a thread. It exits when its
    stdin closes, so it never outlives the suite."""

    def __init__(self, binary, workdir):
        self.process = subprocess.Popen([binary, workdir], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        first = self.process.stdout.readline()
        if not first:
            raise SuiteError(f"{binary} did not start")
        self.port = json.loads(first)["port"]
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(json.loads(line))

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def drain(self):
        while not self.lines.empty():
            self.lines.get_nowait()

    def next_record(self, key, after, timeout=10):
        """The next line that has `key` (a stream's or a page's result) of a request made after
        `after` (time.monotonic())."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                record = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise SuiteError(f"the firehose reported no {key} within {timeout} s") from None
            if key in record and record.get("start", record.get("at", 0)) >= after:
                return record

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def perf_usable():
    """Whether `perf stat` can count task-clock here (it counts Chromium's whole tree)."""
    perf = shutil.which("perf")
    if not perf:
        return False
    probe = subprocess.run([perf, "stat", "-x,", "-e", "task-clock", "true"],
                           capture_output=True, check=False)
    return probe.returncode == 0


class Client:
    """One peer: how to start it on a workload and read its counts."""
    name = ""
    parses = True  # counts events (curl only counts bytes)

    def argv(self, firehose, workload):
        raise NotImplementedError

    def measure(self, firehose, workload, timeout):
        """Returns (seconds from request to end, CPU seconds, counts dict)."""
        firehose.drain()
        spawned = time.monotonic()
        ended, cpu, _, stdout = run_process(self.argv(firehose, workload), timeout)
        stream = firehose.next_record("path", spawned)
        counts = json.loads(stdout.strip().splitlines()[-1]) if stdout.strip() else {}
        counts["complete"] = stream["complete"]
        # Node's peers say when they handled the sentinel: their exit can lag far behind it.
        return counts.get("at", ended) - stream["start"], cpu, counts


class Ssedash(Client):
    name = "ssedash-cli monitor"

    def __init__(self, ctx):
        self.binary = ctx.binary("app/cli/ssedash-cli")

    def argv(self, firehose, workload):
        return [self.binary, "monitor", "--count", "--once", firehose.url(f"/stream/{workload}")]


class NodeEventSource(Client):
    name = "npm eventsource"

    def __init__(self, ctx):
        self.node = ctx.node_peer("eventsource")
        self.script = os.path.join(ctx.source, PEERS, "eventsource-client.mjs")
        self.types = event_types()

    def argv(self, firehose, workload):
        return [self.node, self.script, firehose.url(f"/stream/{workload}"), self.types]


class NodeHttpParser(Client):
    name = "node:http + eventsource-parser"

    def __init__(self, ctx):
        self.node = ctx.node_peer("eventsource-parser")
        self.script = os.path.join(ctx.source, PEERS, "http-parser.mjs")

    def argv(self, firehose, workload):
        return [self.node, self.script, firehose.url(f"/stream/{workload}")]


class Curl(Client):
    name = "curl -sN (no parse)"
    parses = False

    def argv(self, firehose, workload):
        return ["curl", "-sSN", "--fail", "-o", "/dev/null", "-w", '{"bytes": %{size_download}}',
                firehose.url(f"/stream/{workload}")]


class Chromium(Client):
    """Headless Chromium's EventSource on the firehose's page; --dump-dom ends Chromium once the
    page reported (its held <img> keeps the load event back until then)."""
    name = "Chromium EventSource"

    def __init__(self):
        self.binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if not self.binary:
            raise SuiteError("no chromium on PATH (packaging/setup-debian.sh --test installs it)")
        self.perf = shutil.which("perf") if perf_usable() else None
        self.types = event_types()

    def measure(self, firehose, workload, timeout):
        firehose.drain()
        spawned = time.monotonic()
        with tempfile.TemporaryDirectory() as profile:
            counter = os.path.join(profile, "perf.csv")
            argv = [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-proxy-server",
                    "--disable-dev-shm-usage", "--user-data-dir=" + os.path.join(profile, "p"),
                    "--dump-dom", firehose.url(f"/page?w={workload}&types={self.types}")]
            if self.perf:
                argv = [self.perf, "stat", "-x,", "-o", counter, "-e", "task-clock", "--"] + argv
            _, cpu, _, _ = run_process(argv, timeout)
            if self.perf:
                cpu = task_clock_seconds(counter)
        stream = firehose.next_record("path", spawned)
        result = firehose.next_record("result", spawned)
        fields = dict(part.split("=", 1) for part in result["result"].split("&") if "=" in part)
        if fields.get("outcome") != "end":
            raise SuiteError(f"Chromium's EventSource failed: {result['result']}")
        counts = {"events": int(fields["events"]), "dataBytes": int(fields["dataBytes"]),
                  "complete": stream["complete"]}
        return result["at"] - stream["start"], cpu if self.perf else None, counts


def task_clock_seconds(path):
    """The task-clock of a `perf stat -x,` output file, in seconds."""
    with open(path, encoding="utf-8") as counters:
        for line in counters:
            fields = line.split(",")
            if len(fields) > 2 and fields[2] == "task-clock":
                return float(fields[0]) / 1000
    raise SuiteError(f"perf wrote no task-clock to {path}")


def prepare_workloads(ctx, names):
    """The workloads at ctx.scale (ctx.workload), plus an empty stream for the start-up baseline;
    returns (their directory, {name: expected counts})."""
    expected = {}
    for name in names:
        path, expected[name] = ctx.workload(name)
    directory = os.path.dirname(path)
    open(os.path.join(directory, "empty.sse"), "wb").close()
    expected["empty"] = {"events": 0, "dataBytes": 0, "bytes": 0}
    return directory, expected


def check(client, workload, counts, expected):
    """A lost or extra event, or a stream the firehose could not finish, is a SuiteError."""
    want = {"bytes": expected["bytes"] + len(SENTINEL)} if not client.parses else {
        "events": expected["events"] + 1, "dataBytes": expected["dataBytes"] + SENTINEL_DATA_BYTES}
    got = {key: counts.get(key) for key in want}
    if got != want or not counts["complete"]:
        raise SuiteError(f"{client.name} on {workload}: got {got}, expected {want} "
                         f"(the sentinel counted), stream complete: {counts['complete']}")


def measure_all(ctx, firehose, clients, workload, expected):
    """Each client ctx.runs times, interleaved so that the machine's load falls on all alike;
    returns {client name: (median seconds, median CPU or None)}."""
    samples = {client.name: [] for client in clients}
    timeout = 30 if ctx.smoke else 600
    for _ in range(ctx.runs):
        for client in clients:
            seconds, cpu, counts = client.measure(firehose, workload, timeout)
            check(client, workload, counts, expected[workload])
            samples[client.name].append((seconds, cpu))
    return {name: (statistics.median(s for s, _ in values),
                   None if any(c is None for _, c in values)
                   else statistics.median(c for _, c in values))
            for name, values in samples.items()}


def microseconds(cpu, idle, events):
    """CPU per event beyond the client's CPU on an empty stream, or n/a where not measured."""
    if cpu is None or idle is None:
        return "n/a"
    return f"{max(0.0, cpu - idle) / events * 1e6:.2f} µs"


def rows_for(workload, results, idle, events, targets):
    """The rows of one workload: events/s and CPU per event of ssedash against each peer."""
    ours_seconds, ours_cpu = results[Ssedash.name]
    for name, (seconds, cpu) in results.items():
        if name == Ssedash.name:
            continue
        target = targets.get(name)
        speedup = ratio(ours_seconds, seconds)
        yield Row(SECTION, f"{workload} events/s vs {name}",
                  human_rate(rate(events, ours_seconds), "ev/s"),
                  human_rate(rate(events, seconds), "ev/s"), speedup,
                  f">= {target:g}x" if target else "",
                  None if not target or speedup is None else speedup >= target)
        if not idle:
            continue  # smoke: counts only, no CPU figures
        per_ours = microseconds(ours_cpu, idle.get(Ssedash.name), events)
        per_peer = microseconds(cpu, idle.get(name), events)
        cpu_ratio = None
        if "n/a" not in (per_ours, per_peer):
            cpu_ratio = ratio(max(1e-9, ours_cpu - idle[Ssedash.name]), max(1e-9, cpu - idle[name]))
        yield Row(SECTION, f"{workload} CPU/event vs {name}", per_ours, per_peer, cpu_ratio)


def run(ctx):
    workloads = ["small", "llm"]
    directory, expected = prepare_workloads(ctx, workloads)
    clients = [Ssedash(ctx)]
    if ctx.optional_peer("eventsource"):
        clients.append(NodeEventSource(ctx))
    if ctx.optional_peer("eventsource-parser"):
        clients.append(NodeHttpParser(ctx))
    clients += [Chromium(), Curl()]
    # Targets on `small` (issue 13): ssedash-cli against the npm client and Chromium.
    targets = {NodeEventSource.name: 1.5, Chromium.name: 5.0}
    firehose = Firehose(ctx.binary("bench/bench_firehose"), directory)
    try:
        idle = {}
        if not ctx.smoke:
            idle = {name: cpu for name, (_, cpu) in
                    measure_all(ctx, firehose, clients, "empty", expected).items()}
        for workload in workloads:
            # The smoke keeps Chromium, the slow one to start, to the first workload.
            chosen = [c for c in clients if not ctx.smoke or workload == workloads[0]
                      or not isinstance(c, Chromium)]
            results = measure_all(ctx, firehose, chosen, workload, expected)
            events = expected[workload]["events"] + 1
            # Timing is never judged in a smoke run, so it shows no targets.
            judged = targets if workload == "small" and not ctx.smoke else {}
            yield from rows_for(workload, results, idle, events, judged)
            yield Row(SECTION, f"{workload} events lost, every client", "0", "", None, "0", True)
    finally:
        firehose.close()
