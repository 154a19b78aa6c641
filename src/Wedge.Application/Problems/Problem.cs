namespace Wedge.Application.Problems;

/// <summary>What kind of failure a <see cref="Problem"/> is; each host maps it to its own status (the CLI to an exit code).</summary>
public enum ProblemKind
{
    /// <summary>Something named does not exist (an actor, a fact, a file).</summary>
    NotFound,

    /// <summary>The input was understood and refused (invalid data, an unusable database); nothing was changed.</summary>
    Refused,

    /// <summary>The request itself is malformed (a bad option value, a missing argument).</summary>
    Usage,

    /// <summary>The request clashes with the state of the record (written by someone else meanwhile, already retracted).</summary>
    Conflict,

    /// <summary>A defect in Wedge itself, not something the user caused.</summary>
    Internal,

    /// <summary>The caller has not proved who they are (not signed in, a session or token that expired or was ended).</summary>
    Unauthenticated,

    /// <summary>The caller is known but their role does not allow this.</summary>
    Forbidden,
}

/// <summary>
/// One failure, as every host reports it: a stable machine-readable <see cref="Code"/> (kebab case),
/// a message for people, and where in a file the problem lies when it lies in one. Equality is by value.
/// </summary>
public sealed record Problem(ProblemKind Kind, string Code, string Message, string? File = null, int? Line = null, int? Column = null)
{
    /// <summary>The message, with an overlong quote from outside data shortened (<see cref="Core.Text.MessageText"/>).</summary>
    public string Message { get; init; } = Core.Text.MessageText.Cap(Message);

    public static Problem NotFound(string code, string message) => new(ProblemKind.NotFound, code, message);

    public static Problem Refused(string code, string message) => new(ProblemKind.Refused, code, message);

    public static Problem Usage(string code, string message) => new(ProblemKind.Usage, code, message);

    public static Problem Conflict(string code, string message) => new(ProblemKind.Conflict, code, message);

    public static Problem Internal(string code, string message) => new(ProblemKind.Internal, code, message);

    public static Problem Unauthenticated(string code, string message) => new(ProblemKind.Unauthenticated, code, message);

    public static Problem Forbidden(string code, string message) => new(ProblemKind.Forbidden, code, message);

    public Problem At(string? file, int? line = null, int? column = null) => this with { File = file, Line = line, Column = column };

    /// <summary>The exception that carries this problem up to the host.</summary>
    public ProblemException Exception() => new(this);
}

/// <summary>
/// The one exception the application layer throws for failures a user can cause or fix. Hosts catch
/// it and show <see cref="Problem"/> without a stack trace.
/// </summary>
public sealed class ProblemException(Problem problem, Exception? inner = null) : Exception(problem.Message, inner)
{
    public ProblemException(ProblemKind kind, string code, string message)
        : this(new Problem(kind, code, message))
    {
    }

    public Problem Problem { get; } = problem;
}

/// <summary>The exit codes of the command line, documented in the README.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int RefusedOrNotFound = 1;
    public const int Usage = 2;
    public const int Conflict = 3;

    /// <summary>A defect in Wedge (BSD sysexits' EX_SOFTWARE): never caused by input.</summary>
    public const int Internal = 70;

    public static int Of(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound or ProblemKind.Refused or ProblemKind.Unauthenticated or ProblemKind.Forbidden => RefusedOrNotFound,
        ProblemKind.Usage => Usage,
        ProblemKind.Conflict => Conflict,
        _ => Internal,
    };
}
