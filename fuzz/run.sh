#!/usr/bin/env bash
# Coverage-guided fuzzing of Wedge's readers of outside data: SharpFuzz's instrumentation and afl++ (see fuzz/README.md).
#
#   fuzz/run.sh [--minutes M | --seconds S] [--rounds R] [--no-build] [READER...]
#                                  a campaign: R rounds of M minutes (default 10) per reader, one reader at a time
#   fuzz/run.sh --replay READER FILE...                                 each file once through READER's harness
#   fuzz/run.sh --list                                                  the readers
#   fuzz/run.sh --summary                                               the figures of the campaigns in fuzz/.work
#
# One afl-fuzz at a time, under nice: the machine is shared. Findings, corpora and the campaign log are kept in
# fuzz/.work (not checked in); a crash or hang is a file in fuzz/.work/findings/READER/default/{crashes,hangs}.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${WEDGE_FUZZ_WORK:-$root/fuzz/.work}
bin=$work/bin
log=$work/campaign.tsv
seconds=600
rounds=1
build=1
readers=()

all_readers() { dotnet "$bin/Wedge.Fuzz.dll" --list; }

# The seed folders of each reader in fuzz/seeds (the in-suite mutation fuzzer reads the same folders).
seed_folder() {
  case $1 in
    assessment-parameters) echo params ;;
    *) echo "$1" ;;
  esac
}

build_harness() {
  command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 1; }
  local sharpfuzz
  sharpfuzz=$(command -v sharpfuzz || echo "$HOME/.dotnet/tools/sharpfuzz")
  [ -x "$sharpfuzz" ] || { echo "sharpfuzz not found: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2; exit 1; }
  rm -rf "$bin"
  nice -n 10 dotnet build fuzz/Wedge.Fuzz/Wedge.Fuzz.csproj -c Release -o "$bin" -nologo -v quiet
  # Wedge's own assemblies and the two parsers its readers stand on; the analysis (numerics) is left out, so that
  # coverage means paths through the readers. SharpFuzz instruments in place.
  for assembly in Wedge.Core Wedge.Data Wedge.Application YamlDotNet Sep; do
    "$sharpfuzz" "$bin/$assembly.dll"
  done
}

