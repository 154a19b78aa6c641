using System.Globalization;
using Wedge.Analysis.Durability;
using Wedge.Core.Durability;
using Wedge.Data.Survival;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>Numbers R's survival package computed on its own datasets (see fixtures/README.md), and the datasets.</summary>
internal static class RFixture
{
    /// <summary>Relative tolerance the issue asks for; absolute near zero.</summary>
    public const double Tolerance = 1e-6;

    public static string Folder => Path.Combine(Repository.Root, "tests", "Wedge.Analysis.Tests", "Durability", "fixtures");

    private static readonly Dictionary<string, Dictionary<(string Case, string Quantity), double[]>> Files = [];

    /// <summary>Values of one quantity of one case in expected/{file}.csv; NaN for R's NA.</summary>
    public static double[] Values(string file, string caseName, string quantity)
    {
        Dictionary<(string, string), double[]> table;
        lock (Files)
        {
            if (!Files.TryGetValue(file, out table!))
            {
                table = File.ReadLines(Path.Combine(Folder, "expected", file + ".csv")).Skip(1)
                    .Select(l => l.Split(','))
                    .GroupBy(f => (f[0], f[1]))
                    .ToDictionary(g => g.Key, g => g.OrderBy(f => int.Parse(f[2], CultureInfo.InvariantCulture))
                        .Select(f => f[3] == "NA" ? double.NaN : double.Parse(f[3], CultureInfo.InvariantCulture)).ToArray());
                Files[file] = table;
            }
        }

        return table.TryGetValue((caseName, quantity), out var values) ? values : throw new KeyNotFoundException($"{file}: no {caseName}/{quantity}");
    }

    public static bool Has(string file, string caseName, string quantity)
    {
        try
        {
            Values(file, caseName, quantity);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    public static SurvivalData Data(string dataset, SurvivalColumns columns)
    {
        var read = SurvivalCsv.Read(Path.Combine(Folder, "data", dataset + ".csv"), columns);
        Assert.True(read.IsSuccess, string.Join("; ", read.Errors));
        return read.Table!.Data;
    }

    /// <summary>Asserts |expected − actual| ≤ tolerance × max(|expected|, 1e-300) element-wise, with an absolute floor for values R prints as ~0; NaN must match NaN.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double tolerance = Tolerance, double absolute = 1e-12)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) || double.IsNaN(a))
            {
                Assert.True(double.IsNaN(e) && double.IsNaN(a), $"{what}[{i}]: expected {e:R}, got {a:R}");
                continue;
            }

            if (double.IsInfinity(e) || double.IsInfinity(a))
            {
                Assert.True(e == a, $"{what}[{i}]: expected {e:R}, got {a:R}");
                continue;
            }

            var error = Math.Abs(e - a);
            Assert.True(error <= Math.Max(tolerance * Math.Abs(e), absolute), $"{what}[{i}]: expected {e:R}, got {a:R} (relative error {error / Math.Abs(e):E2})");
        }
    }

    public static void Close(double expected, double actual, string what, double tolerance = Tolerance) => Close([expected], [actual], what, tolerance);
}
