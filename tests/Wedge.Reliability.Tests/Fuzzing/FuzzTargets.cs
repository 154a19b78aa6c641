namespace Wedge.Reliability.Tests.Fuzzing;

/// <summary>A seed input and the options the reader needs to read it (the columns of a survival CSV, say).</summary>
public sealed record Seed(string Name, byte[] Bytes, IReadOnlyList<string> Options)
{
    public static Seed FromFile(string path, params string[] options) => new(Path.GetFileName(path), File.ReadAllBytes(path), options);
}

/// <summary>
/// One reader of outside data and the `wedge` command that reads a file with it. <see cref="Writes"/>: the command
/// writes to the database (an import), so a refusal must leave the journal as it was. <see cref="Output"/>: the
/// command writes a file, which must not exist after a refusal. <see cref="Actors"/>: a case file imported into the
/// (otherwise empty) database first, for an import whose names must match actors on record.
/// </summary>
public sealed record FuzzTarget(string Name, InputShape Shape, string Extension, bool Writes, Func<FuzzPaths, string, Seed, string[]> Command, string? Actors = null)
{
    public override string ToString() => Name;
}

/// <summary>The files a fuzzing run works with: a database, a second input where a command reads two, an output path.</summary>
public sealed record FuzzPaths(string Database, string Directory)
{
    public string Output => Path.Combine(Directory, "output.yaml");

    public string Other => Path.Combine(Directory, "other.csv");
}

