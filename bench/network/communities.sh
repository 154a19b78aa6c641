#!/usr/bin/env bash
# Community detection side by side on the 100k-node / 1M-edge graphs: Wedge (Louvain on one and two threads,
# Leiden; JIT and Native AOT builds), python-igraph (community_multilevel, community_leiden) and NetworKit's PLM (with and without
# refinement, one and two threads). Each run is a fresh process: the algorithm is timed inside it (loading
# excluded) and /usr/bin/time -v gives the process's peak memory (loading included). RUNS repetitions
# (default 3), interleaved; medians reported, with the load average before each repetition.
#
#   apt-get install -y python3-igraph cmake g++          # Debian's igraph, run by /usr/bin/python3
#   NETWORKIT_SRC=/path/to/networkit-11.2.1 bench/network/communities.sh [GRAPH...]   (default: ba-100k er-100k)
#
# Without NETWORKIT_SRC the NetworKit rows are left out. README.md says how to get the NetworKit source.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
py=/usr/bin/python3
runs="${RUNS:-3}"
graphs="${*:-ba-100k er-100k}"
mkdir -p "$out"

echo "building Wedge.Bench.Network (Release)..." >&2
dotnet build "$here/Wedge.Bench.Network" -c Release -o "$out/bin" -v quiet -nologo >&2
# The same program as a Native AOT binary (no JIT, no 30-40 MB of runtime): NetworKit's driver is native too, so
# its peak memory is compared with both. Left out if the publish fails (it needs clang and the ILCompiler package).
aot=""
echo "publishing Wedge.Bench.Network with Native AOT..." >&2
if dotnet publish "$here/Wedge.Bench.Network" -c Release -r linux-x64 -p:WedgeAot=true -o "$out/aot" -v quiet -nologo >&2; then
  aot="$out/aot/Wedge.Bench.Network"
else
  echo "Native AOT publish failed: no AOT rows" >&2
fi
"$py" "$here/bench.py" generate "$out"
plm=""
if [[ -n "${NETWORKIT_SRC:-}" ]]; then
  echo "building NetworKit's PLM driver from $NETWORKIT_SRC..." >&2
  plm="$("$here/networkit/build.sh" "$NETWORKIT_SRC" "$out/networkit-build" | tail -1)"
else
  echo "NETWORKIT_SRC is not set: no NetworKit rows" >&2
fi

results="$out/communities.jsonl"
: > "$results"
# run GRAPH REPETITION NAME KEY COMMAND...: one JSON line with seconds, modularity and peak MB.
run() {
  local graph=$1 rep=$2 name=$3 key=$4; shift 4
  /usr/bin/time -v -o "$out/run.time" "$@" > "$out/run.json"
  "$py" - "$graph" "$rep" "$name" "$key" "$out/run.json" "$out/run.time" "$(cut -d' ' -f1 /proc/loadavg)" >> "$results" <<'PY'
import json, sys
graph, rep, name, key, result, timing, load = sys.argv[1:]
d = json.load(open(result))
kb = next(int(l.split()[-1]) for l in open(timing) if "Maximum resident set size" in l)
print(json.dumps({"graph": graph, "rep": int(rep), "name": name, "seconds": d[key], "modularity": d[key + "_modularity"],
                  "mb": kb / 1024, "load": float(load)}))
PY
}

for g in $graphs; do
  file="$out/$g.edges"; sources="$out/$g.sources"
  for rep in $(seq "$runs"); do
    echo "$g, repetition $rep: $(uptime)" >&2
    run "$g" "$rep" "Wedge Louvain 1t" louvain env DOTNET_gcServer=0 "$out/bin/Wedge.Bench.Network" "$file" 1 "$sources" 0 louvain
    run "$g" "$rep" "Wedge Louvain 2t" louvain env DOTNET_gcServer=0 "$out/bin/Wedge.Bench.Network" "$file" 2 "$sources" 0 louvain
    run "$g" "$rep" "Wedge Leiden" leiden env DOTNET_gcServer=0 "$out/bin/Wedge.Bench.Network" "$file" 1 "$sources" 0 leiden
    if [[ -n "$aot" ]]; then
      run "$g" "$rep" "Wedge AOT Louvain 1t" louvain "$aot" "$file" 1 "$sources" 0 louvain
      run "$g" "$rep" "Wedge AOT Louvain 2t" louvain "$aot" "$file" 2 "$sources" 0 louvain
      run "$g" "$rep" "Wedge AOT Leiden" leiden "$aot" "$file" 1 "$sources" 0 leiden
    fi
    run "$g" "$rep" "igraph multilevel" louvain "$py" "$here/bench.py" igraph "$file" "$sources" 0 louvain
    run "$g" "$rep" "igraph Leiden" leiden "$py" "$here/bench.py" igraph "$file" "$sources" 0 leiden
    if [[ -n "$plm" ]]; then
      for t in 1 2; do
        run "$g" "$rep" "PLM ${t}t" plm env OMP_NUM_THREADS=$t "$plm" "$file" 0
        run "$g" "$rep" "PLM+refine ${t}t" plm env OMP_NUM_THREADS=$t "$plm" "$file" 1
      done
    fi
  done
done

"$py" - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def median(graph, name, field):
    xs = [r[field] for r in rows if r["graph"] == graph and r["name"] == name]
    return statistics.median(xs) if xs else None
for graph in dict.fromkeys(r["graph"] for r in rows):
    names = list(dict.fromkeys(r["name"] for r in rows if r["graph"] == graph))
    loads = [r["load"] for r in rows if r["graph"] == graph]
    print(f"\n{graph} ({len([r for r in rows if r['graph'] == graph and r['name'] == names[0]])} runs each; "
          f"1-min load average during the runs {min(loads):.1f}-{max(loads):.1f})")
    print(f"{'tool':20} {'seconds':>8} {'modularity':>10} {'peak MB':>8}")
    for n in names:
        print(f"{n:20} {median(graph, n, 'seconds'):8.3f} {median(graph, n, 'modularity'):10.4f} {median(graph, n, 'mb'):8.0f}")
    def ratio(a, b, field):
        x, y = median(graph, a, field), median(graph, b, field)
        return f"{x / y:.2f}" if x is not None and y else "n/a"
    print("ratios (time; peak memory):")
    for a, b in [("Wedge Louvain 1t", "PLM+refine 1t"), ("Wedge Louvain 2t", "PLM+refine 2t"), ("Wedge Louvain 1t", "PLM 1t"),
                 ("Wedge Leiden", "PLM+refine 1t"), ("Wedge Leiden", "igraph Leiden"), ("Wedge Louvain 1t", "igraph multilevel"),
                 ("Wedge AOT Louvain 1t", "PLM+refine 1t"), ("Wedge AOT Louvain 2t", "PLM+refine 2t"),
                 ("Wedge AOT Leiden", "PLM+refine 1t"), ("Wedge AOT Leiden", "igraph Leiden"), ("Wedge AOT Louvain 1t", "igraph multilevel")]:
        if a in names and b in names:
            print(f"  {a} / {b}: {ratio(a, b, 'seconds')}; {ratio(a, b, 'mb')}")
PY
