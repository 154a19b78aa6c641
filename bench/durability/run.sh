#!/usr/bin/env bash
# Wedge vs R survival on the same generated data (issue 12's benchmark):
#   Cox (Efron) on SUBJECTS subjects in counting-process form (about 2.2 rows a subject: 140,000 give ~300,000 rows)
#   x 8 covariates;
#   Kaplan-Meier on KM_ROWS rows.
# Prints the fit alone in each tool (one warm-up, median of three; Wedge.Bench.Durability times SurvivalCsv + CoxModel in
# one process, R times coxph/survfit with system.time), wall seconds and peak memory (max RSS, /usr/bin/time -v) of
# whole runs of `wedge durability cox|km` and of the R script, the ratios, and whether Wedge's coefficients, standard errors, log-likelihoods and a KM point with its band match
# R's to 1e-6 relative.
#
#   bench/durability/run.sh [SUBJECTS] [KM_ROWS]      (defaults 140000 and 1000000)
#
# BENCH_TSV=FILE also appends rows for bench/run-all.
# Needs: Debian's r-base-core and r-cran-survival, python3-numpy (/usr/bin/python3), /usr/bin/time, the .NET SDK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
subjects="${1:-140000}"; km_rows="${2:-1000000}"
out="${OUT:-/tmp/wedge-bench-durability}"
mkdir -p "$out"
for tool in Rscript /usr/bin/time; do command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install r-cran-survival time)" >&2; exit 1; }; done

echo "building wedge (Release)..." >&2
dotnet build "$repo/src/Wedge.Cli" -c Release -o "$out/bin" -v quiet -nologo >&2
dotnet build "$here/Wedge.Bench.Durability" -c Release -o "$out/bench" -v quiet -nologo >&2
echo "generating $subjects subjects and $km_rows KM rows..." >&2
/usr/bin/python3 "$here/gen.py" "$out" "$subjects" "$km_rows"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cox.csv: $(($(wc -l < "$out/cox.csv") - 1)) rows; km.csv: $(($(wc -l < "$out/km.csv") - 1)) rows"

peak() { grep "Maximum resident set size" "$1" | awk '{print $6}'; }
wall() { grep "Elapsed (wall clock)" "$1" | awk '{print $NF}'; }
covs=x1,x2,x3,x4,x5,x6,x7,x8

/usr/bin/time -v -o "$out/r-cox.time" Rscript "$here/fit.R" cox "$out/cox.csv" > "$out/r-cox.txt"
/usr/bin/time -v -o "$out/w-cox.time" dotnet "$out/bin/wedge.dll" durability cox --input "$out/cox.csv" \
  --start start --time stop --event event --covariates "$covs" --json > "$out/w-cox.json"
/usr/bin/time -v -o "$out/r-km.time" Rscript "$here/fit.R" km "$out/km.csv" > "$out/r-km.txt"
/usr/bin/time -v -o "$out/w-km.time" dotnet "$out/bin/wedge.dll" durability km --input "$out/km.csv" \
  --time time --event event --json > "$out/w-km.json"

dotnet "$out/bench/Wedge.Bench.Durability.dll" cox "$out/cox.csv" > "$out/wb-cox.txt"
dotnet "$out/bench/Wedge.Bench.Durability.dll" km "$out/km.csv" > "$out/wb-km.txt"

/usr/bin/python3 - "$out" "$(wall "$out/r-cox.time")" "$(wall "$out/w-cox.time")" "$(peak "$out/r-cox.time")" "$(peak "$out/w-cox.time")" \
  "$(wall "$out/r-km.time")" "$(wall "$out/w-km.time")" "$(peak "$out/r-km.time")" "$(peak "$out/w-km.time")" <<'PY'
