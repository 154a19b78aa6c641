using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

public static partial class Centrality
{
    /// <summary>
    /// Eigenvector centrality: the leading eigenvector of the adjacency matrix (weights used when
    /// <paramref name="weighted"/>), non-negative, with Euclidean norm 1 (networkx's scaling; igraph
    /// scales the maximum to 1). Found by power iteration on A + I, which converges for bipartite
    /// graphs too. In a disconnected graph the vector lives on the component with the largest
    /// eigenvalue and is 0 elsewhere.
    /// </summary>
    public static IterativeResult Eigenvector(SignedGraph graph, bool weighted = false, double tolerance = 1e-15, int maxIterations = 100_000)
    {
        ArgumentNullException.ThrowIfNull(graph);
        weighted &= graph.IsWeighted; // all weights 1: the unweighted sums, without an array of ones
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new IterativeResult([], 0, true);
        }

        var offsets = graph.Offsets;
        var adj = graph.Adjacency;
        var inc = graph.Incidence;
        var w = graph.EdgeWeights;
        var x = new double[n];
        var y = new double[n];
        Array.Fill(x, 1.0 / Math.Sqrt(n));
        for (var it = 1; it <= maxIterations; it++)
        {
            double norm = 0;
            for (var v = 0; v < n; v++)
            {
                var s = x[v];
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    s += weighted ? w[inc[k]] * x[adj[k]] : x[adj[k]];
                }

                y[v] = s;
                norm += s * s;
            }

            norm = Math.Sqrt(norm);
            double change = 0;
            for (var v = 0; v < n; v++)
            {
                y[v] /= norm;
                change = Math.Max(change, Math.Abs(y[v] - x[v]));
            }

            (x, y) = (y, x);
            if (change < tolerance)
            {
                return new IterativeResult(x.ToEquatableList(), it, true);
            }
        }

        return new IterativeResult(x.ToEquatableList(), maxIterations, false);
    }
}

/// <summary>Scores from an iterative method, with how many iterations it took and whether it met its tolerance.</summary>
public sealed record IterativeResult(EquatableList<double> Scores, int Iterations, bool Converged);
