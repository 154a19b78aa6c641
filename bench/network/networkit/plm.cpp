// NetworKit's PLM on one edge list, called as its Python API calls it:
//   networkit.community.PLM(G, refine, gamma=1.0, par="balanced", maxIter=32, turbo=True, recurse=True).run()
// then networkit.community.Modularity().getQuality(partition, G).
// Usage: plm FILE REFINE(0|1)   (threads from OMP_NUM_THREADS). Prints one JSON object.
// The file holds "a b" integer pairs, one per line (bench.py generate writes them); node ids are 0..max.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <omp.h>

#include <networkit/community/Modularity.hpp>
#include <networkit/community/PLM.hpp>
#include <networkit/graph/Graph.hpp>

int main(int argc, char **argv) {
    if (argc < 3) {
        std::cerr << "usage: plm FILE REFINE(0|1)\n";
        return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    // Two passes over the file (count the nodes, then add the edges) so that no edge buffer inflates the peak memory.
    NetworKit::node a, b, n = 0;
    {
        std::ifstream in(argv[1]);
        while (in >> a >> b)
            n = std::max(n, std::max(a, b) + 1);
    }
    NetworKit::Graph G(n);
    {
        std::ifstream in(argv[1]);
        while (in >> a >> b)
            G.addEdge(a, b);
    }
    auto t1 = std::chrono::steady_clock::now();
    NetworKit::PLM plm(G, argv[2][0] == '1', 1.0, "balanced", 32, true, true);
    plm.run();
    auto t2 = std::chrono::steady_clock::now();
    auto zeta = plm.getPartition();
    double q = NetworKit::Modularity().getQuality(zeta, G);
    std::printf("{\"load\": %.6f, \"nodes\": %llu, \"edges\": %llu, \"threads\": %d, \"plm\": %.6f, \"plm_modularity\": %.12f, \"plm_communities\": %llu}\n",
                std::chrono::duration<double>(t1 - t0).count(), (unsigned long long)G.numberOfNodes(),
                (unsigned long long)G.numberOfEdges(), omp_get_max_threads(),
                std::chrono::duration<double>(t2 - t1).count(), q, (unsigned long long)zeta.numberOfSubsets());
    return 0;
}
