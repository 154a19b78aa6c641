using Wedge.Application.Notices;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Application.Store;

/// <summary>Checks on a read that succeed but may not answer what was asked: said as warnings, not refused.</summary>
public static class ReadChecks
{
    /// <summary>
    /// A warning when the slice reads the world at a date past every date on record: the record falls silent there,
    /// so what it shows is the last state recorded (the built-in case ends in September 2018), not that date's world.
    /// </summary>
    public static Notice? PastTheRecord(KnowledgeBase knowledge, ReadSlice slice)
    {
        if (slice.Options.EffectiveAt is not { } at || LastDate(knowledge) is not { } last || !last.IsCertainlyBefore(at))
        {
            return null;
        }

        return Notice.Warning("read-date-past-record",
            $"reading at {at}, past the record's last dated entry ({last}): nothing later is on record, so this shows the world as last recorded, not as it stood at {at}");
    }

    /// <summary>
    /// The latest date the record gives for something happening in the world: an event, or the start or end of a
    /// period (of an actor, role, tie, ledger entry or attribute); null when none does. Sources' dates and claims'
    /// public dates are left out: they say when something became known (an analyst's notes written in 2026 about
    /// 2001), not how late the record follows the world.
    /// </summary>
    public static FuzzyDate? LastDate(KnowledgeBase knowledge)
    {
        FuzzyDate? last = null;
        void See(FuzzyDate? date)
        {
            if (date is { } d && (last is not { } l || d.Latest > l.Latest))
            {
                last = d;
            }
        }

        void SeePeriod(Period period)
        {
            See(period.Start);
            See(period.End);
        }

        // Ties and claims are most of a large record: ties have their own figure (kept with a checkpoint), claims carry no period.
        See(knowledge.LatestTieDate());
        foreach (var e in knowledge.All<Event>())
        {
            See(e.Date);
        }

        foreach (var period in knowledge.All<Actor>().Select(a => a.Active).Concat(knowledge.All<Role>().Select(r => r.Period))
                     .Concat(knowledge.All<LedgerEntry>().Select(l => l.Period)).Concat(knowledge.All<ActorAttribute>().Select(x => x.Period)))
        {
            SeePeriod(period);
        }

        return last;
    }

    /// <summary>
    /// How late the record follows the world, for a reader: the latest of the world's dated entries and the dates of its
    /// published sources (those with a publisher or an address; our own notes say nothing about coverage), compared by
    /// their earliest day so that a bare "2018" does not outrank "2018-09-11". The built-in case: September 2018.
    /// </summary>
    public static FuzzyDate? CoverageEnd(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        FuzzyDate? last = null;
        void See(FuzzyDate? date)
        {
            if (date is { } d && (last is not { } l || d.Earliest > l.Earliest || (d.Earliest == l.Earliest && d.Precision > l.Precision)))
            {
                last = d;
            }
        }

        foreach (var fact in knowledge.Facts)
        {
            switch (fact)
            {
                case Event e: See(e.Date); break;
                case Actor a: See(a.Active.Start); See(a.Active.End); break;
                case Role r: See(r.Period.Start); See(r.Period.End); break;
                case Tie t: See(t.Period.Start); See(t.Period.End); break;
                case LedgerEntry l: See(l.Period.Start); See(l.Period.End); break;
                case ActorAttribute x: See(x.Period.Start); See(x.Period.End); break;
                case Source src when src.Publisher is not null || src.Url is not null: See(src.Date); break;
            }
        }

        return last;
    }
}
