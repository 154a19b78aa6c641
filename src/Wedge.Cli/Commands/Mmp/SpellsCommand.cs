using System.ComponentModel;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Spells;
using Wedge.Application;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Export;

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
    public string PolicyName => Rule.Conflicts == ConflictPolicy.SameSourceEnds ? "same-source" : "any-source";

    public SpellRule Rule => SpellRule.Default with
    {
        Conflicts = Policy.Trim().ToLowerInvariant() == "same-source" ? ConflictPolicy.SameSourceEnds : ConflictPolicy.AnySourceEnds,
        CensorAt = CensorAt is null ? null : FuzzyDate.Parse(CensorAt),
    };

    public override ValidationResult Validate()
    {
        if (Policy.Trim().ToLowerInvariant() is not ("any-source" or "same-source"))
        {
            return ValidationResult.Error($"--policy: '{Policy}' is not one of: any-source, same-source");
        }

        if (CensorAt is not null && FuzzyDate.TryParse(CensorAt) is { IsSuccess: false } bad)
        {
            return ValidationResult.Error($"--censor-at: {bad.Error}");
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
public sealed class SpellsCommand(IAnsiConsole console, IRecordStore source) : Command<SpellsSettings>
{
    public override int Execute(CommandContext context, SpellsSettings settings, CancellationToken cancellationToken)
    {
        var s = source.Read(settings.Slice);
        var set = SpellBuilder.Build(s, settings.Rule);
        var kind = settings.Kind is null ? (TieKind?)null : EnumNames.Parse<TieKind>(settings.Kind);
        var spells = set.Spells.Where(x => kind is null || x.Kind == kind).ToList();
        var rows = spells.Select(x => SpellRow.Of(s, x)).ToList();

        if (settings.Csv is not null)
        {
            WriteCsv(settings.Csv, rows);
        }

        if (settings.Json)
        {
            Output.Json(console, new { policy = settings.PolicyName, dataEnd = set.DataEnd?.ToString(), undated = set.Undated, spells = rows });
            return 0;
        }

        console.MarkupLine($"[bold]{rows.Count} spells[/] ({Output.Esc(Output.Describe(settings.ReadOptions, settings.RecordedByTime))}; policy {Output.Esc(settings.PolicyName)}; data end {Output.Esc(set.DataEnd?.ToString() ?? "none")})");
        var t = Output.Table("kind", "a", "b", "start", "end", "ended by", "observations", "contested by");
        foreach (var r in rows)
        {
            t.AddTextRow(r.Kind, r.AName, r.BName, r.Start, r.Censored ? $"censored {r.CensoredAt}" : r.End,
                r.EndedBy is null ? "" : $"{r.EndedBy} ({r.EndedByKind})", r.Observations.ToString(CultureInfo.InvariantCulture), string.Join(", ", r.ContestedBy));
        }

        console.Write(t);
        if (set.Undated.Count > 0)
        {
            console.MarkupLine($"{set.Undated.Count} undated observations left out: {Output.Esc(string.Join(", ", set.Undated.Take(10)))}{(set.Undated.Count > 10 ? ", …" : "")}");
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

/// <summary>A spell as shown and written: names resolved, dates as ISO text at their own precision.</summary>
public sealed record SpellRow(string Kind, string A, string AName, string B, string BName, string Start, string? End, bool Censored, string? CensoredAt,
    string EndReason, string StartedBy, string? EndedBy, string? EndedByKind, int Observations, IReadOnlyList<string> ContestedBy)
{
    public static SpellRow Of(Snapshot s, Spell x)
    {
        var ender = x.EndedBy is { } e && !e.StartsWith("actor:", StringComparison.Ordinal) ? s.Ties.FirstOrDefault(t => t.Id == e) : null;
        var enderKind = ender?.Kind.Kebab() ?? (x.EndedBy?.StartsWith("actor:", StringComparison.Ordinal) == true ? "group ended" : null);
        return new(x.Kind.Kebab(), x.A.Value, s.Actor(x.A)?.Name ?? x.A.Value, x.B.Value, s.Actor(x.B)?.Name ?? x.B.Value, x.Start.ToString(), x.End?.ToString(),
            x.Censored, x.CensoredAt?.ToString(), x.EndReason.Kebab(), x.StartedBy, x.EndedBy, enderKind, x.Observations.Count, x.ContestedBy);
    }
}

/// <summary>Spells as graph edges, for the dynamic GEXF export.</summary>
public static class SpellGraph
{
    public static GraphExport Of(Snapshot s, SpellSet set)
    {
        var ties = s.Ties.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var edges = set.Spells.Select(x =>
        {
            var backing = x.Observations.Select(id => ties.GetValueOrDefault(id)).OfType<Tie>().ToList();
            var claims = backing.SelectMany(s.ClaimsOf).DistinctBy(c => c.Id).ToList();
            var first = ties.GetValueOrDefault(x.StartedBy);
            var (from, to) = first is null ? (x.A, x.B) : (first.From, first.To);
            return new GraphEdge($"spell-{x.StartedBy}", from.Value, to.Value, GraphExport.KindName(x.Kind), x.Kind.Sign(), x.Kind.IsDirected(), x.Start, x.End,
                string.Join("; ", claims.Select(c => s.Source(c.Source)?.Citation ?? c.Source.Value).Distinct()),
                string.Join(";", claims.Select(c => c.Id.Value)), string.Join(";", claims.Select(c => c.Grade.ToString())),
                x.Censored, x.EndedBy, string.Join(";", x.ContestedBy));
        }).ToList();
        var nodes = s.Actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal).Select(GraphExport.NodeOf).ToList();
        return new GraphExport(nodes, edges);
    }
}
