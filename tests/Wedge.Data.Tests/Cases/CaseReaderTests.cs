using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Cases;
using Wedge.Data.Store;

namespace Wedge.Data.Tests.Cases;

public class CaseReaderTests
{
    private static (CaseDocument? Doc, IReadOnlyList<CaseError> Errors) Read(string yaml) => CaseReader.Read("case.yaml", new StringReader(yaml));

    private static CaseError SingleError(string yaml)
    {
        var (doc, errors) = Read(yaml);
        Assert.Null(doc);
        return Assert.Single(errors);
    }

    [Fact]
    public void Read_MiniCase_GivesEveryKindOfFact()
    {
        var (doc, errors) = Read(MiniCase.Yaml);
        Assert.Empty(errors);
        Assert.Equal("mini", doc!.Id);
        Assert.Equal(13, doc.Facts.Count);
        var tie = doc.Facts.OfType<Tie>().Single();
        Assert.Equal((TieKind.Alliance, TieStance.Private, Acknowledgement.AcknowledgedThenWithdrawn), (tie.Kind, tie.Stance, tie.Acknowledgement));
        Assert.Equal(new Magnitude(2, 3), doc.Facts.OfType<LedgerEntry>().Single().Magnitude);
        Assert.Equal(ClaimStance.Disputes, doc.Facts.OfType<Claim>().Single(c => c.Id.Value == "c2").Stance);
        Assert.Equal("007", doc.Facts.OfType<Actor>().Single(a => a.Id.Value == "al-qaeda").ExternalIds["mmp"]);
    }

    [Fact]
    public void RoundTrip_WriteThenRead_GivesTheSameFactsAndText()
    {
        var (doc, _) = Read(MiniCase.Yaml);
        var first = new StringWriter();
        CaseWriter.Write(first, doc!.Id, doc.Title, doc.Description, doc.Facts);
        var (again, errors) = Read(first.ToString());
        Assert.Empty(errors);
        Assert.Equal(Json(doc.Facts), Json(again!.Facts));
        var second = new StringWriter();
        CaseWriter.Write(second, again.Id, again.Title, again.Description, again.Facts);
        Assert.Equal(first.ToString(), second.ToString());
    }

    private static IReadOnlyList<string> Json(IEnumerable<Fact> facts) => facts.Select(FactJson.Serialize).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Malformed_Yaml_ReportsLineAndColumn()
    {
        var e = SingleError("case: x\ntitle: y\nactors:\n  - id: a\n   name: [unclosed\n");
        Assert.Equal("case.yaml", e.File);
        Assert.True(e.Line >= 4, e.ToString());
        Assert.StartsWith("case.yaml:", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("malformed YAML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDate_ReportsWhereAndWhy()
    {
        var e = SingleError("case: x\ntitle: y\nevents:\n  - id: e\n    date: 2005-13-40\n    kind: attack\n    title: t\n");
        Assert.Equal("case.yaml:5:11: 'date': '2005-13-40' has month 13, outside 1..12", e.ToString());
    }

    [Fact]
    public void TieEndingBeforeItStarts_IsRefused()
    {
        var e = SingleError("case: x\ntitle: y\nties:\n  - id: t\n    kind: alliance\n    from: a\n    to: b\n    period: {from: 2001, until: 1999}\n");
        Assert.Equal("case.yaml:8:13: 'period' ends (1999) before it starts (2001)", e.ToString());
    }

    [Fact]
    public void BadGrade_IsRefused()
    {
        var e = SingleError("case: x\ntitle: y\nclaims:\n  - id: c\n    source: s\n    text: t\n    grade: G9\n");
        Assert.Equal("case.yaml:7:12: 'G9': source reliability 'G' is outside A–F", e.ToString());
    }

    [Fact]
    public void DuplicateId_IsRefused()
    {
        var e = SingleError("case: x\ntitle: y\nactors:\n  - id: a\n    name: A\n    kind: state\n  - id: a\n    name: A2\n    kind: state\n");
        Assert.Equal("case.yaml:7:5: duplicate id 'a' (first used at line 4, column 5)", e.ToString());
    }

    [Fact]
    public void UnknownKey_And_UnknownKind_AreRefused()
    {
        var (_, errors) = Read("case: x\ntitle: y\nactors:\n  - id: a\n    name: A\n    kind: militia\n    colour: red\n");
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.StartsWith("unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("'kind': 'militia' is not one of: armed-group, faction, state, person, other", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingFile_IsReported()
    {
        var (doc, errors) = CaseReader.ReadFile("/nonexistent/case.yaml");
        Assert.Null(doc);
        Assert.Equal("/nonexistent/case.yaml: no such file", Assert.Single(errors).ToString());
    }

    [Fact]
    public void EmptyFile_IsReported() => Assert.Equal("case.yaml: the file is empty", SingleError("").ToString());

    [Fact]
    public void Plan_UnknownActorInTie_GivesLineOfTheTie()
    {
        var (doc, _) = Read("case: x\ntitle: y\nactors:\n  - id: a\n    name: A\n    kind: state\nties:\n  - id: t\n    kind: alliance\n    from: a\n    to: ghost\n");
        var ex = Assert.Throws<CaseRefusedException>(() => CaseImport.Plan("case.yaml", doc!, KnowledgeBase.Empty));
        Assert.Equal("case.yaml:8:5: tie 't': unknown actor 'ghost'", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Plan_SameCaseTwice_ChangesNothingTheSecondTime()
    {
        var (doc, _) = Read(MiniCase.Yaml);
        var plan = CaseImport.Plan("case.yaml", doc!, KnowledgeBase.Empty);
        Assert.Equal(13, plan.Added);
        var kb = KnowledgeBase.Empty.With(plan.Changes).Result!;
        var again = CaseImport.Plan("case.yaml", doc!, kb);
        Assert.Empty(again.Changes);
        Assert.Equal(13, again.Unchanged);
    }

    [Fact]
    public void Plan_ChangedFact_BecomesACorrection()
    {
        var (doc, _) = Read(MiniCase.Yaml);
        var kb = KnowledgeBase.Empty.With(CaseImport.Plan("case.yaml", doc!, KnowledgeBase.Empty).Changes).Result!;
        var (changed, _) = Read(MiniCase.Yaml.Replace("grade: C3", "grade: C4", StringComparison.Ordinal));
        var plan = CaseImport.Plan("case.yaml", changed!, kb);
        var change = Assert.Single(plan.Changes);
        Assert.Equal(JournalAction.Correct, change.Action);
        Assert.Equal("c2", change.Key.Id);
    }
}
