#!/usr/bin/env bash
# Builds bench/network/networkit/plm (NetworKit's PLM driver) from a NetworKit source folder.
#
#   networkit/build.sh SOURCE_DIR BUILD_DIR      (prints the driver's path)
#
# SOURCE_DIR is NetworKit 11.2.1 with its submodules extlibs/tlx and extlibs/ttmath filled (see README.md:
# this script cannot download anything). NetworKit is configured with cmake as its own build does
# (Release, -O3 -fopenmp), but only the objects PLM needs are compiled (about 20 of its 320 sources: the
# graph, partition, coarsening and community files, auxiliary, tlx), which takes minutes instead of an hour
# on two cores. The driver is linked from those objects.
set -euo pipefail
src="$(cd "$1" && pwd)"
build="$2"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$build"
build="$(cd "$build" && pwd)"
if [[ ! -f "$src/extlibs/tlx/CMakeLists.txt" || ! -d "$src/extlibs/ttmath/ttmath" ]]; then
  echo "$src: extlibs/tlx or extlibs/ttmath is empty (fill the submodules first)" >&2
  exit 1
fi
if [[ ! -f "$build/Makefile" ]]; then
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="-O3 -fopenmp" -DNETWORKIT_QUIET_LOGGING=ON >&2
fi
objects=(
  GlobalState
  auxiliary/BloomFilter auxiliary/BucketPQ auxiliary/Log auxiliary/NumericTools auxiliary/Parallelism
  auxiliary/Random auxiliary/SignalHandling auxiliary/Timer
  coarsening/ClusteringProjector coarsening/GraphCoarsening coarsening/ParallelPartitionCoarsening
  community/CommunityDetectionAlgorithm community/Coverage community/Modularity community/PLM
  graph/EdgeIterators graph/Graph graph/GraphBuilder graph/GraphTools graph/TopologicalSort
  structures/Partition structures/UnionFind
)
targets=()
for o in "${objects[@]}"; do targets+=("networkit/cpp/$o.o"); done
make -C "$build" -j2 tlx "${targets[@]}" >&2
files=()
for o in "${objects[@]}"; do files+=("$build/CMakeFiles/networkit.dir/networkit/cpp/$o.cpp.o"); done
g++ -O3 -DNDEBUG -fopenmp -std=gnu++20 -DNETWORKIT_QUIET_LOGGING -DNETWORKIT_RELEASE_LOGGING \
  -I"$src/include" -I"$src/extlibs/tlx" -I"$src/extlibs/ttmath" \
  "$here/plm.cpp" "${files[@]}" "$build/extlibs/tlx/tlx/libtlx.a" -o "$build/plm"
echo "$build/plm"
