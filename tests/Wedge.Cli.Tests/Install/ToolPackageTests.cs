using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Wedge.Cli.Tests.Install;

/// <summary>
/// The README's install path, end to end and offline: `dotnet pack` the CLI as a .NET tool, `dotnet tool install` it
/// from that folder into a tool path, and run the installed `wedge`. Packs the build the tests already made
/// (--no-build) and keeps every output in a temp folder, so it takes seconds and leaves the tree as it was.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempDir temp = new("wedge-tool-tests");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void PackInstallRun_InstalledWedgePrintsItsVersion()
    {
        var feed = temp.File("feed");
        Run("dotnet", "pack", Repository.File("src", "Wedge.Cli", "Wedge.Cli.csproj"), "--no-build", "-c", Configuration, "-o", feed,
            $"-p:PublishDir={temp.File("publish")}/", $"-p:NuspecOutputPath={temp.File("nuspec")}/", "-nologo");
        Assert.Single(Directory.GetFiles(feed, "Wedge.Cli.*.nupkg"));

        // A config that names no source: with --add-source, the local folder is the only place the tool can come from.
        var config = temp.File("nuget.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
        var tools = temp.File("tools");
        Run("dotnet", "tool", "install", "--tool-path", tools, "--add-source", feed, "--configfile", config, "Wedge.Cli");

        var wedge = Path.Combine(tools, OperatingSystem.IsWindows() ? "wedge.exe" : "wedge");
        var (stdout, stderr) = Run(wedge, "--version");
        Assert.Equal(Stamped, stdout.Trim());
        Assert.Equal("", stderr);
    }

    private static string Stamped => typeof(WedgeApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    /// <summary>The configuration these tests were built in: the CLI was built in the same one, so --no-build finds it.</summary>
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private (string Out, string Err) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // A package cache of its own: a Wedge.Cli of the same version cached by an earlier run must not stand in for this build.
        start.Environment["NUGET_PACKAGES"] = temp.File("packages");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The installed shim finds the runtime through DOTNET_ROOT: the one running these tests.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}\n{stdout.Result}\n{stderr}");
        return (stdout.Result, stderr);
    }
}
