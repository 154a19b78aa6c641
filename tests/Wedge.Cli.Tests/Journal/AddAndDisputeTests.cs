using System.Text.Json;

namespace Wedge.Cli.Tests.Journal;

/// <summary>
/// `wedge add` and `wedge dispute`: one fact at a time, checked exactly as a case file's entry (the same messages as
/// `import case`), all or nothing, with --why, --author and --expect-version.
/// </summary>
public sealed class AddAndDisputeTests : IDisposable
{
    private readonly CliRunner cli = new();

    public AddAndDisputeTests() => Assert.Equal(0, cli.Run("init").Code);

    public void Dispose() => cli.Dispose();

    private int Version => cli.Json("history").GetArrayLength();

    private void Ok(params string[] args)
    {
        var (code, output) = cli.Run(args);
        Assert.True(code == 0, output);
    }

    /// <summary>Runs a write that must be refused: exit code and stderr, and the journal unchanged.</summary>
    private (int Code, string Err) Refused(params string[] args)
    {
        var before = Version;
        var (code, stdout, stderr) = cli.RunApart(args);
        Assert.NotEqual(0, code);
        Assert.Equal("", stdout);
        Assert.Equal(before, Version);
        return (code, stderr.Trim());
    }

    [Fact]
    public void AddEachKind_ThenReadBack()
    {
        Ok("add", "source", "s-notes", "--title", "Field notes: Kabul, 2015", "--written-by", "A. Analyst", "--date", "2015-03");
        Ok("add", "claim", "c-notes-1", "--source", "s-notes", "--text", "The splinter group met al-Qaeda envoys.", "--grade", "C3", "--locator", "p. 4");
        Ok("add", "actor", "jamaat-ul-ahrar", "--name", "Jamaat-ul-Ahrar", "--kind", "faction", "--parent", "ttp", "--alias", "JuA", "--active", "2014..", "--claim", "c-notes-1");
        Ok("add", "tie", "t-jua-aq", "--kind", "alliance", "--from", "jamaat-ul-ahrar", "--to", "al-qaeda", "--period", "2014..2016-05", "--claim", "c-notes-1",
            "--why", "field notes", "--author", "ana");
        Ok("add", "event", "e-jua-split", "--date", "2014-08", "--kind", "other", "--title", "JuA splits from the TTP", "--actor", "jamaat-ul-ahrar", "--actor", "ttp");

        var actor = cli.Json("actor", "JuA");
        Assert.Equal("jamaat-ul-ahrar", actor.GetProperty("id").GetString());
        Assert.Equal("ttp", actor.GetProperty("parent").GetString());
        var tie = cli.Json("ties", "--actor", "jamaat-ul-ahrar").EnumerateArray().Single();
        Assert.Equal("2016-05", tie.GetProperty("period").GetProperty("end").GetString());
        var entry = cli.Json("history", "--fact", "tie:t-jua-aq").EnumerateArray().Single();
        Assert.Equal("ana", entry.GetProperty("author").GetString());
        Assert.Equal("field notes", entry.GetProperty("reason").GetString());
        Assert.Contains(cli.Json("timeline", "jamaat-ul-ahrar").EnumerateArray(), e => e.GetRawText().Contains("JuA splits", StringComparison.Ordinal));
    }

    [Fact]
    public void Add_Json_FactAndVersion()
    {
        var done = cli.Json("add", "source", "s-x", "--title", "X");
        Assert.Equal("source:s-x", done.GetProperty("fact").GetString());
        Assert.Equal(Version, done.GetProperty("version").GetInt64());
    }

    [Fact]
    public void BadEnumValue_SameMessageAsImport()
    {
        var (code, stderr) = Refused("add", "tie", "t-bad", "--kind", "allience", "--from", "al-qaeda", "--to", "taliban");
        Assert.Equal(1, code);
        Assert.Equal($"error: wedge add tie: {ImportMessage("ties:\n  - {id: t-bad, kind: allience, from: al-qaeda, to: taliban}")}", stderr);
    }

    [Fact]
    public void UnknownActor_SameMessageAsImport()
    {
        var (code, stderr) = Refused("add", "tie", "t-bad", "--kind", "alliance", "--from", "al-qaeda", "--to", "talibam");
        Assert.Equal(1, code);
        Assert.Equal("error: wedge add tie: tie 't-bad': unknown actor 'talibam'", stderr);
        Assert.Equal("tie 't-bad': unknown actor 'talibam'", ImportMessage("ties:\n  - {id: t-bad, kind: alliance, from: al-qaeda, to: talibam}"));
    }

    [Fact]
    public void MissingRequiredField_Refused()
    {
        var (code, stderr) = Refused("add", "claim", "c-x", "--source", "bacon-2018", "--text", "something");
        Assert.Equal(1, code);
        Assert.Equal("error: wedge add claim: missing required key 'grade'", stderr);
    }

