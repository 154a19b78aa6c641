#!/usr/bin/python3
"""Writes NAME.leiden.json: igraph's Leiden partitions of the fixture graphs (see README.md next to this file).

Run from the repository root:  /usr/bin/python3 tests/Wedge.Analysis.Tests/Network/Fixtures/generate_leiden.py
Needs Debian's python3-igraph (0.10): apt-get install python3-igraph

Reads the checked-in graph files themselves (not the generators behind them), so the graph is the one Wedge reads.
For each graph: igraph's community_leiden(objective_function="modularity", resolution_parameter=1, beta=0.01,
n_iterations=-1 (until stable)), unweighted, with Python's random.seed(s) for s in 1..10; records the
membership and modularity of the best of the ten runs, and the modularity of each run.
"""
import csv
import json
import os
import random

import igraph

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = {"karate": "karate.edges", "florentine": "florentine.edges", "lesmis": "lesmis.edges",
         "random1": "random1.edges", "random2": "random2.edges", "random3": "random3.edges", "mmp": "mmp.csv"}
SEEDS = range(1, 11)


def read(path):
    """Labels in first-appearance order (as Wedge's reader numbers them) and the unweighted edge pairs."""
    pairs = []
    if path.endswith(".csv"):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                pairs.append((row["source"].strip(), row["target"].strip()))
    else:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("%") or not line.strip():
                    continue
                a, b = line.split()[:2]
                pairs.append((a, b))
    index = {}
    for a, b in pairs:
        for x in (a, b):
            index.setdefault(x, len(index))
    return list(index), [(index[a], index[b]) for a, b in pairs]


def main():
    for name, file in NAMES.items():
        labels, edges = read(os.path.join(HERE, file))
        g = igraph.Graph(n=len(labels), edges=edges)
        runs = []
        for seed in SEEDS:
            random.seed(seed)
            c = g.community_leiden(objective_function="modularity", resolution_parameter=1, beta=0.01, n_iterations=-1)
            runs.append((g.modularity(c.membership), seed, c.membership))
        best = max(runs, key=lambda r: (r[0], -r[1]))
        out = {"name": name, "file": file, "igraph": igraph.__version__,
               "call": "community_leiden(objective_function='modularity', resolution_parameter=1, beta=0.01, n_iterations=-1)",
               "seeds": list(SEEDS), "modularity_per_seed": [r[0] for r in runs],
               "leiden_igraph_best_seed": best[1], "leiden_igraph_modularity": best[0],
               "leiden_igraph_membership": {labels[v]: best[2][v] for v in range(len(labels))}}
        with open(os.path.join(HERE, name + ".leiden.json"), "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{name}: best {best[0]:.6f} (seed {best[1]}), runs {min(r[0] for r in runs):.6f}..{best[0]:.6f}")


if __name__ == "__main__":
    main()
