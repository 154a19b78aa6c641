using System.Globalization;
using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;
using Wedge.Data.Scenarios;

namespace Wedge.Analysis.Tests.Negotiation;

/// <summary>Shared data: KTAB's sample scenario and the positions the peer computed for it (tests/fixtures/ktab).</summary>
internal static class Fixtures
{
    public static string KtabDir => Repository.Fixture("ktab");

    public static Scenario Dummy3Dim() => KtabCsv.ReadFile(Path.Combine(KtabDir, "dummyData_3Dim.csv"));

    /// <summary>positions[turn][actor][dim] on 0–100, as the peer printed them (full precision).</summary>
    public static double[][][] PeerPositions()
    {
        var rows = File.ReadAllLines(Path.Combine(KtabDir, "dummyData_3Dim.positions_by_turn.csv")).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(c => (Turn: int.Parse(c[0], CultureInfo.InvariantCulture), Actor: int.Parse(c[1], CultureInfo.InvariantCulture),
                Dim: int.Parse(c[3], CultureInfo.InvariantCulture), Pos: double.Parse(c[5], CultureInfo.InvariantCulture)))
            .ToList();
        var turns = rows.Max(r => r.Turn) + 1;
        var actors = rows.Max(r => r.Actor) + 1;
        var dims = rows.Max(r => r.Dim) + 1;
        var result = new double[turns][][];
        for (var t = 0; t < turns; t++)
        {
            result[t] = new double[actors][];
            for (var a = 0; a < actors; a++)
            {
                result[t][a] = new double[dims];
            }
        }

        foreach (var r in rows)
        {
            result[r.Turn][r.Actor][r.Dim] = r.Pos;
        }

        return result;
    }
}
