#!/usr/bin/python3
"""Writes the peer fixtures for Wedge's network tests (see README.md next to this file).

Run from the repository root:  /usr/bin/python3 tests/Wedge.Analysis.Tests/Network/Fixtures/generate.py
Needs Debian's python3-networkx (2.8) and python3-igraph (0.10): apt-get install python3-networkx python3-igraph
"""
import csv
import json
import os
import random
import sys

import igraph
import numpy
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
MMP = os.path.join(ROOT, "..", "shared", "data", "mmp")


def write_edge_list(name, graph, comment):
    """KONECT-style whitespace edge list: '%' comments, 'source target sign weight' per line, labels without spaces."""
    path = os.path.join(HERE, name + ".edges")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"% sym signed {comment}\n")
        f.write(f"% {graph.number_of_edges()} {graph.number_of_nodes()}\n")
        for u, v, d in graph.edges(data=True):
            f.write(f"{u} {v} {d['sign']} {d['weight']:g}\n")
    return path


def expected(graph, name, source_file, weighted, louvain_seed=7):
    """Measures from networkx (and igraph for Louvain and cross-checks), keyed by node label."""
    labels = [str(v) for v in graph.nodes()]
    out = {"name": name, "file": source_file, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}

    def by_label(d):
        return {str(k): float(v) for k, v in d.items()}

    out["degree_positive"] = {str(v): sum(1 for _, _, d in graph.edges(v, data=True) if d["sign"] > 0) for v in graph}
    out["degree_negative"] = {str(v): sum(1 for _, _, d in graph.edges(v, data=True) if d["sign"] < 0) for v in graph}
    out["betweenness"] = by_label(nx.betweenness_centrality(graph, normalized=False))
    out["betweenness_normalized"] = by_label(nx.betweenness_centrality(graph, normalized=True))
    if weighted:
        out["betweenness_weighted"] = by_label(nx.betweenness_centrality(graph, normalized=False, weight="weight"))
    out["closeness"] = by_label(nx.closeness_centrality(graph))
    components = [sorted(str(v) for v in c) for c in nx.connected_components(graph)]
    out["components"] = sorted(components)
    out["eigenvector"] = by_label(nx.eigenvector_centrality_numpy(graph))
    # The leading eigenvector is defined only when the largest eigenvalue is simple (it may not be in a disconnected graph).
    eig = sorted(numpy.linalg.eigvalsh(nx.to_numpy_array(graph, weight=None)))
    out["eigenvector_unique"] = bool(eig[-1] - eig[-2] > 1e-6)
    out["pagerank"] = by_label(nx.pagerank(graph, alpha=0.85, weight=None, tol=1e-15, max_iter=100000))
    if weighted:
        out["pagerank_weighted"] = by_label(nx.pagerank(graph, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000))
    out["clustering"] = by_label(nx.clustering(graph))
    out["average_clustering"] = nx.average_clustering(graph)
    out["transitivity"] = nx.transitivity(graph)
    out["core_number"] = {str(k): int(v) for k, v in nx.core_number(graph).items()}

    # igraph on the same graph, vertices in the same order.
    index = {v: i for i, v in enumerate(graph.nodes())}
    ig = igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in graph.edges()])
    ig.es["weight"] = [d["weight"] for _, _, d in graph.edges(data=True)]
    # Cross-checks: the two peers agree before either becomes an oracle.
    ig_btw = ig.betweenness(directed=False)
    assert all(abs(ig_btw[index[v]] - out["betweenness"][str(v)]) < 1e-9 for v in graph), name
    ig_pr = ig.pagerank(directed=False)
    assert all(abs(ig_pr[index[v]] - out["pagerank"][str(v)]) < 1e-9 for v in graph), name
    # igraph's own conventions, for the measures whose scaling differs from networkx's.
    ig_close = ig.closeness()  # 1 / mean distance to the reachable nodes
    out["closeness_igraph"] = {str(v): ig_close[index[v]] for v in graph}
    ig_eig = ig.eigenvector_centrality(scale=True)  # maximum scaled to 1
    out["eigenvector_igraph"] = {str(v): ig_eig[index[v]] for v in graph}
    random.seed(louvain_seed)
    louvain = ig.community_multilevel()
    out["louvain_igraph_membership"] = {str(v): louvain.membership[index[v]] for v in graph}
    out["louvain_igraph_modularity"] = ig.modularity(louvain.membership)
    nx_q = nx.algorithms.community.modularity(graph, [set(v for v in graph if louvain.membership[index[v]] == c)
                                                      for c in set(louvain.membership)], weight=None)
    assert abs(nx_q - out["louvain_igraph_modularity"]) < 1e-12, name

    # Signed triads: every triangle, by its number of hostile edges.
    census = {"+++": 0, "++-": 0, "+--": 0, "---": 0}
    for a, b, c in (t for t in nx.enumerate_all_cliques(graph) if len(t) == 3):
        neg = sum(1 for x, y in ((a, b), (b, c), (a, c)) if graph[x][y]["sign"] < 0)
        census[["+++", "++-", "+--", "---"][neg]] += 1
    out["triad_census"] = census
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


