#!/usr/bin/env bash
# Wedge vs python-igraph on the same generated graphs: betweenness (sampled and exact where feasible),
# PageRank, Louvain, connected components. Prints seconds, the ratio Wedge/igraph (one thread and two),
# and peak memory (max RSS from /usr/bin/time -v).
#
#   bench/network/run.sh [small|large|all]     (default: small = the 10k-node graphs)
#
# Needs: apt-get install python3-igraph (Debian's module, loaded by /usr/bin/python3), the .NET SDK, /usr/bin/time.
# Exact betweenness runs on the 10k graphs only (on 100k nodes / 1M edges it takes hours in both tools).
# python-igraph 0.10.2 has no source-sampled betweenness; the igraph figure for "sampled" is its exact
# time scaled to the same number of sources (Brandes costs the same per source), marked "~".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
which="${1:-small}"
py=/usr/bin/python3
mkdir -p "$out"

echo "building Wedge.Bench.Network (Release)..." >&2
dotnet build "$here/Wedge.Bench.Network" -c Release -o "$out/bin" -v quiet -nologo >&2
"$py" "$here/bench.py" generate "$out"

case "$which" in
  small) graphs="ba-10k er-10k" ;;
  large) graphs="ba-100k er-100k" ;;
  *) graphs="ba-10k er-10k ba-100k er-100k" ;;
esac
tasks="components,pagerank,louvain,betweenness_sampled,betweenness_exact"

peak() { grep "Maximum resident set size" "$1" | awk '{print $6}'; }

for g in $graphs; do
  exact=0; [[ "$g" == *-10k ]] && exact=1
  file="$out/$g.edges"; sources="$out/$g.sources"
  /usr/bin/time -v -o "$out/$g.igraph.time" "$py" "$here/bench.py" igraph "$file" "$sources" "$exact" "$tasks" > "$out/$g.igraph.json"
  for t in 1 2; do
    /usr/bin/time -v -o "$out/$g.wedge$t.time" env DOTNET_gcServer=0 "$out/bin/Wedge.Bench.Network" "$file" "$t" "$sources" "$exact" "$tasks" > "$out/$g.wedge$t.json"
  done
  "$py" - "$g" "$out/$g.igraph.json" "$out/$g.wedge1.json" "$out/$g.wedge2.json" \
    "$(peak "$out/$g.igraph.time")" "$(peak "$out/$g.wedge1.time")" "$(peak "$out/$g.wedge2.time")" <<'PY'
import json, sys
name, ig, w1, w2 = sys.argv[1], *(json.load(open(p)) for p in sys.argv[2:5])
mem_ig, mem_w1, mem_w2 = (int(x) / 1024 for x in sys.argv[5:8])
print(f"\n{name}: {w1['nodes']} nodes, {w1['edges']} edges (igraph read {ig['nodes']} / {ig['edges']})")
print(f"{'task':22} {'igraph s':>10} {'Wedge 1t s':>11} {'ratio 1t':>9} {'Wedge 2t s':>11} {'ratio 2t':>9}")
rows = ["components", "pagerank", "louvain", "betweenness_sampled", "betweenness_exact"]
for task in rows:
    if task not in w1:
        continue
    base, approx = ig.get(task), ""
    if task == "betweenness_sampled" and "betweenness_exact" in ig:
        base, approx = ig["betweenness_exact"] * w1["betweenness_sources"] / ig["nodes"], "~"
    if base is None:
        print(f"{task:22} {'n/a':>10} {w1[task]:11.4f} {'':>9} {w2[task]:11.4f}")
        continue
    print(f"{task:22} {approx + format(base, '.4f'):>10} {w1[task]:11.4f} {w1[task] / base:9.2f} {w2[task]:11.4f} {w2[task] / base:9.2f}")
print(f"{'load (not compared)':22} {ig['load']:10.4f} {w1['load']:11.4f}")
print(f"Louvain modularity: igraph {ig['louvain_modularity']:.4f}, Wedge {w1['louvain_modularity']:.4f}")
print(f"peak memory MB: igraph {mem_ig:.0f}, Wedge 1t {mem_w1:.0f} ({mem_w1 / mem_ig:.2f}x), Wedge 2t {mem_w2:.0f} ({mem_w2 / mem_ig:.2f}x)")
PY
done
