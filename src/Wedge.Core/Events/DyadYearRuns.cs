using Wedge.Core.Collections;

namespace Wedge.Core.Events;

/// <summary>
/// A run of consecutive years in which a dyad-year dataset codes one relationship for one pair: the years
/// <see cref="First"/>..<see cref="Last"/> (both inclusive, no year missing) and the rows that code them, in the
/// order the years run (rows of one year in the order given).
/// </summary>
public sealed record DyadYearRun<TKey, TItem>(TKey Key, int First, int Last, EquatableList<TItem> Items)
{
    /// <summary>How many years the run covers.</summary>
    public int Years => Last - First + 1;
}

/// <summary>
/// The rule that turns dyad-year rows into spells: rows under one key (a pair and the relationship the dataset codes,
/// or a pair and a flow) whose years follow one another without a gap make one run; a year with no row under the key
/// ends the run, and the next row starts another. A different relationship is a different key, so a change of
/// relationship ends a run by leaving a year out of it. Two rows for one key and one year are one year of the run.
/// </summary>
/// <remarks>Pure; docs/import-dyad-years.md states the rule.</remarks>
public static class DyadYearRuns
{
    /// <summary>The runs, ordered by their first year, then by key as <paramref name="keyOrder"/> orders them.</summary>
    public static IReadOnlyList<DyadYearRun<TKey, TItem>> Of<TKey, TItem>(IEnumerable<(TKey Key, int Year, TItem Item)> rows, IComparer<TKey> keyOrder)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keyOrder);
        var byKey = new Dictionary<TKey, List<(int Year, int Order, TItem Item)>>();
        var order = 0;
        foreach (var (key, year, item) in rows)
        {
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            list.Add((year, order++, item));
        }

        var runs = new List<DyadYearRun<TKey, TItem>>();
        foreach (var (key, list) in byKey)
        {
            list.Sort((x, y) => x.Year != y.Year ? x.Year.CompareTo(y.Year) : x.Order.CompareTo(y.Order));
            var start = 0;
            for (var i = 1; i <= list.Count; i++)
            {
                if (i < list.Count && list[i].Year - list[i - 1].Year <= 1)
                {
                    continue;
                }

                runs.Add(new DyadYearRun<TKey, TItem>(key, list[start].Year, list[i - 1].Year, list.GetRange(start, i - start).Select(x => x.Item).ToEquatableList()));
                start = i;
            }
        }

        runs.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : keyOrder.Compare(x.Key, y.Key));
        return runs;
    }
}
