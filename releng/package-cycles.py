#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Prints the package graph of a bundle's classes (from jdeps) and its cycles; exit 1 when there is one.

   releng/package-cycles.py bundles/io.tiepoint.hub/target/classes [io.tiepoint.hub]

The classes come from a build (./tiepoint build). jdeps is the JDK's (JAVA_HOME/bin or PATH)."""
import os, re, subprocess, sys

classes = sys.argv[1]
prefix = sys.argv[2] if len(sys.argv) > 2 else "io.tiepoint"
jdeps = os.path.join(os.environ["JAVA_HOME"], "bin", "jdeps") if os.environ.get("JAVA_HOME") else "jdeps"
out = subprocess.run([jdeps, "-verbose:package", "-filter:none", classes], capture_output=True, text=True, check=True).stdout
graph = {}
for line in out.splitlines():
    m = re.match(r"\s+(\S+)\s+->\s+(\S+)", line)
    if m and m.group(1).startswith(prefix) and m.group(2).startswith(prefix) and m.group(1) != m.group(2):
        graph.setdefault(m.group(1), set()).add(m.group(2))
        graph.setdefault(m.group(2), set())

# Tarjan's strongly connected components: a component of more than one package is a cycle.
index, low, stack, on, sccs = {}, {}, [], set(), []
def visit(v):
    index[v] = low[v] = len(index); stack.append(v); on.add(v)
    for w in graph[v]:
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        scc = []
        while True:
            w = stack.pop(); on.discard(w); scc.append(w)
            if w == v: break
        sccs.append(sorted(scc))
sys.setrecursionlimit(10000)
for v in sorted(graph):
    if v not in index:
        visit(v)
for p in sorted(graph):
    print(p, "->", ", ".join(sorted(graph[p])) or "(nothing of " + prefix + ")")
cycles = [s for s in sccs if len(s) > 1]
for s in cycles:
    print("cycle:", " <-> ".join(s))
print(f"{len(graph)} packages, {len(cycles)} cycle(s)")
sys.exit(1 if cycles else 0)
