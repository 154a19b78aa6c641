using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Cases;
using Wedge.Data.Events;

namespace Wedge.Data.Tests.Events;

/// <summary>The synthetic MGAR-shaped fixture (tests/fixtures/dyad-years, hand-counted in its README), the shipped MGAR mapping, and small files in that shape.</summary>
internal static class DyadYearFiles
{
    public static string Synthetic => Repository.Fixture("dyad-years", "mgar-synthetic.csv");

    public static string Names => Repository.Fixture("dyad-years", "names.csv");

    /// <summary>The mapping Wedge ships for MGAR: the tests read it as a user would.</summary>
    public static string MgarMappingPath => Repository.File("docs", "mappings", "mgar.yaml");

    public static DyadYearMapping Mgar()
    {
        var (mapping, errors) = DyadYearMapping.Read(MgarMappingPath);
        Assert.Empty(errors);
        return mapping!;
    }

    public const string Header = "dyadyearid,group1_name,group2_name,year,relationship,operational,material,territorial,training,financial";

    /// <summary>The fixture's actors: al-qaeda (alias al-Qaida), taliban, haqqani, ttp, isil (alias ISIL), pakistan.</summary>
    public static KnowledgeBase Actors()
    {
        var (doc, errors) = CaseReader.ReadFile(Repository.Fixture("dyad-years", "actors.yaml"));
        Assert.Empty(errors);
        return KnowledgeBase.Empty.With(CaseImport.Plan("actors.yaml", doc!, KnowledgeBase.Empty).Changes).Result!;
    }

    /// <summary>A row in the MGAR shape: id, the two groups, year, relationship, then operational, material, territorial, training, financial.</summary>
    public static string Row(int id, string a, string b, int year, string relationship, string flags = "0,0,0,0,0")
        => FormattableString.Invariant($"{id},{a},{b},{year},{relationship},{flags}");

    public static string Write(TempDir dir, params string[] rows)
    {
        var path = dir.File("mgar.csv");
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    public static (IReadOnlyList<JournalChange> Changes, DyadYearImportReport Report) Import(TempDir dir, params string[] rows)
        => DyadYearImporter.Plan(Write(dir, rows), Mgar(), Actors());

    public static List<T> Facts<T>(IReadOnlyList<JournalChange> changes) where T : Fact => changes.Select(c => c.Fact).OfType<T>().ToList();
}
