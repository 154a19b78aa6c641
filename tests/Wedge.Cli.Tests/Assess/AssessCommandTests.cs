using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Testing;
using Wedge.Application.Store;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Cli.Tests.Assess;

/// <summary>A knowledge source over a knowledge base built in code: the assess and brief verbs without a database.</summary>
internal sealed class FakeSource(KnowledgeBase kb) : IRecordStore
{
    public int Reads { get; private set; }

    public KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null)
    {
        Reads++;
        return kb;
    }

    /// <summary>Two groups allied since 2000, one giving the other funds, the other bearing retaliation; a third group tied to neither.</summary>
    public static KnowledgeBase Small(string claimText = "Ally gives funds.")
    {
        var src = new Source { Id = new SourceId("src"), Title = "A <b>report</b>", Author = "An Author", Date = FuzzyDate.Parse("2018-01-01") };
        Claim C(string id, string text, string grade = "B2") => new() { Id = new ClaimId(id), Source = src.Id, Text = text, Grade = Grade.Parse(grade), Locator = "p. 1" };
        var claims = new[] { C("c-ally", "They are allied."), C("c-funds", claimText), C("c-cost", "Strikes followed.", "C3") };
        var facts = new List<Fact> { src };
        facts.AddRange(claims);
        facts.AddRange(
        [
            new Actor { Id = new ActorId("north"), Name = "Northern Group", Kind = ActorKind.ArmedGroup, Aliases = ["NG"] },
            new Actor { Id = new ActorId("south"), Name = "Southern Group", Kind = ActorKind.ArmedGroup },
            new Actor { Id = new ActorId("loner"), Name = "Lone Group", Kind = ActorKind.ArmedGroup },
            new Tie { Id = "t", Kind = TieKind.Alliance, From = new ActorId("north"), To = new ActorId("south"), Period = Period.Since(FuzzyDate.Parse("2000")), Claims = [claims[0].Id] },
            new LedgerEntry { Id = "l-funds", Provider = new ActorId("north"), Recipient = new ActorId("south"), Category = LedgerCategory.Funds, Period = Period.Since(FuzzyDate.Parse("2000")), Magnitude = new Magnitude(3), Claims = [claims[1].Id] },
            new LedgerEntry { Id = "l-cost", Provider = new ActorId("south"), Recipient = new ActorId("north"), Category = LedgerCategory.Retaliation, Period = Period.Since(FuzzyDate.Parse("2001")), Magnitude = new Magnitude(4), Claims = [claims[2].Id] },
        ]);
        var outcome = KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList());
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }
}

