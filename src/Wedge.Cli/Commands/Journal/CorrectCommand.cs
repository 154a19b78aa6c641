using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Data.Store;

namespace Wedge.Cli.Commands.Journal;

public sealed class CorrectSettings : WriteSettings
{
    [CommandArgument(0, "<FACT>")]
    [Description("The fact to correct: TYPE:ID or a unique id.")]
    public string Fact { get; set; } = "";

    [CommandOption("--set <FIELD=VALUE>")]
    [Description("A field to change, as in `wedge show`'s JSON: e.g. grade=C3, period.end=2015-07, magnitude=minor..moderate, text=\"...\". Repeatable. An empty value removes the field.")]
    public string[] Set { get; set; } = [];

    [CommandOption("--why <TEXT>")]
    [Description("Why it is corrected (required; recorded in the journal).")]
    public string? Why { get; set; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Why))
        {
            return ValidationResult.Error("--why is required: say why the fact is corrected");
        }

        return Set.Length == 0 || Set.Any(s => !s.Contains('=', StringComparison.Ordinal))
            ? ValidationResult.Error("give at least one --set FIELD=VALUE")
            : ValidationResult.Success();
    }
}

/// <summary>
/// `wedge correct FACT --set FIELD=VALUE --why TEXT`: appends a corrected version of a fact. Fields
/// are the fact's JSON fields (camelCase, dotted for nested ones); the result is checked like any
/// other change, and refused whole if a value is invalid.
/// </summary>
public sealed class CorrectCommand(IAnsiConsole console, JournalRecordStore journal, WorkspaceOptions options) : Command<CorrectSettings>
{
    public override int Execute(CommandContext context, CorrectSettings settings, CancellationToken cancellationToken)
    {
        using var store = journal.Open();
        var fact = FactKeys.Find(store.Current(), settings.Fact);
        var corrected = Apply(fact, settings.Set);
        try
        {
            store.Apply([JournalChange.Correct(corrected)], settings.Author ?? options.DefaultAuthor, settings.Why!, settings.ExpectVersion);
        }
        catch (ChangesRefusedException ex)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", ex.Message);
        }
        catch (JournalConflictException ex)
        {
            throw new ProblemException(ProblemKind.Conflict, "conflict", ex.Message);
        }

        console.MarkupLine($"Corrected {Output.Esc(fact.Key.ToString())}. Journal version {store.Version}.");
        return 0;
    }

    public static Fact Apply(Fact fact, IEnumerable<string> assignments)
    {
        var json = JsonNode.Parse(FactJson.Serialize(fact))!.AsObject();
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            var path = assignment[..eq].Trim().Split('.');
            var value = assignment[(eq + 1)..];
            if (path.Any(p => p.Length == 0) || path[0] is "$fact" or "id")
            {
                throw new ProblemException(ProblemKind.Refused, "refused", $"--set {assignment}: '{assignment[..eq]}' cannot be changed (an id is fixed; retract and add instead)");
            }

            var target = json;
            foreach (var step in path[..^1])
            {
                target = target[step] as JsonObject ?? (JsonObject)(target[step] = new JsonObject());
            }

            if (value.Length == 0)
            {
                target.Remove(path[^1]);
            }
            else if (target[path[^1]] is JsonArray)
            {
                target[path[^1]] = new JsonArray(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
            }
            else
            {
                target[path[^1]] = JsonValue.Create(value);
            }
        }

        try
        {
            var result = JsonSerializer.Deserialize<Fact>(json.ToJsonString(), FactJson.Options)!;
            return result.Key == fact.Key ? result : throw new ProblemException(ProblemKind.Refused, "refused", "a correction cannot change the fact's id");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", $"the correction does not make a valid {fact.Key.Type.ToString().ToLowerInvariant()}: {ex.Message}");
        }
    }
}
