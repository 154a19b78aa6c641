using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Durability;
using Wedge.Cli.Commands.Mmp;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Durability;

public sealed class DurabilityCurvesSettings : SpellRuleSettings
{
    [CommandOption("--by <COVARIATE>")]
    [Description("One curve with and one without (zero) this covariate on a spell's first day: leader_death, leader_death_known, shared_rival, state_sponsor, other_allies, leadership_change.")]
    public string? By { get; set; }
}

/// <summary>`wedge durability curves`: how long the record's alliances hold, by group, and how they end.</summary>
public sealed class DurabilityCurvesCommand(IAnsiConsole console, RecordDurabilityService durability) : Command<DurabilityCurvesSettings>
{
    public override int Execute(CommandContext context, DurabilityCurvesSettings settings, CancellationToken cancellationToken)
    {
        var r = durability.Curves(settings.Slice, settings.Rule, settings.By);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        var years = r.Years.Select(y => $"holds {y}y").ToArray();
        console.MarkupLine($"[bold]How long alliances hold[/] ({Output.Esc(r.Slice)}; policy {Output.Esc(r.Policy)}): Kaplan–Meier, a break is the end, other endings censor");
        var table = Output.Table(["group", "spells", "breaks", .. years, "median"]);
        foreach (var g in r.Groups)
        {
            table.AddTextRow([g.Group, N(g.Spells), N(g.Breaks), .. g.Holds.Select(Percent), g.MedianYears is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.#} years") : "not reached"]);
        }

        console.Write(table);
        if (r.LogRank is { } test)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Log-rank test of the groups: chi-square {test.Statistic:0.##} on {test.DegreesOfFreedom} df, p = {test.P:G3}"));
        }

        if (r.Endings.Count > 0)
        {
            console.MarkupLine("[bold]How they ended[/] (cumulative incidence, Aalen–Johansen: the share ended that way by each year)");
            var endings = Output.Table(["ending", "spells", .. r.Years.Select(y => $"by {y}y")]);
            foreach (var e in r.Endings)
            {
                endings.AddTextRow([e.Ending, N(e.Spells), .. e.ByYear.Select(Percent)]);
            }

            console.Write(endings);
        }

        return 0;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    // Past a curve's last time nothing is known: shown as a dash, never as a number.
    private static string Percent(double? p) => p is { } x ? x.ToString("0.0%", CultureInfo.InvariantCulture) : "–";
}
