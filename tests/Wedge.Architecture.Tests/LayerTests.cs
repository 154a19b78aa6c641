using System.Reflection;
using NetArchTest.Rules;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Architecture.Tests.Fixtures;
using Wedge.Core.Knowledge;
using Wedge.Data.Store;
using Wedge.Reports.Network;

namespace Wedge.Architecture.Tests;

/// <summary>
/// The layer graph (docs and issue 10): Core knows nothing else; Analysis knows Core; Data knows Core; Reports knows
/// Core and Analysis; the application layer uses them all but no host framework; the CLI reads no YAML, draws no
/// chart and opens no database itself; nor does the web host, which knows nothing of the CLI.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = typeof(Snapshot).Assembly;
    private static readonly Assembly Analysis = typeof(SignedGraph).Assembly;
    private static readonly Assembly Data = typeof(WedgeStore).Assembly;
    private static readonly Assembly Reports = typeof(ChartSeries).Assembly;
    private static readonly Assembly Application = typeof(WorkspaceOptions).Assembly;
    private static readonly Assembly Cli = typeof(Wedge.Cli.WedgeApp).Assembly;
    private static readonly Assembly Web = typeof(Wedge.Web.WedgeWeb).Assembly;

    /// <summary>Each rule: the assembly it governs and the namespaces it must not depend on.</summary>
    private static readonly Dictionary<string, (Assembly Assembly, string[] Forbidden)> Rules = new()
    {
        ["core-knows-nothing-else"] = (Core,
            ["Wedge.Analysis", "Wedge.Data", "Wedge.Reports", "Wedge.Application", "Wedge.Cli", "YamlDotNet", "ScottPlot", "Microsoft.Data.Sqlite", "Npgsql", "Spectre", "Microsoft.AspNetCore"]),
        ["data-knows-only-core"] = (Data, ["Wedge.Analysis", "Wedge.Reports", "Wedge.Application", "Wedge.Cli"]),
        ["analysis-is-pure"] = (Analysis, ["Wedge.Data", "Wedge.Reports", "Wedge.Application", "Wedge.Cli", "Microsoft.Data.Sqlite", "YamlDotNet", "ScottPlot", "Spectre"]),
        // HTTP is the web host's; Identity's password hasher (namespace Microsoft.AspNetCore.Identity, no host in it) is allowed.
        ["application-has-no-host"] = (Application, ["Spectre", "Microsoft.AspNetCore.Http", "Wedge.Cli"]),
        // File formats (YAML included) are Wedge.Data's; the application layer applies rules to what they read.
        ["application-reads-no-yaml"] = (Application, ["YamlDotNet"]),
        ["cli-reads-no-yaml-draws-no-chart-opens-no-database"] = (Cli, ["YamlDotNet", "ScottPlot", "Microsoft.Data.Sqlite", "Npgsql"]),
        ["web-is-a-thin-host"] = (Web, ["YamlDotNet", "ScottPlot", "Microsoft.Data.Sqlite", "Npgsql", "Spectre", "Wedge.Cli"]),
    };

    public static TheoryData<string> RuleNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Rules.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static TheoryData<string, string> RuleEntries
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (name, rule) in Rules)
            {
                foreach (var forbidden in rule.Forbidden)
                {
                    data.Add(name, forbidden);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Rule_HoldsForItsAssembly(string rule)
    {
        var (assembly, forbidden) = Rules[rule];
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{rule}: {string.Join(", ", result.FailingTypeNames ?? [])} depend on one of: {string.Join(", ", forbidden)}");
    }

    [Theory]
    [MemberData(nameof(RuleEntries))]
    public void Rule_DetectsAKnownBadReference(string rule, string forbidden)
    {
        // The fixture depends on every forbidden namespace; each entry of each rule must flag it.
        var result = Types.InAssembly(typeof(ForbiddenReferences).Assembly).That().HaveName(nameof(ForbiddenReferences))
            .ShouldNot().HaveDependencyOn(forbidden).GetResult();
        Assert.False(result.IsSuccessful, $"{rule}: the check for '{forbidden}' did not see the fixture's reference");
    }

    [Fact]
    public void Core_ReferencesOnlyTheFramework()
    {
        // Namespaces catch known packages; this catches any package at all: every assembly Core references must be
        // part of the .NET runtime it runs on.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var outside = Core.GetReferencedAssemblies().Where(a => !File.Exists(Path.Combine(runtime, a.Name + ".dll"))).Select(a => a.Name).ToList();
        Assert.True(outside.Count == 0, $"Wedge.Core references assemblies outside the .NET runtime: {string.Join(", ", outside)}");
    }

    [Fact]
    public void ReferencedAssemblies_FollowTheLayerGraph()
    {
        // As compiled: the compiler keeps only the references the code uses.
        static IReadOnlySet<string> Wedge(Assembly a) => a.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Wedge.", StringComparison.Ordinal)).ToHashSet();
        Assert.Empty(Wedge(Core));
        Assert.Equal(new[] { "Wedge.Core" }, Wedge(Analysis).Order());
        Assert.Equal(new[] { "Wedge.Core" }, Wedge(Data).Order());
        Assert.DoesNotContain("Wedge.Application", Wedge(Reports));
        Assert.DoesNotContain("Wedge.Data", Wedge(Reports));
    }
}
