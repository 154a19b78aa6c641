namespace Wedge.Cli.Infrastructure;

/// <summary>
/// A failure the user can fix (bad input, unknown name, unwritable path). The CLI prints its
/// message, without a stack trace, and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class UserError(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
