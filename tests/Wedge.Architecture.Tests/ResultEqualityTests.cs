using System.Collections;
using System.Reflection;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Architecture.Tests.Fixtures;
using Wedge.Core.Collections;
using Wedge.Reports.Network;

namespace Wedge.Architecture.Tests;

/// <summary>
/// Results claim value semantics: a public record in the analyses, reports or the application layer compares by
/// content, so it may hold no array or list (whose equality is by reference), only Core's
/// <see cref="EquatableList{T}"/> and <see cref="EquatableMap{TKey, TValue}"/>.
/// </summary>
public sealed class ResultEqualityTests
{
    /// <summary>Public record properties whose type compares by reference although it holds many values.</summary>
    internal static IReadOnlyList<string> ReferenceEqualCollections(IEnumerable<Type> types)
        => types.Where(t => t.IsPublic || t.IsNestedPublic)
            .Where(IsRecord)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetIndexParameters().Length == 0 && IsStored(t, p) && ComparesByReference(p.PropertyType))
                .Select(p => $"{t.FullName}.{p.Name} ({p.PropertyType.Name})"))
            .Order(StringComparer.Ordinal)
            .ToList();

    // The compiler gives every record a protected EqualityContract property; classes do not have one.
    private static bool IsRecord(Type t)
        => t.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    // Record equality compares fields; a computed property (no backing field) takes no part in it.
    private static bool IsStored(Type t, PropertyInfo p)
        => t.GetField($"<{p.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static bool ComparesByReference(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        return !(type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(EquatableList<>) || type.GetGenericTypeDefinition() == typeof(EquatableMap<,>)));
    }

    [Fact]
    public void AnalysisApplicationAndReportsRecords_HoldNoReferenceEqualCollections()
    {
        var offenders = ReferenceEqualCollections(typeof(SignedGraph).Assembly.GetTypes().Concat(typeof(WorkspaceOptions).Assembly.GetTypes())
            .Concat(typeof(ChartSeries).Assembly.GetTypes()));
        Assert.True(offenders.Count == 0, "Use EquatableList/EquatableMap in these record properties:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Check_SeesArraysAndLists()
    {
        // The rule must be able to fail: the fixture holds an array and a read-only list, and a well-formed record holds neither.
        var offenders = ReferenceEqualCollections([typeof(RecordWithArrays), typeof(WellFormedRecord)]);
        Assert.Equal(2, offenders.Count);
        Assert.All(offenders, o => Assert.Contains(nameof(RecordWithArrays), o));
    }
}
