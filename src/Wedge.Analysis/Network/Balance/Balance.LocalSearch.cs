namespace Wedge.Analysis.Network;

public static partial class Balance
{
    /// <summary>Multi-start greedy: a spanning-tree colouring from a random root, then single-node flips while any lowers the cost.</summary>
    private static (int Cost, sbyte[] Side) LocalSearch(Block b, BalanceOptions options)
    {
        var random = new Random(options.Seed);
        sbyte[]? best = null;
        var bestCost = int.MaxValue;
        var side = new sbyte[b.N];
        var order = Enumerable.Range(0, b.N).ToArray();
        for (var r = 0; r < Math.Max(1, options.Restarts); r++)
        {
            Array.Clear(side);
            var root = random.Next(b.N);
            side[root] = 1;
            var queue = new Queue<int>([root]);
            while (queue.TryDequeue(out var v))
            {
                for (var k = b.Offsets[v]; k < b.Offsets[v + 1]; k++)
                {
                    var w = b.Adj[k];
                    if (side[w] == 0)
                    {
                        side[w] = (sbyte)(side[v] * b.Sign[b.Inc[k]]);
                        queue.Enqueue(w);
                    }
                }
            }

            var improved = true;
            while (improved)
            {
                improved = false;
                random.Shuffle(order);
                foreach (var v in order)
                {
                    var gain = 0;
                    for (var k = b.Offsets[v]; k < b.Offsets[v + 1]; k++)
                    {
                        gain += side[v] * side[b.Adj[k]] == b.Sign[b.Inc[k]] ? -1 : 1;
                    }

                    if (gain > 0)
                    {
                        side[v] = (sbyte)-side[v];
                        improved = true;
                    }
                }
            }

            var cost = b.Cost(side);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = (sbyte[])side.Clone();
            }
        }

        return (bestCost, best!);
    }
}