prepare_corpus() {
  local reader=$1 corpus=$work/corpus/$1
  rm -rf "$corpus" && mkdir -p "$corpus"
  cp "fuzz/seeds/$(seed_folder "$reader")"/* "$corpus/"
  # The real MMP files beside every checkout are not ours to check in; their first rows seed the MMP readers here.
  local mmp=$root/../shared/data/mmp
  case $reader in
    mmp-key) [ -f "$mmp/Militant-Group-Key.csv" ] && head -n 40 "$mmp/Militant-Group-Key.csv" >"$corpus/shared-key-head.csv" ;;
    mmp-relationships) [ -f "$mmp/Militant-Group-Relationships.csv" ] && head -n 25 "$mmp/Militant-Group-Relationships.csv" >"$corpus/shared-relationships-head.csv" ;;
  esac
  return 0
}

stat_of() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1"; }

fuzz_reader() {
  local reader=$1 round=$2 findings=$work/findings/$1
  prepare_corpus "$reader"
  # afl++ empties crashes/ and hangs/ when it resumes a queue: what earlier sessions found is kept in kept/READER.
  local kind
  for kind in crashes hangs; do
    if [ -d "$findings/default/$kind" ]; then
      mkdir -p "$work/kept/$reader/$kind"
      find "$findings/default/$kind" -type f -name 'id:*' -exec cp -n {} "$work/kept/$reader/$kind/" \;
    fi
  done
  mkdir -p "$work/logs" "$work/findings"
  # -t 3000: an input that takes 3 s is a hang (a reader must answer at once); the harness builds its services before
  # afl's first input, so no input pays for start-up. DOTNET_GCHeapHardLimit: 1 GB of managed heap, so unbounded
  # memory becomes an OutOfMemoryException, which afl counts as a crash. AFL_AUTORESUME: a second round continues the
  # first one's queue. AFL_SKIP_BIN_CHECK: `dotnet` itself is not instrumented, the assemblies it loads are.
  # Tried twice: on this loaded machine afl once found no coverage in the first dry run ("No instrumentation
  # detected") where a second start went on normally.
  local attempt
  for attempt in 1 2; do
    if AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1 \
      DOTNET_GCHeapHardLimit=0x40000000 WEDGE_ROOT=$root \
      nice -n 10 afl-fuzz -i "$work/corpus/$reader" -o "$findings" -t 3000 -m none -V "$seconds" \
      -- dotnet "$bin/Wedge.Fuzz.dll" "$reader" >"$work/logs/$reader.round$round.log" 2>&1; then
      break
    fi
    echo "afl-fuzz failed for $reader (attempt $attempt); see $work/logs/$reader.round$round.log" >&2
    [ "$attempt" = 2 ] && return 1
  done
  local stats=$findings/default/fuzzer_stats
  [ -f "$log" ] || printf 'finished\treader\tround\trun_time_s\texecs_done\texecs_per_sec\tcorpus\tcrashes\thangs\tstability\tload_1min\n' >"$log"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$reader" "$round" \
    "$(stat_of "$stats" run_time)" "$(stat_of "$stats" execs_done)" "$(stat_of "$stats" execs_per_sec)" \
    "$(stat_of "$stats" corpus_count)" "$(stat_of "$stats" saved_crashes)" "$(stat_of "$stats" saved_hangs)" \
    "$(stat_of "$stats" stability)" "$(cut -d' ' -f1 /proc/loadavg)" >>"$log"
  tail -n 1 "$log"
}

summary() {
  [ -d "$work/findings" ] || { echo "no campaign in $work"; return; }
  printf '%-22s %12s %9s %8s %8s %6s\n' reader execs seconds execs/s crashes hangs
  local total=0 seconds=0
  for stats in "$work"/findings/*/default/fuzzer_stats; do
    local reader execs time crashes hangs
    reader=$(basename "$(dirname "$(dirname "$stats")")")
    # afl++ carries execs_done and run_time over when it resumes, so the last figures are the reader's totals.
    execs=$(stat_of "$stats" execs_done); time=$(stat_of "$stats" run_time)
    # This session's findings and those kept from earlier sessions, by file name.
    crashes=$({ find "$(dirname "$stats")/crashes" "$work/kept/$reader/crashes" -type f -name 'id:*' -printf '%f\n' 2>/dev/null || true; } | sort -u | wc -l)
    hangs=$({ find "$(dirname "$stats")/hangs" "$work/kept/$reader/hangs" -type f -name 'id:*' -printf '%f\n' 2>/dev/null || true; } | sort -u | wc -l)
    printf '%-22s %12s %9s %8s %8s %6s\n' "$reader" "$execs" "$time" "$((execs / (time > 0 ? time : 1)))" "$crashes" "$hangs"
    total=$((total + execs)); seconds=$((seconds + time))
  done
  printf '%-22s %12s %9s %8s\n' total "$total" "$seconds" "$((total / (seconds > 0 ? seconds : 1)))"
}

while [ $# -gt 0 ]; do
  case $1 in
    --minutes) seconds=$(($2 * 60)); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --list) [ -f "$bin/Wedge.Fuzz.dll" ] || build_harness; all_readers; exit 0 ;;
    --summary) summary; exit 0 ;;
    --replay) shift; [ -f "$bin/Wedge.Fuzz.dll" ] || build_harness; exec dotnet "$bin/Wedge.Fuzz.dll" "$@" ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) readers+=("$1"); shift ;;
  esac
done

mkdir -p "$work"
[ "$build" = 0 ] && [ -f "$bin/Wedge.Fuzz.dll" ] || build_harness
[ ${#readers[@]} -gt 0 ] || mapfile -t readers < <(all_readers)
for round in $(seq 1 "$rounds"); do
  for reader in "${readers[@]}"; do
    fuzz_reader "$reader" "$round" || true
  done
done
summary
