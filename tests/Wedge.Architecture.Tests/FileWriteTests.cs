using System.Reflection;
using NetArchTest.Rules;
using Wedge.Analysis.Network;
using Wedge.Architecture.Tests.Fixtures;
using Wedge.Core.Knowledge;
using Wedge.Reports.Network;

namespace Wedge.Architecture.Tests;

/// <summary>
/// Files are written in one place (Wedge.Data's AtomicFile, used by the store and the application layer):
/// Core and the analyses touch no disk, and Reports draws and renders, leaving the writing (and any
/// browser it takes to print a PDF) to its caller.
/// </summary>
public sealed class FileWriteTests
{
    private static readonly string[] DiskAndProcesses = ["System.IO.File", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.Directory", "System.Diagnostics.Process"];

    public static TheoryData<string> Layers => new() { "core", "analysis", "reports" };

    private static Assembly Layer(string name) => name switch
    {
        "core" => typeof(Snapshot).Assembly,
        "analysis" => typeof(SignedGraph).Assembly,
        _ => typeof(ChartSeries).Assembly,
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_WritesNoFilesAndStartsNoProcesses(string layer)
    {
        var result = Types.InAssembly(Layer(layer)).ShouldNot().HaveDependencyOnAny(DiskAndProcesses).GetResult();
        Assert.True(result.IsSuccessful, $"{layer}: {string.Join(", ", result.FailingTypeNames ?? [])} use the disk or start a process");
    }

    [Fact]
    public void Check_SeesAFileWrite()
    {
        var result = Types.InAssembly(typeof(WritesFiles).Assembly).That().HaveName(nameof(WritesFiles))
            .ShouldNot().HaveDependencyOnAny(DiskAndProcesses).GetResult();
        Assert.False(result.IsSuccessful, "the rule did not see the fixture's file writes");
    }
}
