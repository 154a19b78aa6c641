using Wedge.Application.Imports;
using Wedge.Application.Records;
using Wedge.Core.Time;

namespace Wedge.Application.Tests.Imports;

/// <summary>The import-impact report on the README's MMP import over the built-in case, read at the article's date.</summary>
public sealed class ImportImpactTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private static MmpImportRequest Request => new(SharedData.File("mmp", "Militant-Group-Key.csv"), SharedData.File("mmp", "Militant-Group-Relationships.csv"),
        ImpactAt: FuzzyDate.Parse("2018-09-11"));

    private byte[] Bytes()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return File.ReadAllBytes(workspace.Database);
    }

    [SharedDataFact("mmp")]
    public void MmpDryRun_WritesNothing_ChangesNoVerdict_ReportsFirmerAlliesOfAlQaeda()
    {
        workspace.Get<RecordQueries>().Whole(); // creates the database with the built-in case
        var before = Bytes();
        var imports = workspace.Get<ImportService>();
        var planned = imports.ImportMmp(Request, null, null, null, dryRun: true);
        Assert.Equal(before, Bytes());

        var impact = Assert.IsType<ImportImpactReport>(planned.Impact);
        Assert.True(impact.DryRun);
        Assert.Equal("2018-09-11", impact.At);
        // The weighed rule keeps the article's reading: MMP's declared split (mmp-567) and the alleged Taliban–Islamic State
        // alliance (mmp-1309) flip nothing; what MMP adds is more evidence for ties already on record.
        Assert.Equal(0, impact.VerdictsChanged);
        Assert.Equal(0, impact.RelationsChanged);
        Assert.DoesNotContain(impact.Changes, c => c.AName == "Taliban" && c.BName == "al-Qaeda" || c.AName == "al-Qaeda" && c.BName == "Taliban");
        var haqqani = Assert.Single(impact.Changes, c => c.BName == "Haqqani Network" && c.AName == "al-Qaeda");
        Assert.True(haqqani.Shifted);
        Assert.True(haqqani.After.Probability > haqqani.Before.Probability);
        Assert.All(haqqani.Claims, c => Assert.StartsWith("mmp-", c.Claim, StringComparison.Ordinal));

        var written = imports.ImportMmp(Request, null, null, null);
        Assert.NotEqual(before, Bytes());
        Assert.Equal(impact.Changes, written.Impact!.Changes);
        Assert.False(written.Impact.DryRun);
    }
}
