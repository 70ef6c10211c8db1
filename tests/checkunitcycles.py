#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fails when units of sselib/, ui/ or app/ include each other in a cycle.

A unit is x.h, x_p.h and x.cpp in one folder. A unit depends on another when one of its files
includes one of the other's with #include "...". Usage: checkunitcycles.py [SOURCE_DIR]
Prints each cycle found and exits 1, or prints a summary and exits 0."""

import re
import sys
from pathlib import Path

FOLDERS = ("sselib", "ui", "app")
SUFFIXES = (".h", ".hpp", ".cpp")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def unit_name(path):
    """sselib/parser_p.h -> sselib/parser"""
    stem = path.name.rsplit(".", 1)[0]
    if stem.endswith("_p"):
        stem = stem[:-2]
    return (path.parent / stem).as_posix()


def resolve(root, source, included):
    """The repository file an include names: from the root, else beside the includer."""
    for candidate in (root / included, root / source.parent / included):
        if candidate.is_file():
            return candidate.resolve().relative_to(root.resolve())
    return None  # Qt, the standard library, or a generated header


def dependencies(root):
    graph = {}
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            source = path.relative_to(root)
            unit = unit_name(source)
            targets = graph.setdefault(unit, set())
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = resolve(root, source, match.group(1))
                if target is not None and target.parts[0] in FOLDERS:
                    other = unit_name(target)
                    if other != unit:
                        targets.add(other)
    return graph


def cycles(graph):
    """Strongly connected components of more than one unit (Tarjan, iterative)."""
    order, lowest, on_stack, stack, found = {}, {}, set(), [], []
    for start in sorted(graph):
        if start in order:
            continue
        work = [(start, iter(sorted(graph[start])))]
        order[start] = lowest[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in order:
                    order[successor] = lowest[successor] = len(order)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph.get(successor, ())))))
                    advanced = True
                    break
                if successor in on_stack:
                    lowest[node] = min(lowest[node], order[successor])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                lowest[parent] = min(lowest[parent], lowest[node])
            if lowest[node] == order[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    graph = dependencies(root)
    if not graph:
        print(f"no units found under {root}", file=sys.stderr)
        return 2
    found = cycles(graph)
    for component in found:
        print("include cycle among: " + ", ".join(component))
    if found:
        print(f"{len(found)} include cycle(s) among {len(graph)} units")
        return 1
    print(f"no include cycles among {len(graph)} units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