def signed(graph, rng, p_negative):
    for u, v in graph.edges():
        graph[u][v]["sign"] = -1 if rng.random() < p_negative else 1
        graph[u][v].setdefault("weight", 1)
    return graph


def classic():
    rng = random.Random(20261128)
    karate = nx.karate_club_graph()  # 'weight' = number of contexts of interaction (networkx 2.8)
    karate = signed(karate, rng, 0.2)
    write_edge_list("karate", karate, "Zachary karate club (networkx 2.8 karate_club_graph, with its weights; signs random p(-)=0.2, seed 20261128)")
    expected(karate, "karate", "karate.edges", weighted=True)

    florentine = signed(nx.florentine_families_graph(), rng, 0.3)
    write_edge_list("florentine", florentine, "Florentine families (networkx florentine_families_graph; signs random p(-)=0.3)")
    expected(florentine, "florentine", "florentine.edges", weighted=False)

    lesmis = nx.les_miserables_graph()
    lesmis = nx.relabel_nodes(lesmis, {v: v.replace(" ", "_") for v in lesmis})
    lesmis = signed(lesmis, rng, 0.1)
    write_edge_list("lesmis", lesmis, "Les Miserables co-appearance (networkx les_miserables_graph, weights = co-appearances; signs random p(-)=0.1)")
    expected(lesmis, "lesmis", "lesmis.edges", weighted=True)

    for i, (n, m) in enumerate([(40, 90), (80, 160), (120, 150)]):
        g = nx.gnm_random_graph(n, m, seed=100 + i)
        g.remove_nodes_from(list(nx.isolates(g)))
        g = nx.relabel_nodes(g, {v: f"n{v}" for v in g})
        for u, v in g.edges():
            g[u][v]["weight"] = rng.randint(1, 5)
        g = signed(g, rng, 0.35)
        name = f"random{i + 1}"
        write_edge_list(name, g, f"G(n={n}, m={m}) networkx gnm_random_graph seed {100 + i}, isolates removed; integer weights 1-5, signs p(-)=0.35")
        expected(g, name, name + ".edges", weighted=True)


def mmp():
    """The MMP relationship network. Rule (also in README.md):
    - every observation of the relationships file, all dates, undirected (group1, group2 unordered);
    - exact duplicate observations (same type, pair and date) count once;
    - sign +1 for all (allies), aff (affiliates), mer (merger); -1 for riv (rivals), spl (split);
    - a pair observed with both signs takes the sign of the majority of its observations, and -1 on a tie;
    - rows naming the same group twice are dropped (there are none in the shared copy);
    - node labels are the group names of the key file, stripped of surrounding spaces.
    """
    names = {}
    with open(os.path.join(MMP, "Militant-Group-Key.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            names[row["group_id"].strip()] = row["name"].strip()
    assert len(set(names.values())) == len(names), "group names must be unique to serve as labels"
    seen = set()
    votes = {}
    with open(os.path.join(MMP, "Militant-Group-Relationships.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            a, b, kind, date = row["group1_id"].strip(), row["group2_id"].strip(), row["type"].strip(), row["date"].strip()
            if a == b:
                continue
            pair = tuple(sorted((a, b), key=int))
            key = (kind, pair, date)
            if key in seen:
                continue
            seen.add(key)
            votes[pair] = votes.get(pair, 0) + (1 if kind in ("all", "aff", "mer") else -1)
    g = nx.Graph()
    for (a, b), v in votes.items():
        g.add_edge(names.get(a, "mmp:" + a), names.get(b, "mmp:" + b), sign=1 if v > 0 else -1, weight=1)
    path = os.path.join(HERE, "mmp.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "sign"])
        for u, v, d in g.edges(data=True):
            w.writerow([u, v, d["sign"]])
    expected(g, "mmp", "mmp.csv", weighted=False)
    print(f"mmp: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
          f"{sum(1 for *_, d in g.edges(data=True) if d['sign'] < 0)} negative", file=sys.stderr)


if __name__ == "__main__":
    classic()
    mmp()
