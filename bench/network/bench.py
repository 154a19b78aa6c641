#!/usr/bin/python3
"""Peer side of bench/network/run.sh: generates the graphs and times python-igraph on them.

  bench.py generate OUTDIR          writes ba-10k, er-10k, ba-100k, er-100k edge lists and sampled sources
  bench.py igraph FILE SOURCES EXACT(0|1) TASKS
                                    times igraph on FILE; prints one JSON object (seconds per task)
"""
import json
import os
import random
import sys
import time

import igraph

GRAPHS = {
    # name: (generator, nodes, edges-ish)
    "ba-10k": lambda: igraph.Graph.Barabasi(10_000, 10),
    "er-10k": lambda: igraph.Graph.Erdos_Renyi(n=10_000, m=100_000),
    "ba-100k": lambda: igraph.Graph.Barabasi(100_000, 10),
    "er-100k": lambda: igraph.Graph.Erdos_Renyi(n=100_000, m=1_000_000),
}
SAMPLE = 100  # sources of the sampled betweenness


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    random.seed(20261128)
    for name, make in GRAPHS.items():
        path = os.path.join(outdir, name + ".edges")
        if os.path.exists(path):
            continue
        g = make()
        g.simplify()
        with open(path, "w") as f:
            # No comment line: igraph's Read_Edgelist takes none (Wedge would skip it).
            for a, b in g.get_edgelist():
                f.write(f"{a} {b}\n")
        with open(os.path.join(outdir, name + ".sources"), "w") as f:
            # Only nodes with ties appear in an edge list; sample among them.
            nodes = [v for v in range(g.vcount()) if g.degree(v) > 0]
            f.write("\n".join(str(v) for v in random.sample(nodes, SAMPLE)) + "\n")
        print(f"{name}: {g.vcount()} nodes, {g.ecount()} edges", file=sys.stderr)


def run(path, sources_path, exact, tasks):
    tasks = set(tasks.split(","))
    out = {}
    t = time.perf_counter()
    g = igraph.Graph.Read_Edgelist(path, directed=False)
    out["load"] = time.perf_counter() - t
    out["nodes"], out["edges"] = g.vcount(), g.ecount()
    if "components" in tasks:
        t = time.perf_counter()
        c = g.connected_components()
        out["components"] = time.perf_counter() - t
        out["components_count"] = len(c)
    if "pagerank" in tasks:
        t = time.perf_counter()
        g.pagerank(directed=False)
        out["pagerank"] = time.perf_counter() - t
    if "louvain" in tasks:
        random.seed(1)
        t = time.perf_counter()
        cl = g.community_multilevel()
        out["louvain"] = time.perf_counter() - t
        out["louvain_modularity"] = g.modularity(cl.membership)
    if "leiden" in tasks:
        # igraph's defaults for the rest (beta=0.01, n_iterations=2), modularity as the objective.
        random.seed(1)
        t = time.perf_counter()
        cl = g.community_leiden(objective_function="modularity", n_iterations=2)
        out["leiden"] = time.perf_counter() - t
        out["leiden_modularity"] = g.modularity(cl.membership)
    if "betweenness_exact" in tasks and exact:
        t = time.perf_counter()
        g.betweenness(directed=False)
        out["betweenness_exact"] = time.perf_counter() - t
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2])
    else:
        run(sys.argv[2], sys.argv[3], sys.argv[4] == "1", sys.argv[5])