    [Fact]
    public void BadGrade_SameMessageAsImport()
    {
        var (_, stderr) = Refused("add", "claim", "c-x", "--source", "bacon-2018", "--text", "something", "--grade", "Z9");
        Assert.Equal($"error: wedge add claim: {ImportMessage("claims:\n  - {id: c-x, source: bacon-2018, text: something, grade: Z9}")}", stderr);
    }

    [Fact]
    public void ExistingId_Refused_PointsToCorrect()
    {
        var (code, stderr) = Refused("add", "tie", "t-aq-taliban-alliance", "--kind", "alliance", "--from", "al-qaeda", "--to", "taliban");
        Assert.Equal(1, code);
        Assert.Equal("error: tie:t-aq-taliban-alliance is already on record; to change it, use correct (or retract it and add anew)", stderr);
    }

    [Fact]
    public void AmbiguousDate_Usage2()
    {
        var (code, stderr) = Refused("add", "event", "e-x", "--date", "11/09/2018", "--kind", "other", "--title", "x");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --date: '11/09/2018' is ambiguous", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void StaleExpectVersion_Conflict3()
    {
        var (code, stderr) = Refused("add", "source", "s-late", "--title", "Late", "--expect-version", "1");
        Assert.Equal(3, code);
        Assert.Contains("prepared against version 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrentExpectVersion_Accepted()
        => Ok("add", "source", "s-now", "--title", "Now", "--expect-version", Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void TextWithYamlSyntaxAndControlCharacters_StoredExactly()
    {
        // The entry goes through YAML on its way to the reader: nothing in a value may be read as YAML syntax.
        const string title = "key: value - [list] {map} # not a comment \"quoted\" 'single' \u001b[31m\u202E";
        const string text = "- starts like a list item: yes";
        Ok("add", "source", "s-odd", "--title", title);
        Ok("add", "claim", "c-odd", "--source", "s-odd", $"--text={text}", "--grade", "F6", "--about", "actor:al-qaeda");
        var claim = cli.Json("actor", "al-qaeda").GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "c-odd");
        Assert.Equal(text, claim.GetProperty("text").GetString());
        Assert.Contains(title, claim.GetProperty("citation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddClaimAbout_AttachesItToTheFact()
    {
        Ok("add", "claim", "c-more", "--source", "bacon-2018", "--text", "They still meet.", "--grade", "B2", "--about", "tie:t-aq-taliban-alliance");
        var entries = cli.Json("history", "--last", "2").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("fact").GetString())).ToList();
        Assert.Equal([("add", "claim:c-more"), ("correct", "tie:t-aq-taliban-alliance")], entries);
    }

    [Fact]
    public void Dispute_AddsADisputingClaim_TheDyadShowsTheContest()
    {
        var before = cli.Json("dyad", "al-Qaeda", "Taliban", "--at", "2018-09-11").GetRawText();
        var (code, stdout, _) = cli.RunApart("dispute", "tie:t-aq-taliban-alliance", "--id", "c-no-alliance", "--source", "bacon-2018",
            "--text", "The alliance ended in 2016.", "--grade", "C4", "--why", "testing dispute");
        Assert.Equal(0, code);
        Assert.StartsWith("Added claim:c-no-alliance, disputing tie:t-aq-taliban-alliance.", stdout, StringComparison.Ordinal);
        var entry = cli.Json("history", "--fact", "claim:c-no-alliance").EnumerateArray().Single();
        Assert.Equal("testing dispute", entry.GetProperty("reason").GetString());
        Assert.NotEqual(before, cli.Json("dyad", "al-Qaeda", "Taliban", "--at", "2018-09-11").GetRawText());
        Assert.Contains("c-no-alliance", cli.Json("dyad", "al-Qaeda", "Taliban", "--at", "2018-09-11").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dispute_UnknownFact_NotFound()
    {
        var (code, stderr) = Refused("dispute", "tie:t-nothing", "--source", "bacon-2018", "--text", "x", "--grade", "B2");
        Assert.Equal(1, code);
        Assert.Equal("error: no tie 't-nothing' on record", stderr);
    }

    [Fact]
    public void Dispute_AClaim_Refused()
    {
        var (code, stderr) = Refused("dispute", "claim:c-intro-911", "--source", "bacon-2018", "--text", "x", "--grade", "B2", "--id", "c-y");
        Assert.Equal(1, code);
        Assert.StartsWith("error: claim:c-intro-911 cannot carry claims", stderr, StringComparison.Ordinal);
    }

    /// <summary>What `import case` says about a one-entry case, without its file:line:column.</summary>
    private string ImportMessage(string section)
    {
        var path = cli.File($"entry-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"case: entry\ntitle: entry\n{section}\n");
        var (code, _, stderr) = cli.RunApart("import", "case", path);
        Assert.Equal(1, code);
        var line = stderr.Trim();
        var at = line.IndexOf(": ", line.IndexOf(path, StringComparison.Ordinal) + path.Length, StringComparison.Ordinal);
        return line[(at + 2)..];
    }
}
