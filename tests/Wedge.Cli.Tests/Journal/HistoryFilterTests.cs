using System.Globalization;
using System.Text.Json;

namespace Wedge.Cli.Tests.Journal;

/// <summary>`history` filtered by author, fact and recorded time; filters combine (every one must match).</summary>
public sealed class HistoryFilterTests : IDisposable
{
    private readonly CliRunner cli = new();
    private readonly DateTimeOffset between;

    public HistoryFilterTests()
    {
        Assert.Equal(0, cli.Run("init").Code); // author "wedge": the built-in case
        Thread.Sleep(20);
        between = DateTimeOffset.UtcNow;
        Thread.Sleep(20);
        Assert.Equal(0, cli.Run("retract", "tie:t-aq-us-rivalry", "--why", "testing filters", "--author", "ana").Code);
        Assert.Equal(0, cli.Run("correct", "tie:t-aq-taliban-alliance", "--set", "note=checked", "--why", "testing filters", "--author", "ben").Code);
    }

    public void Dispose() => cli.Dispose();

    private List<JsonElement> History(params string[] args) => [.. cli.Json(["history", .. args]).EnumerateArray()];

    [Fact]
    public void ByAuthor_OnlyTheirEntries()
    {
        var entries = History("--author", "ana");
        var entry = Assert.Single(entries);
        Assert.Equal("retract", entry.GetProperty("action").GetString());
        Assert.Equal("tie:t-aq-us-rivalry", entry.GetProperty("fact").GetString());
    }

    [Fact]
    public void ByFact_AllEntriesAboutIt()
    {
        var entries = History("--fact", "tie:t-aq-taliban-alliance");
        Assert.Equal(["add", "correct"], entries.Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public void Since_OnlyLaterEntries_AndCombinesWithAuthor()
    {
        var since = between.ToString("O", CultureInfo.InvariantCulture);
        Assert.Equal(["ana", "ben"], History("--since", since).Select(e => e.GetProperty("author").GetString()));
        Assert.Equal(["ben"], History("--since", since, "--author", "ben").Select(e => e.GetProperty("author").GetString()));
    }

    [Fact]
    public void Until_OnlyEarlierEntries()
    {
        var entries = History("--until", between.ToString("O", CultureInfo.InvariantCulture));
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("wedge", e.GetProperty("author").GetString()));
    }

    [Fact]
    public void UntilADate_IncludesThatWholeDay()
    {
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(History().Count, History("--until", today).Count);
        Assert.Empty(History("--until", DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NoMatch_EmptyList_Exit0()
        => Assert.Empty(History("--author", "nobody-at-all"));

    [Fact]
    public void AmbiguousSince_Usage2()
    {
        var (code, _, stderr) = cli.RunApart("history", "--since", "12/03/2026");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --since: '12/03/2026' is ambiguous", stderr, StringComparison.Ordinal);
    }
}
