using System.Text.Json;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Notices;
using Wedge.Application.Problems;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// Turns every failure into a <see cref="Problem"/> and shows it on the error console, never on standard output:
/// as <c>error: message</c>, or with --json as one JSON object on one line <c>{code, message, file?, line?, column?}</c>
/// (plus kind). Returns the documented exit code. Only a defect in Wedge shows a stack trace.
/// Notices (a database created, a read date past the record) go the same way, as they come: <c>note: …</c> or
/// <c>warning: …</c>, or with --json one line <c>{level, code, message}</c> each, so with --json every line of standard
/// error is one JSON object and an error, if any, is the last.
/// </summary>
internal sealed partial class ErrorReporter(IAnsiConsole errors) : INoticeSink
{
    /// <summary>As <see cref="WedgeJson.Options"/>, on one line: a script reads standard error line by line.</summary>
    private static readonly JsonSerializerOptions OneLine = new(WedgeJson.Options) { WriteIndented = false };

    /// <summary>The arguments of the run, for --json and for naming the option whose value could not be read.</summary>
    public IReadOnlyList<string> Arguments { get; set; } = [];

    /// <summary>Set once the command's own code runs: a failure before that lies in the command line itself.</summary>
    public bool Executing { get; set; }

    public int Report(Exception exception)
    {
        var inner = exception is CommandRuntimeException { InnerException: { } i } ? i : exception;
        var problem = inner switch
        {
            ProblemException p => p.Problem,
            CommandParseException when CommandCatalog.Explain(Arguments) is { } unknown => unknown,
            CommandAppException cli => Problem.Usage("usage", cli.Message),
            OperationCanceledException => Problem.Refused("cancelled", "cancelled; nothing was written"),
            // Spectre's value conversion throws the converter's own exception while binding options, before the command runs.
            ArgumentException or FormatException or InvalidOperationException when !Executing => Problem.Usage("bad-option-value", BadValue(inner)),
            _ => null,
        };
        if (problem is null)
        {
            // A defect: the stack trace is what a bug report needs.
            problem = Problem.Internal("internal-error", $"unexpected error (a defect in Wedge; please report it): {inner}");
        }

        Show(problem);
        return ExitCodes.Of(problem.Kind);
    }

    public void Notify(Notice notice)
    {
        if (Json)
        {
            WriteJsonLine(new NoticeJson(notice.Level, notice.Code, notice.Message));
            return;
        }

        var label = notice.Level == NoticeLevel.Warning ? "[yellow]warning:[/]" : "[grey]note:[/]";
        errors.MarkupLine($"{label} {Output.Esc(notice.Message)}");
    }

    private bool Json => Arguments.Contains("--json");

    private void Show(Problem problem)
    {
        if (Json)
        {
            WriteJsonLine(new ProblemJson(problem.Code, problem.Message, problem.Kind, problem.File, problem.Line, problem.Column));
            return;
        }

        errors.MarkupLine($"[red]error:[/] {Output.Esc(problem.Message)}");
    }

    private void WriteJsonLine<T>(T value)
    {
        var writer = errors.Profile.Out.Writer;
        writer.WriteLine(JsonSerializer.Serialize(value, OneLine));
        writer.Flush();
    }

    /// <summary>"--runs: 'abc' is not a whole number", from the converter's "abc is not a valid value for Int32".</summary>
    private string BadValue(Exception ex)
    {
        var match = ConverterMessage().Match(ex.Message);
        if (!match.Success)
        {
            return ex.Message;
        }

        var (value, type) = (match.Groups["value"].Value, match.Groups["type"].Value);
        var expected = type switch
        {
            "Int32" or "Int64" or "Int16" => "a whole number",
            "Double" or "Single" or "Decimal" => "a number",
            "Boolean" => "true or false",
            _ => $"a valid {type}",
        };
        var index = Arguments.ToList().LastIndexOf(value);
        var option = index > 0 && Arguments[index - 1].StartsWith('-') ? Arguments[index - 1] + ": " : "";
        return $"{option}'{value}' is not {expected}";
    }

    [GeneratedRegex(@"^(?<value>.*) is not a valid value for (?<type>\w+)\.")]
    private static partial Regex ConverterMessage();

    /// <summary>The JSON error object: the contract a script reads from standard error.</summary>
    private sealed record ProblemJson(string Code, string Message, ProblemKind Kind, string? File, int? Line, int? Column);

    /// <summary>A notice as one JSON line on standard error.</summary>
    private sealed record NoticeJson(NoticeLevel Level, string Code, string Message);
}
