using Wedge.Analysis.Evidence;
using Wedge.Analysis.Spells;
using Wedge.Core.Collections;
using Wedge.Core.Durability;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Durability;

/// <summary>How an alliance spell ended, as a competing ending.</summary>
public enum SpellEnding
{
    /// <summary>Still holding at the end of the data.</summary>
    Censored,

    /// <summary>A split or a rivalry between the pair ended it: the ending the durability model counts as the event.</summary>
    Break,

    /// <summary>The pair merged.</summary>
    Merger,

    /// <summary>One of the pair ceased to exist.</summary>
    PartnerCeased,

    /// <summary>Every tie behind the spell ended on its own, with no break, merger or end of a group on record.</summary>
    Lapsed,
}

/// <summary>
/// One row of the counting-process data: the spell is at risk over (<see cref="Start"/>, <see cref="Stop"/>], in years
/// since the spell began, with the covariates as they stood at the row's first day; <see cref="Event"/> is true on the
/// spell's last row when it ended in a break.
/// </summary>
public sealed record SurvivalRow(int Spell, double Start, double Stop, bool Event, SpellEnding Ending, FuzzyDate From, EquatableList<double> Covariates);

/// <summary>An alliance spell as the durability model sees it.</summary>
public sealed record SurvivalSpell(int Number, ActorId A, ActorId B, TieKind Kind, FuzzyDate Start, FuzzyDate Stop, SpellEnding Ending, double Years, string? EndedBy);

/// <summary>The record's alliance spells as counting-process survival data.</summary>
public sealed record RecordSurvivalData(EquatableList<string> CovariateNames, EquatableList<SurvivalSpell> Spells, EquatableList<SurvivalRow> Rows)
{
    /// <summary>The rows as the survival engine's input, with the named covariates (all when null); clusters by spell.</summary>
    public SurvivalData ToSurvivalData(IReadOnlyList<string>? covariates = null)
    {
        var names = covariates ?? CovariateNames;
        var columns = names.Select(n => CovariateNames.ToList().IndexOf(n) is var j and >= 0
            ? (IReadOnlyList<double>)Rows.Select(r => r.Covariates[j]).ToArray()
            : throw new ArgumentException($"no covariate named '{n}'", nameof(covariates))).ToList();
        return new SurvivalData(
            Rows.Select(r => r.Start).ToArray(), Rows.Select(r => r.Stop).ToArray(), Rows.Select(r => r.Event).ToArray(),
            [.. names], columns, cluster: Rows.Select(r => r.Spell).ToArray());
    }
}

/// <summary>
/// Turns the record's alliance spells into survival data with time-varying covariates, as R's <c>tmerge</c> would:
/// each spell is split at every 1 January it spans and at every date a covariate changes (a leader's death, the day
/// that death became public), and each row carries the covariates as they stood on its first day. Time is in years
/// since the spell began (365.25 days); dates are taken at their earliest day (a year-precise date is 1 January).
/// The covariates are defined in docs/methods/durability.md.
/// </summary>
public static class RecordSurvival
{
    public const string LeaderDeath = "leader_death";
    public const string LeaderDeathKnown = "leader_death_known";
    public const string SharedRival = "shared_rival";
    public const string StateSponsor = "state_sponsor";
    public const string OtherAllies = "other_allies";
    public const string LeadershipChange = "leadership_change";
    public const string Evidence = "evidence";

    public static IReadOnlyList<string> Covariates { get; } = [LeaderDeath, LeaderDeathKnown, SharedRival, StateSponsor, OtherAllies, LeadershipChange, Evidence];

    private const double DaysPerYear = 365.25;

    /// <summary>The friendly spells (alliance and affiliation) of a snapshot under a spell rule, as survival data.</summary>
    public static RecordSurvivalData Build(Snapshot snapshot, SpellRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var set = SpellBuilder.Build(snapshot, rule);
        var kindOf = snapshot.Ties.ToDictionary(t => t.Id, t => t.Kind, StringComparer.Ordinal);
        var covariates = new DyadCovariates(snapshot);
        var spells = new List<SurvivalSpell>();
        var rows = new List<SurvivalRow>();
        foreach (var spell in Friendly(set))
        {
            var stop = Stop(spell);
            var ending = Ending(spell, kindOf);
            var years = Years(spell.Start, stop);
            var number = spells.Count + 1;
            spells.Add(new SurvivalSpell(number, spell.A, spell.B, spell.Kind, spell.Start, stop, ending, years, spell.EndedBy));
            rows.AddRange(Rows(covariates, spell, number, stop, ending));
        }

        return new RecordSurvivalData([.. Covariates], [.. spells], [.. rows]);
    }