import json, sys
out = sys.argv[1]
def secs(s):
    parts = [float(p) for p in s.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
r_cox_wall, w_cox_wall, r_cox_kb, w_cox_kb, r_km_wall, w_km_wall, r_km_kb, w_km_kb = sys.argv[2:]
def rel(a, b):
    return abs(a - b) / max(abs(b), 1e-300)

def r_lines(path):
    rows = {}
    for line in open(path):
        k, *v = line.split()
        rows.setdefault(k, []).append(v)
    return rows

r = r_lines(f"{out}/r-cox.txt")
w = json.load(open(f"{out}/w-cox.json"))
worst = 0.0
for (name, coef, se) in r["coef"]:
    c = next(x for x in w["coefficients"] if x["name"] == name)
    worst = max(worst, rel(c["coef"], float(coef)), rel(c["se"], float(se)))
ll = [float(x) for x in r["loglik"][0]]
worst = max(worst, rel(w["loglik"][0], ll[0]), rel(w["loglik"][1], ll[1]))
r_fit = float(r["fit_seconds"][0][0])
wb = r_lines(f"{out}/wb-cox.txt")
w_fit = float(wb["fit_seconds"][0][0])
print(f"cox (efron), {w['n']} rows, {w['events']} events, 8 covariates")
print(f"  fit alone: R coxph {r_fit:.3f} s, Wedge {w_fit:.3f} s: ratio Wedge/R {w_fit/r_fit:.2f}")
print(f"  whole runs: R script {secs(r_cox_wall):.2f} s (peak {int(r_cox_kb)/1024:.0f} MB), wedge durability cox {secs(w_cox_wall):.2f} s (peak {int(w_cox_kb)/1024:.0f} MB): ratio {secs(w_cox_wall)/secs(r_cox_wall):.2f}")
print(f"  largest relative difference (coef, se, loglik): {worst:.2e} -> {'match' if worst < 1e-6 else 'MISMATCH'}")

k = json.load(open(f"{out}/w-km.json"))["curves"][0]
rk = r_lines(f"{out}/r-km.txt")
t, s, lo, hi = (float(x) for x in rk["surv_at"][0])
i = k["time"].index(t)
km_worst = max(rel(k["survival"][i], s), rel(k["lower"][i], lo), rel(k["upper"][i], hi))
points_ok = len(k["time"]) == int(rk["points"][0][0])
r_km_fit = float(rk["fit_seconds"][0][0])
w_km_fit = float(r_lines(f"{out}/wb-km.txt")["fit_seconds"][0][0])
print(f"kaplan-meier, {sum(k['nEvent']) + sum(k['nCensor'])} rows, {len(k['time'])} distinct times")
print(f"  fit alone: R survfit {r_km_fit:.3f} s, Wedge {w_km_fit:.3f} s: ratio Wedge/R {w_km_fit/r_km_fit:.2f}")
print(f"  whole runs: R script {secs(r_km_wall):.2f} s (peak {int(r_km_kb)/1024:.0f} MB), wedge durability km {secs(w_km_wall):.2f} s (peak {int(w_km_kb)/1024:.0f} MB): ratio {secs(w_km_wall)/secs(r_km_wall):.2f}")
print(f"  same distinct times: {points_ok}; S(t), band at t={t}: largest relative difference {km_worst:.2e} -> {'match' if km_worst < 1e-6 and points_ok else 'MISMATCH'}")
import os
if os.environ.get("BENCH_TSV"):  # rows for bench/run-all: the fit alone in each tool, peak memory of the whole runs
    with open(os.environ["BENCH_TSV"], "a") as tsv:
        cox_ok, km_ok = worst < 1e-6, km_worst < 1e-6 and points_ok
        print(f"Cox (Efron) fit, {w['n']:,} rows{'' if cox_ok else ' (MISMATCH)'}\t{w_fit:.3f}\tR survival\t{r_fit:.3f}\t{int(w_cox_kb) / 1024:.0f}\t{int(r_cox_kb) / 1024:.0f}\t<= 0.5x R, same to 1e-6\t{'met' if cox_ok and w_fit <= 0.5 * r_fit else 'missed'}", file=tsv)
        print(f"Kaplan-Meier fit, {sum(k['nEvent']) + sum(k['nCensor']):,} rows{'' if km_ok else ' (MISMATCH)'}\t{w_km_fit:.3f}\tR survival\t{r_km_fit:.3f}\t{int(w_km_kb) / 1024:.0f}\t{int(r_km_kb) / 1024:.0f}\tsame to 1e-6 (no time goal)\t{'met' if km_ok else 'missed'}", file=tsv)
PY
