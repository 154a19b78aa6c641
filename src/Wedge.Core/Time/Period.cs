namespace Wedge.Core.Time;

/// <summary>
/// An interval of fuzzy dates during which something held.
/// </summary>
/// <remarks>
/// Both ends are inclusive and either may be open: a null <see cref="Start"/> means "since before
/// any date we know", a null <see cref="End"/> means "still holds" (or "no end known"). Because the
/// ends are fuzzy, the questions a period answers are "may it hold on this date?"
/// (<see cref="MayHoldDuring"/>), which is what a valid-time read uses, and "does it certainly hold
/// throughout?" (<see cref="CertainlyHoldsThroughout"/>). A period whose end is certainly before its
/// start is refused at construction. <see cref="Always"/> is the open-open period. Immutable.
/// </remarks>
public sealed record Period
{
    public Period(FuzzyDate? start, FuzzyDate? end)
    {
        if (start is { } s && end is { } e && e.IsCertainlyBefore(s))
        {
            throw new ArgumentException($"A period cannot end ({e}) before it starts ({s}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public static Period Always { get; } = new(null, null);

    public static Period Since(FuzzyDate start) => new(start, null);

    public static Period Between(FuzzyDate start, FuzzyDate end) => new(start, end);

    /// <summary>Checks the bounds of untrusted input; null when they are fine, else the reason.</summary>
    public static string? Check(FuzzyDate? start, FuzzyDate? end)
        => start is { } s && end is { } e && e.IsCertainlyBefore(s) ? $"ends ({e}) before it starts ({s})" : null;

    public FuzzyDate? Start { get; }

    public FuzzyDate? End { get; }

    public bool IsOpenEnded => End is null;

    /// <summary>True when some day of <paramref name="date"/> may fall inside this period.</summary>
    public bool MayHoldDuring(FuzzyDate date) => MayHoldDuring(Start, End, date);

    /// <summary>True when some day of <paramref name="date"/> may fall between these bounds (either may be open).</summary>
    /// <remarks>For readers that keep a period's bounds in columns instead of a <see cref="Period"/> object.</remarks>
    public static bool MayHoldDuring(FuzzyDate? start, FuzzyDate? end, FuzzyDate date)
        => (start is not { } s || s.Earliest <= date.Latest) && (end is not { } e || e.Latest >= date.Earliest);

    /// <summary>True when the two periods may share a day.</summary>
    public bool MayOverlap(Period other)
        => (Start is not { } s || other.End is not { } oe || s.Earliest <= oe.Latest)
           && (other.Start is not { } os || End is not { } e || os.Earliest <= e.Latest);

    /// <summary>True when every day of <paramref name="date"/> certainly lies inside this period.</summary>
    public bool CertainlyHoldsThroughout(FuzzyDate date)
        => (Start is not { } s || s.Latest <= date.Earliest) && (End is not { } e || e.Earliest >= date.Latest);

    /// <summary>The same period with its end removed, as it looked before the end became known.</summary>
    public Period WithOpenEnd() => End is null ? this : new Period(Start, null);

    public Period WithEnd(FuzzyDate? end) => new(Start, end);

    /// <summary>Whole years from start to end (or to <paramref name="asOf"/> when open), by earliest days; null without a start.</summary>
    public double? YearsUntil(FuzzyDate asOf)
    {
        if (Start is not { } s)
        {
            return null;
        }

        var stop = End is { } e && e.Earliest < asOf.Latest ? e.Earliest : asOf.Latest;
        var days = stop.DayNumber - s.Earliest.DayNumber;
        return days < 0 ? 0 : days / 365.25;
    }

    public override string ToString() => $"{Start?.ToString() ?? "…"} – {End?.ToString() ?? "ongoing"}";
}
