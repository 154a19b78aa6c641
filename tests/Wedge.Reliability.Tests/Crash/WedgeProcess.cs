using System.Diagnostics;
using System.Text;

namespace Wedge.Reliability.Tests.Crash;

/// <summary>The built `wedge` command (beside this test) as a process of its own: one that can be killed, or one of several writers.</summary>
public static class WedgeProcess
{
    /// <summary>Starts `wedge ARGS`; what it writes to standard error is collected in <paramref name="errors"/>.</summary>
    public static Process Start(StringBuilder errors, params string[] args) => Start(errors, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Start(StringBuilder, string[])"/>, with <paramref name="environment"/> set for the child (TMPDIR, say).</summary>
    public static Process Start(StringBuilder errors, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var wedge = Path.Combine(AppContext.BaseDirectory, "wedge.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(wedge);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        // Drained as it runs, so a full pipe never stalls the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs `wedge ARGS` to the end: its exit code and standard error.</summary>
    public static (int Code, string Errors) Run(TimeSpan limit, params string[] args)
    {
        var errors = new StringBuilder();
        using var process = Start(errors, args);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wedge {string.Join(' ', args)} did not finish within {limit.TotalSeconds:F0} s");
        }

        process.WaitForExit();
        lock (errors)
        {
            return (process.ExitCode, errors.ToString());
        }
    }
}