/// <summary>Every reader of outside data, the command that reaches it, and where its seeds come from.</summary>
public static class FuzzTargets
{
    public static string SeedFolder(string reader) => Repository.File("fuzz", "seeds", reader);

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("case-yaml", InputShape.Yaml, ".yaml", true, (p, file, _) => ["import", "case", file, "--db", p.Database]),
        // The two MMP files are fuzzed one at a time, the other one being its seed.
        new("mmp-key", InputShape.Csv, ".csv", true, (p, file, _) => ["import", "mmp", "--key", file, "--relationships", p.Other, "--db", p.Database]),
        new("mmp-relationships", InputShape.Csv, ".csv", true, (p, file, _) => ["import", "mmp", "--key", p.Other, "--relationships", file, "--db", p.Database]),
        new("ktab-csv", InputShape.Csv, ".csv", false, (p, file, _) => ["negotiate", "import-ktab", file, "--out", p.Output]),
        new("scenario-yaml", InputShape.Yaml, ".yaml", false, (_, file, _) => ["negotiate", file]),
        new("assessment-parameters", InputShape.Yaml, ".yaml", false, (p, file, _) => ["assess", "Taliban", "al-Qaeda", "--params", file, "--runs", "20", "--db", p.Database]),
        new("edges-csv", InputShape.Csv, ".csv", false, (_, file, _) => ["network", "balance", "--input", file]),
        new("edges-konect", InputShape.Whitespace, ".txt", false, (_, file, _) => ["network", "balance", "--input", file, "--input-format", "edges"]),
        // Wedge's own GraphML export holds pairs with both signs over time: --on-conflict drop reads it.
        new("edges-graphml", InputShape.Xml, ".graphml", false, (_, file, _) => ["network", "balance", "--input", file, "--on-conflict", "drop"]),
        new("stix", InputShape.Json, ".json", true, (p, file, _) => ["import", "stix", file, "--db", p.Database]),
        new("survival-csv", InputShape.Csv, ".csv", false, (_, file, seed) => ["durability", "cox", "--input", file, .. seed.Options]),
        new("ach-yaml", InputShape.Yaml, ".yaml", false, (p, file, _) => ["hypotheses", "score", file, "--db", p.Database]),
        // The event and dyad-year imports run into a record holding their fixture's actors, so the seeds' names match.
        // With --strict: without it a file with some rows refused exits 1 having imported the others, by design, which
        // the contract "a refusal writes nothing" cannot tell from a partial write.
        new("gtd-csv", InputShape.Csv, ".csv", true, (p, file, _) => ["import", "gtd", file, "--strict", "--db", p.Database],
            Repository.Fixture("gtd", "actors.yaml")),
        new("ucdp-csv", InputShape.Csv, ".csv", true, (p, file, _) => ["import", "ucdp", file, "--map", Repository.Fixture("ucdp", "map.csv"), "--strict", "--db", p.Database],
            Repository.Fixture("ucdp", "actors.yaml")),
        new("acled-csv", InputShape.Csv, ".csv", true, (p, file, _) => ["import", "acled", file, "--map", Repository.Fixture("acled", "map.csv"), "--strict", "--db", p.Database],
            Repository.Fixture("acled", "actors.yaml")),
        new("dyad-years-csv", InputShape.Csv, ".csv", true,
            (p, file, _) => ["import", "dyad-years", file, "--map", DyadYearMapping, "--names", DyadYearNames, "--strict", "--db", p.Database],
            Repository.Fixture("dyad-years", "actors.yaml")),
        new("dyad-years-mapping", InputShape.Yaml, ".yaml", true,
            (p, file, _) => ["import", "dyad-years", DyadYearData, "--map", file, "--names", DyadYearNames, "--strict", "--db", p.Database],
            Repository.Fixture("dyad-years", "actors.yaml")),
    ];

    private static string DyadYearMapping => Repository.File("docs", "mappings", "mgar.yaml");

    private static string DyadYearData => Repository.Fixture("dyad-years", "mgar-synthetic.csv");

    private static string DyadYearNames => Repository.Fixture("dyad-years", "names.csv");

    /// <summary>
    /// The seeds of a reader: the real files in the repository (the built-in case and scenario, KTAB's example, the
    /// peer fixtures of the survival tests) and the small ones in fuzz/seeds; STIX and GraphML seeds are exported
    /// from the built-in case by <paramref name="exports"/>.
    /// </summary>
    public static IReadOnlyList<Seed> Seeds(FuzzTarget target, BuiltInExports exports) => target.Name switch
    {
        "case-yaml" => [Seed.FromFile(Repository.File("cases", "aq-taliban.yaml")), Seed.FromFile(Repository.File("tests", "Wedge.Data.Tests", "Store", "fixtures", "journal-v1.case.yaml"))],
        "mmp-key" => FromFolder("mmp-key"),
        "mmp-relationships" => FromFolder("mmp-relationships"),
        "ktab-csv" => [Seed.FromFile(Repository.Fixture("ktab", "dummyData_3Dim.csv"))],
        "scenario-yaml" => [Seed.FromFile(Repository.File("cases", "aq-taliban-negotiation.yaml"))],
        "assessment-parameters" => FromFolder("params"),
        "edges-csv" => [.. FromFolder("edges-csv"), Seed.FromFile(Repository.File("tests", "Wedge.Analysis.Tests", "Network", "Fixtures", "mmp.csv"))],
        "edges-konect" => FromFolder("edges-konect"),
        "edges-graphml" => [.. FromFolder("edges-graphml"), new("built-in.graphml", exports.GraphMl, [])],
        "stix" => [new("built-in.stix.json", exports.Stix, [])],
        "survival-csv" => SurvivalSeeds(),
        "ach-yaml" => [Seed.FromFile(Repository.File("cases", "aq-taliban-hypotheses.yaml"))],
        "gtd-csv" => FromFolder("gtd-csv"),
        "ucdp-csv" => [Seed.FromFile(Repository.Fixture("ucdp", "synthetic.csv"))],
        "acled-csv" => [Seed.FromFile(Repository.Fixture("acled", "synthetic.csv"))],
        "dyad-years-csv" => [Seed.FromFile(DyadYearData)],
        "dyad-years-mapping" => [Seed.FromFile(DyadYearMapping)],
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Name, "no seeds for this reader"),
    };

    private static List<Seed> FromFolder(string folder)
        => [.. Directory.GetFiles(SeedFolder(folder)).Order(StringComparer.Ordinal).Select(f => Seed.FromFile(f))];

    private static List<Seed> SurvivalSeeds()
    {
        string Data(string name) => Repository.File("tests", "Wedge.Analysis.Tests", "Durability", "fixtures", "data", name);
        return
        [
            Seed.FromFile(Data("tied.csv"), "--time", "time", "--event", "status", "--covariates", "x,z"),
            Seed.FromFile(Data("ovarian.csv"), "--time", "futime", "--event", "fustat", "--covariates", "age,rx"),
            Seed.FromFile(Data("constwithinstrata.csv"), "--time", "time", "--event", "status", "--covariates", "x", "--strata", "g"),
            Seed.FromFile(Data("bladder2.csv"), "--start", "start", "--time", "stop", "--event", "event", "--covariates", "rx,size", "--cluster", "id"),
        ];
    }
}

/// <summary>The built-in case exported as STIX and GraphML, to seed those readers with files Wedge itself writes.</summary>
public sealed class BuiltInExports : IDisposable
{
    private readonly TempDir dir = new("wedge-reliability");

    public BuiltInExports()
    {
        Database = dir.File("built-in.db");
        Expect(WedgeCli.Run(TimeSpan.FromMinutes(2), "init", "--db", Database));
        Expect(WedgeCli.Run(TimeSpan.FromMinutes(1), "export", "stix", "--out", dir.File("built-in.stix.json"), "--db", Database));
        Expect(WedgeCli.Run(TimeSpan.FromMinutes(1), "export", "graphml", "--out", dir.File("built-in.graphml"), "--db", Database));
        Stix = File.ReadAllBytes(dir.File("built-in.stix.json"));
        GraphMl = File.ReadAllBytes(dir.File("built-in.graphml"));
    }

    /// <summary>A database holding the built-in case (read by the fuzzed `assess --params`; never written).</summary>
    public string Database { get; }

    public byte[] Stix { get; }

    public byte[] GraphMl { get; }

    public void Dispose() => dir.Dispose();

    private static void Expect(WedgeRun run)
    {
        if (run.Code != 0)
        {
            throw new InvalidOperationException("setting up the fuzzing seeds failed: " + run.Transcript);
        }
    }
}
