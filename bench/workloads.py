#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The benchmark workloads: deterministic text/event-stream files, generated, never stored in git.

    python3 bench/workloads.py OUTDIR [--scale 1.0] [--only small,llm,big,crlf]

Each WORKLOAD.sse gets a WORKLOAD.json beside it with what a spec-exact parser must report:
{"events": N, "dataBytes": M, "bytes": B, "lines": L} (dispatched events, the sum of their data
sizes in UTF-8 bytes, the file size, its line ends with CR LF counted once).
--scale shrinks the event counts (the smoke run uses a small scale); the shapes stay the same.
"""
import argparse
import json
import os
import random

TYPES = ["update", "price", "status", "alert", "heartbeat"]
WORDS = ["the", "a", "stream", "token", "server", "event", "model", "answer", "is", "and",
         "of", "to", "in", "data", "line", "chunk", "größe", "naïve", "café", "日本語", "ok"]


def small_events(count, rng):
    """About 120 bytes each: id, one of 5 types, one-line JSON data."""
    for n in range(count):
        data = '{"seq":%d,"value":%.6f,"sensor":"s-%04d","unit":"kPa","region":"eu-west-1","ok":%s}' % (
            n, rng.random() * 1000, rng.randrange(10000), "true" if n % 3 else "false")
        yield "id: %d\nevent: %s\ndata: %s\n\n" % (n, TYPES[n % 5], data), 1, len(data.encode())


def llm_events(count, rng):
    """OpenAI-style chat.completion.chunk events with 1-4 word deltas, [DONE] after each answer."""
    sent = 0
    completion = 0
    while sent < count:
        completion += 1
        chunks = min(rng.randrange(20, 200), count - sent)
        for _ in range(chunks):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 5)))
            delta = json.dumps({"content": " " + words}, ensure_ascii=False, separators=(",", ":"))
            data = ('{"id":"chatcmpl-%08d","object":"chat.completion.chunk","created":%d,'
                    '"model":"gpt-4o-mini","choices":[{"index":0,"delta":%s,'
                    '"finish_reason":null}]}') % (completion, 1700000000 + completion, delta)
            sent += 1
            yield "data: %s\n\n" % data, 1, len(data.encode())
        yield "data: [DONE]\n\n", 1, len("[DONE]")


def big_events(count, rng):
    """64 KiB of data each, over about 550 data: lines."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    for n in range(count):
        lines = []
        size = 0
        target = 64 * 1024
        while size < target:
            width = min(rng.randrange(100, 139), target - size)
            lines.append("".join(rng.choice(alphabet) for _ in range(8)) * (width // 8 + 1))
            lines[-1] = lines[-1][:width]
            size += width + 1
        data_bytes = sum(len(l) for l in lines) + len(lines) - 1
        body = "".join("data: %s\n" % l for l in lines)
        yield "id: big-%d\n%s\n" % (n, body), 1, data_bytes


def crlf_events(count, rng):
    for text, events, data_bytes in small_events(count, rng):
        yield text.replace("\n", "\r\n"), events, data_bytes


WORKLOADS = {
    "small": (small_events, 1_000_000),
    "llm": (llm_events, 500_000),
    "big": (big_events, 2_000),
    "crlf": (crlf_events, 1_000_000),
}


def generate(name, outdir, scale=1.0):
    """Writes OUTDIR/NAME.sse and NAME.json unless they exist for this scale; returns the paths."""
    make, full = WORKLOADS[name]
    count = max(1, int(full * scale))
    path = os.path.join(outdir, name + ".sse")
    meta_path = os.path.join(outdir, name + ".json")
    if os.path.exists(path) and os.path.exists(meta_path):
        with open(meta_path) as f:
            if json.load(f).get("count") == count:
                return path, meta_path
    rng = random.Random(1729)
    events = data_bytes = lines = 0
    with open(path + ".tmp", "w", encoding="utf-8", newline="") as out:
        batch = []
        for text, n, size in make(count, rng):
            batch.append(text)
            events += n
            data_bytes += size
            lines += text.count("\n")  # no workload has a lone CR
            if len(batch) >= 4096:
                out.write("".join(batch))
                batch.clear()
        out.write("".join(batch))
    os.replace(path + ".tmp", path)
    with open(meta_path, "w") as f:
        json.dump({"count": count, "events": events, "dataBytes": data_bytes,
                   "bytes": os.path.getsize(path), "lines": lines}, f)
    return path, meta_path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", default=",".join(WORKLOADS))
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    for name in args.only.split(","):
        path, _ = generate(name, args.outdir, args.scale)
        print(path)


if __name__ == "__main__":
    main()