public sealed class AssessCommandTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "wedge-assess-tests", Guid.NewGuid().ToString("N"));

    public AssessCommandTests() => Directory.CreateDirectory(dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    internal static (int Code, string Output) Run(IRecordStore source, params string[] args)
    {
        var console = new TestConsole().Width(250);
        console.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(console, services => services.AddSingleton(source)).Run(args);
        return (code, console.Output);
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Assess_PrintsVerdictBondsAndSeries()
    {
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "NG", "Southern Group", "--at", "2010-12-31", "--runs", "100");
        Assert.True(code == 0, output);
        Assert.Contains("Northern Group: costs outweigh benefits", output);
        Assert.Contains("Southern Group: benefits outweigh costs", output);
        Assert.Contains("Monte Carlo: 100 runs, seed 20180911", output);
        Assert.Contains("2010", output);
    }

    [Fact]
    public void Assess_Json_CarriesFiguresWithClaimsAndIsReproducible()
    {
        var source = new FakeSource(FakeSource.Small());
        var (code1, one) = Run(source, "assess", "north", "south", "--json", "--runs", "200", "--seed", "3");
        var (_, two) = Run(source, "assess", "north", "south", "--json", "--runs", "200", "--seed", "3");
        Assert.True(code1 == 0, one);
        Assert.Equal(one, two);
        var root = JsonDocument.Parse(one).RootElement;
        Assert.Equal(200, root.GetProperty("uncertainty").GetProperty("runs").GetInt32());
        var claim = root.GetProperty("b").GetProperty("benefits")[0].GetProperty("entries")[0].GetProperty("entry").GetProperty("claims")[0];
        Assert.Equal("B2", claim.GetProperty("grade").GetString());
        Assert.Equal("c-funds", claim.GetProperty("id").GetString());
    }

    [Fact]
    public void Assess_Explain_ExpandsFiguresToClaimsWithSourceAndGrade()
    {
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "north", "south", "--explain", "--runs", "0");
        Assert.True(code == 0, output);
        Assert.Contains("Where each figure comes from", output);
        Assert.Contains("l-funds", output);
        Assert.Contains("B2 (p=0.72) An Author. “A <b>report</b>”", output);
        Assert.Contains("C3 (p=0.46)", output);
    }

    [Fact]
    public void Assess_KnownAt_IsPassedToTheRead()
    {
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "north", "south", "--known-at", "2017-12-31", "--runs", "0");
        Assert.NotEqual(0, code);
        Assert.Contains("no tie or ledger entry between Northern Group and Southern Group", output);
        Assert.Contains("2017-12-31", output);
    }

    [Fact]
    public void Assess_UnknownActor_NamesNearest()
    {
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "Nothern Group", "south");
        Assert.Equal(1, code);
        Assert.Contains("no actor named 'Nothern Group'; nearest: Northern Group", output);
    }

    [Fact]
    public void Assess_PairWithNoTie_IsRefused()
    {
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "north", "loner");
        Assert.Equal(1, code);
        Assert.Contains("the record shows no tie or ledger entry between Northern Group and Lone Group", output);
    }

    [Fact]
    public void Assess_SameActorTwice_IsRefused()
    {
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "north", "NG");
        Assert.Equal(1, code);
        Assert.Contains("are the same actor", output);
    }

    [Fact]
    public void Assess_ParamsFile_UnknownKey_FileLineAndSuggestion_BeforeReadingTheRecord()
    {
        var source = new FakeSource(FakeSource.Small());
        var path = File("p.yaml", "magnitude:\n  major: 6\nsustained-yaers: 8\n");
        var (code, output) = Run(source, "assess", "north", "south", "--params", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:3:1: unknown parameter 'sustained-yaers'; did you mean 'sustained-years'?", output.Replace("\n", ""));
        Assert.Equal(0, source.Reads);
    }

    [Fact]
    public void Assess_ParamsFile_OutOfRangeWeight_FileAndLine()
    {
        var path = File("p.json", "{\n  \"reliability\": {\"B\": 1.7}\n}\n");
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "north", "south", "--params", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:2:24: 'reliability.B' is 1.7, outside 0..1", output.Replace("\n", ""));
    }

    [Fact]
    public void Assess_ParamsFile_Valid_ChangesTheFigures()
    {
        var source = new FakeSource(FakeSource.Small());
        var path = File("p.yaml", "magnitude.major: 4\nmagnitude.moderate: 4\n");
        var baseline = JsonDocument.Parse(Run(source, "assess", "north", "south", "--json", "--runs", "0").Output).RootElement;
        var (code, output) = Run(source, "assess", "north", "south", "--json", "--runs", "0", "--params", path);
        Assert.True(code == 0, output);
        var changed = JsonDocument.Parse(output).RootElement;
        Assert.NotEqual(baseline.GetProperty("a").GetProperty("net").GetDouble(), changed.GetProperty("a").GetProperty("net").GetDouble());
        Assert.Equal(4, changed.GetProperty("parameters").GetProperty("magnitude.major").GetDouble());
    }

    [Fact]
    public void Assess_ParamsFile_Missing_ClearMessage()
    {
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "north", "south", "--params", Path.Combine(dir, "none.yaml"));
        Assert.Equal(1, code);
        Assert.Contains("cannot read the parameter file", output);
    }

    [Fact]
    public void Assess_ParamsFile_FallingScale_Refused()
    {
        var path = File("p.yaml", "magnitude: {critical: 3}\n");
        var (code, output) = Run(new FakeSource(FakeSource.Small()), "assess", "north", "south", "--params", path);
        Assert.Equal(1, code);
        Assert.Contains("the magnitude scale must not fall", output);
    }
}
