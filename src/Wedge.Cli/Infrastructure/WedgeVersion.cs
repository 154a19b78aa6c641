using System.Reflection;

namespace Wedge.Cli.Infrastructure;

/// <summary>The version `wedge --version` prints: the informational version stamped on the assembly at build time.</summary>
internal static class WedgeVersion
{
    /// <summary>E.g. "0.1.0+3f2a…" (the commit is appended by the SDK when the build knows it).</summary>
    public static string Informational { get; } =
        typeof(WedgeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(WedgeVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