    /// <summary>
    /// The friendly spells of a snapshot under a spell rule, each with the days its rows cover: from its first day
    /// (<see cref="AtRisk.Begin"/>) up to, not including, <see cref="AtRisk.End"/>.
    /// </summary>
    public static IEnumerable<AtRisk> Spells(Snapshot snapshot, SpellRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Friendly(SpellBuilder.Build(snapshot, rule)).Select(s => new AtRisk(s.A, s.B, s.Start.Earliest, End(s.Start, Stop(s)), s.Censored));
    }

    /// <summary>An alliance or affiliation spell of a pair, and the days its rows cover: <see cref="Begin"/> up to, not including, <see cref="End"/>.</summary>
    /// <param name="Censored">Whether the spell still held at the end of the data (<see cref="End"/> is then that end).</param>
    public sealed record AtRisk(ActorId A, ActorId B, DateOnly Begin, DateOnly End, bool Censored);

    private static IEnumerable<Spell> Friendly(SpellSet set) => set.Spells.Where(s => s.Kind is TieKind.Alliance or TieKind.Affiliation);

    private static FuzzyDate Stop(Spell spell) => spell.End ?? spell.CensoredAt ?? spell.Start;

    private static DateOnly End(FuzzyDate start, FuzzyDate stop) => start.Earliest.AddDays((int)Math.Round(Years(start, stop) * DaysPerYear));

    /// <summary>
    /// A spell that starts and stops on the same day (its dates as precise as a year, say) is given one day, so that it
    /// is at risk at all (R refuses a row whose stop is not after its start).
    /// </summary>
    private static double Years(FuzzyDate from, FuzzyDate to)
        => Math.Max(1, to.Earliest.DayNumber - from.Earliest.DayNumber) / DaysPerYear;

    private static SpellEnding Ending(Spell spell, IReadOnlyDictionary<string, TieKind> kindOf) => spell.EndReason switch
    {
        SpellEnd.Censored => SpellEnding.Censored,
        SpellEnd.GroupEnded => SpellEnding.PartnerCeased,
        SpellEnd.RecordedEnd => SpellEnding.Lapsed,
        _ => spell.EndedBy is { } id && kindOf.TryGetValue(id, out var kind) && kind == TieKind.Merger ? SpellEnding.Merger : SpellEnding.Break,
    };

    private static IEnumerable<SurvivalRow> Rows(DyadCovariates covariates, Spell spell, int number, FuzzyDate stopDate, SpellEnding ending)
    {
        var begin = spell.Start.Earliest;
        var end = End(spell.Start, stopDate);
        var pairTies = RelationWeigher.TiesBetween(covariates.Snapshot, spell.A, spell.B).ToList();

        // Where a covariate may change: every 1 January, every leader's death and the day it became known, every change of leader.
        var cuts = new SortedSet<DateOnly> { begin, end };
        cuts.UnionWith(covariates.LeaderDays(spell.A, spell.B, begin));
        for (var year = begin.Year + 1; year <= end.Year; year++)
        {
            cuts.Add(new DateOnly(year, 1, 1));
        }

        var points = cuts.Where(c => c >= begin && c <= end).ToList();
        for (var k = 0; k + 1 < points.Count; k++)
        {
            var (from, to) = (points[k], points[k + 1]);
            var last = k + 2 == points.Count;
            yield return new SurvivalRow(number, (from.DayNumber - begin.DayNumber) / DaysPerYear, (to.DayNumber - begin.DayNumber) / DaysPerYear,
                last && ending == SpellEnding.Break, last ? ending : SpellEnding.Censored, FuzzyDate.FromDateOnly(from),
                [.. covariates.InSpell(spell.A, spell.B, begin, from, pairTies)]);
        }
    }
}
