using System.ComponentModel;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Spells;
using Wedge.Application;
using Wedge.Application.Spells;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Cli.Commands.Mmp;

/// <summary>Options of the spell rule, shared by `wedge spells` and `wedge export gexf`.</summary>
public class SpellRuleSettings : ReadSettings
{
    [CommandOption("--policy <POLICY>")]
    [Description("When sources disagree: any-source (default: any source's split or rivalry ends an alliance) or same-source (only the spell's own sources can end it).")]
    public string Policy { get; set; } = "any-source";

    [CommandOption("--censor-at <DATE>")]
    [Description("End of the data, where open spells are censored (default: the latest date observed).")]
    public string? CensorAt { get; set; }

    /// <summary>The policy as the option names it: any-source or same-source.</summary>
    public string PolicyName => SpellsService.PolicyName(Rule);

    public SpellRule Rule => SpellRule.Default with
    {
        Conflicts = Policy.Trim().ToLowerInvariant() == "same-source" ? ConflictPolicy.SameSourceEnds : ConflictPolicy.AnySourceEnds,
        CensorAt = CommandLine.Date(CensorAt),
    };

    public override ValidationResult Validate()
    {
        if (Policy.Trim().ToLowerInvariant() is not ("any-source" or "same-source"))
        {
            return ValidationResult.Error($"--policy: '{Policy}' is not one of: any-source, same-source");
        }

        if (CommandLine.CheckDates(("--censor-at", CensorAt)) is { } badDate)
        {
            return badDate;
        }

        return base.Validate();
    }
}

public sealed class SpellsSettings : SpellRuleSettings
{
    [CommandOption("--kind <KIND>")]
    [Description("Only spells of this kind: alliance, affiliation or rivalry.")]
    public string? Kind { get; set; }

    [CommandOption("--csv <FILE>")]
    [Description("Also write the spells as CSV (one row per spell) to FILE.")]
    public string? Csv { get; set; }

    public override ValidationResult Validate()
    {
        if (Kind is not null && (EnumNames.Parse<TieKind>(Kind) is not { } k || !SpellRule.Default.EndedBy.ContainsKey(k)))
        {
            return ValidationResult.Error($"--kind: '{Kind}' does not form spells (one of: {string.Join(", ", SpellRule.Default.EndedBy.Keys.Select(x => x.Kebab()))})");
        }

        return base.Validate();
    }
}

/// <summary>`wedge spells`: the intervals in which relations held, by the documented spell rule (docs/import-mmp.md).</summary>
public sealed class SpellsCommand(IAnsiConsole console, SpellsService spells) : Command<SpellsSettings>
{
    public override int Execute(CommandContext context, SpellsSettings settings, CancellationToken cancellationToken)
    {
        var list = spells.Spells(settings.Slice, settings.Rule, settings.Kind is null ? null : EnumNames.Parse<TieKind>(settings.Kind));
        if (settings.Csv is not null)
        {
            WriteCsv(settings.Csv, list.Spells);
        }

        if (settings.Json)
        {
            Output.Json(console, list);
            return 0;
        }

        console.MarkupLine($"[bold]{list.Spells.Count} spells[/] ({Output.Esc(Output.Describe(settings.Slice))}; policy {Output.Esc(list.Policy)}; data end {Output.Esc(list.DataEnd ?? "none")})");
        var t = Output.Table("kind", "a", "b", "start", "end", "ended by", "observations", "contested by");
        foreach (var r in list.Spells)
        {
            t.AddTextRow(r.Kind, r.AName, r.BName, r.Start, r.Censored ? $"censored {r.CensoredAt}" : r.End,
                r.EndedBy is null ? "" : $"{r.EndedBy} ({r.EndedByKind})", r.Observations.ToString(CultureInfo.InvariantCulture), string.Join(", ", r.ContestedBy));
        }

        console.Write(t);
        if (list.Undated.Count > 0)
        {
            console.MarkupLine($"{list.Undated.Count} undated observations left out: {Output.Esc(string.Join(", ", list.Undated.Take(10)))}{(list.Undated.Count > 10 ? ", …" : "")}");
        }

        return 0;
    }

    private static void WriteCsv(string path, IReadOnlyList<SpellRow> rows)
    {
        var sb = new StringBuilder("kind,a,a_name,b,b_name,start,end,censored,censored_at,end_reason,started_by,ended_by,ended_by_kind,observations,contested_by\n");
        foreach (var r in rows)
        {
            sb.AppendJoin(',', new[]
            {
                r.Kind, r.A, r.AName, r.B, r.BName, r.Start, r.End ?? "", r.Censored ? "true" : "false", r.CensoredAt ?? "", r.EndReason, r.StartedBy,
                r.EndedBy ?? "", r.EndedByKind ?? "", r.Observations.ToString(CultureInfo.InvariantCulture), string.Join(';', r.ContestedBy),
            }.Select(Quote)).Append('\n');
        }

        Output.WriteAtomically(path, w => w.Write(sb.ToString()));
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
