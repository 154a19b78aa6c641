using System.Reflection;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests.Install;

/// <summary>`wedge --version` prints the version stamped on the build, on standard output, and exits 0.</summary>
public sealed class VersionTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new TestConsole().Width(400);
        var errors = new TestConsole().Width(400);
        var code = WedgeApp.Create(output, errors: errors).Run(args);
        return (code, output.Output, errors.Output);
    }

    private static string Stamped => typeof(WedgeApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    [Theory]
    [InlineData("--version")]
    [InlineData("-v")]
    public void Version_PrintsInformationalVersion_Exit0(string flag)
    {
        var (code, stdout, stderr) = Run(flag);
        Assert.Equal(0, code);
        Assert.Equal(Stamped, stdout.Trim());
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Version_IsTheProjectVersion_NotTheSdkDefault()
    {
        // Without a version in Directory.Build.props every assembly says 1.0.0; the tool package would too.
        Assert.Matches(@"^\d+\.\d+\.\d+", Stamped);
        Assert.False(Stamped.StartsWith("1.0.0", StringComparison.Ordinal), Stamped);
    }
}
