using Microsoft.Data.Sqlite;

namespace Wedge.Reliability.Tests.Fuzzing;

/// <summary>
/// Each defect found by fuzzing or by the probes of issue 15, with the smallest input that showed it: once an
/// unhandled exception (exit 70 with a stack trace) or a quiet acceptance, now a located refusal.
/// </summary>
public sealed class FoundDefectsTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private readonly TempDir dir = new("wedge-reliability");

    public void Dispose() => dir.Dispose();

    private string Write(string name, string text)
    {
        var path = dir.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string EmptyDatabase()
    {
        var db = dir.File("empty.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--empty", "--db", db).Code);
        return db;
    }

    private static void RefusedAt(WedgeRun run, string where)
    {
        Assert.True(run.Code == 1, run.Transcript);
        Assert.DoesNotContain("unexpected error", run.Err, StringComparison.Ordinal);
        Assert.Contains(where, run.Err, StringComparison.Ordinal);
    }

    // Sep throws ArgumentException on a header with empty or repeated names; EdgeListReader let it escape.
    [Theory]
    [InlineData(",,,,\na,b,c,d\n")]
    [InlineData("source,source\na,b\n")]
    public void EdgeCsv_HeaderWithEmptyOrRepeatedNames_RefusedAtLineOne(string text)
    {
        var run = WedgeCli.Run(Limit, "network", "balance", "--input", Write("edges.csv", text));
        RefusedAt(run, "edges.csv:1: the header names a column twice or leaves one empty");
    }

    // YamlDotNet's scanner throws InvalidOperationException (not YamlException) on these three lines; every YAML reader let it escape.
    [Fact]
    public void ImportCase_YamlTheScannerCannotRead_RefusedAtItsLine()
    {
        var db = EmptyDatabase();
        var run = WedgeCli.Run(Limit, "import", "case", Write("bad.yaml", ":\n[\nr"), "--db", db);
        RefusedAt(run, "bad.yaml:3:1: malformed YAML");
        Assert.Equal(0, WedgeCli.JournalVersion(db));
    }

    [Fact]
    public void Negotiate_ScenarioTheScannerCannotRead_RefusedAtItsLine()
        => RefusedAt(WedgeCli.Run(Limit, "negotiate", Write("bad.yaml", ":\n[\nr")), "bad.yaml:3:1: not valid YAML");

    [Fact]
    public void Assess_ParametersTheScannerCannotRead_RefusedAtItsLine()
    {
        var db = dir.File("built-in.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        var run = WedgeCli.Run(Limit, "assess", "Taliban", "al-Qaeda", "--params", Write("bad.yaml", ":\n[\nr"), "--runs", "10", "--db", db);
        RefusedAt(run, "bad.yaml:3:1: not valid YAML or JSON");
    }

    // Found by the fuzzing campaign of 2026-12-04 (scenario-yaml, sequence 1204): YamlDotNet builds its node tree
    // recursively, so a deeply nested file overflowed the stack and ended the process. Now refused past 64 levels.
    [Theory]
    [InlineData("block")]
    [InlineData("flow")]
    public void DeeplyNestedYaml_RefusedAtTheLevelTooDeep_InEveryYamlReader(string style)
    {
        const int Levels = 100_000;
        var text = style == "flow"
            ? "a: " + new string('[', Levels) + new string(']', Levels) + "\n"
            : string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i) + "k:\n"));
        var file = Write($"deep-{style}.yaml", text);
        var db = dir.File("built-in.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        var before = WedgeCli.JournalVersion(db);
        foreach (var args in new[]
        {
            new[] { "negotiate", file },
            ["import", "case", file, "--db", db],
            ["assess", "Taliban", "al-Qaeda", "--params", file, "--runs", "10", "--db", db],
            ["hypotheses", "score", file, "--db", db],
        })
        {
            var run = WedgeCli.Run(Limit, args);
            RefusedAt(run, $"deep-{style}.yaml:");
            Assert.Contains("nested more than 64 levels deep", run.Err, StringComparison.Ordinal);
        }

        Assert.Equal(before, WedgeCli.JournalVersion(db));
    }

    // Found by the fuzzing campaign of 2026-12-04 (survival-csv, sequence 1204): Sep refuses a header that repeats a name
    // with an ArgumentException, which escaped `durability cox` as a defect (exit 70).
    [Fact]
    public void SurvivalCsv_HeaderRepeatingAName_RefusedAtLineOne()
        => RefusedAt(WedgeCli.Run(Limit, "durability", "cox", "--input", Write("repeated.csv", "1,1,0,2.5\n2,1,0,3\n"), "--time", "1", "--event", "0", "--covariates", "2.5"),
            "repeated.csv:1: the header names a column twice");

    // Found by the same campaign (edges-csv): a quote never closed makes Sep read the rest of the file as one row, and
    // past 16 MB it throws NotSupportedException, which escaped `network balance --input` as a defect.
    [Theory]
    [InlineData("edges.csv", "network", "balance")]
    [InlineData("survival.csv", "durability", "cox")]
    public void Csv_QuoteNeverClosedOverSixteenMegabytes_Refused(string file, string command, string verb)
    {
        var body = command == "network" ? "source,target,sign\na,b,1\n\"" : "time,status,x\n1,1,0\n\"";
        var path = Write(file, body + new string('x', 17 * 1024 * 1024) + "\n");
        var args = command == "network" ? new[] { command, verb, "--input", path } : [command, verb, "--input", path, "--time", "time", "--event", "status", "--covariates", "x"];
        RefusedAt(WedgeCli.Run(Limit, args), $"{file}: a row is longer than 16 MB");
    }

    // Found by the same campaign (case-yaml): an alias after a flow mapping made YamlDotNet's node builder throw an
    // ArgumentException ("the current event is of an unsupported type"), which escaped as a defect.
    [Fact]
    public void ImportCase_AliasAfterAFlowMapping_RefusedAtItsLine()
    {
        var db = EmptyDatabase();
        var run = WedgeCli.Run(Limit, "import", "case", Write("alias.yaml", "case: x\ntitle: y\nactors:\n  - id: a\n    period: {from: 2001} *undefined\n"), "--db", db);
        RefusedAt(run, "alias.yaml:");
        Assert.Contains("malformed YAML", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, WedgeCli.JournalVersion(db));
    }

    // Found by the same campaign (ach-yaml): a claim id with a control character reached ClaimId's constructor, whose
    // ArgumentException escaped `hypotheses score` as a defect. Now refused where the matrix names it.
    [Fact]
    public void Hypotheses_ClaimIdWithAControlCharacter_RefusedAtThatKey()
    {
        var matrix = File.ReadAllText(Repository.File("cases", "aq-taliban-hypotheses.yaml"));
        var at = matrix.IndexOf("claim: ", StringComparison.Ordinal) + "claim: ".Length;
        var file = Write("tab.yaml", matrix[..(at + 4)] + "\t" + matrix[(at + 4)..]);
        var db = dir.File("built-in-ach.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        var run = WedgeCli.Run(Limit, "hypotheses", "score", file, "--db", db);
        RefusedAt(run, "tab.yaml:");
        Assert.Contains("is not a claim id", run.Err, StringComparison.Ordinal);
    }

    // Found by the afl campaign (fuzz/run.sh, ktab-csv; the input as afl-tmin left it): a label row naming one
    // dimension twice was read as two dimensions of one id, and writing the scenario's YAML then threw YamlDotNet's
    // ArgumentException ("an item with the same key"). Now refused where the second label stands; no YAML written.
    [Fact]
    public void ImportKtab_DimensionNamedTwice_RefusedAtTheSecondLabel_NothingWritten()
    {
        var file = Write("ktab.csv", ",,7,3\n,,,00000,,,,00000,0\n0,,3,0,0,0,0,0,0\nS,,3,0,0,0,0,0,0\n2,,3,0,0,0,0,0,0\n3,,2,0,0,0,0,0,0\n4,,4,0,0,0,0,0,0\n5,,8,0,0,0,0,0,0\n6,,8,0,0,0,0,0,0");
        var output = dir.File("ktab.yaml");
        RefusedAt(WedgeCli.Run(Limit, "negotiate", "import-ktab", file, "--out", output), "ktab.csv:2:8: dimension '00000' is named twice in the label row");
        Assert.False(File.Exists(output));
    }

    // Found by the afl campaign (stix; afl-tmin's inputs, cut down by hand to the one property that matters): the ids
    // Wedge gives imported facts are made from STIX ids ("stix-" + the id or its UUID part), and an id with a control
    // character (here DEL) threw ArgumentException from the Wedge id's constructor. Now refused, naming the id.
    [Theory]
    [InlineData("{\"type\":\"bundle\",\"id\":\"0\u007f\",\"objects\":[]}", "the bundle's id")]
    [InlineData("{\"type\":\"bundle\",\"objects\":[{\"type\":\"threat-actor\",\"id\":\"\u007f--\",\"name\":\"0\"}]}", "object 1: its id")]
    public void ImportStix_IdWithAControlCharacter_Refused_NothingWritten(string bundle, string where)
    {
        var db = EmptyDatabase();
        var run = WedgeCli.Run(Limit, "import", "stix", Write("ids.json", bundle), "--db", db);
        RefusedAt(run, "ids.json: " + where);
        Assert.Contains("has control characters or surrounding spaces", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, WedgeCli.JournalVersion(db));
    }

    // Found by the afl campaign (mmp-map; 38 crashes, each an actor_id with a control character, DEL in the first):
    // ActorId's constructor threw out of `import mmp --map`. Now the map's row is refused like any actor not on record.
    [Fact]
    public void ImportMmp_MapNamingAnActorIdWithAControlCharacter_RowRefusedAtItsLine()
    {
        var db = EmptyDatabase();
        var map = Write("map.csv", "mmp_id,actor_id\n1,al-qaeda\u007f\n");
        var run = WedgeCli.Run(Limit, "import", "mmp", "--key", Repository.File("fuzz", "seeds", "mmp-key", "key.csv"),
            "--relationships", Repository.File("fuzz", "seeds", "mmp-relationships", "relationships.csv"), "--map", map, "--db", db);
        Assert.True(run.Code is 0 or 1, run.Transcript);
        Assert.DoesNotContain("unexpected error", run.Err, StringComparison.Ordinal);
        Assert.Contains("map.csv:2: actor 'al-qaeda", run.Out + run.Err, StringComparison.Ordinal);
        Assert.Contains("is not on record", run.Out + run.Err, StringComparison.Ordinal);
    }

    // Found by the afl campaign (survival-csv; afl-tmin's input, its columns renamed): three rows at time 0 in two strata
    // left the Cox fit an information matrix that is not positive definite, and MathNet's Cholesky factorisation threw
    // out of `durability cox` (exit 70). Now refused in words.
    [Fact]
    public void DurabilityCox_InformationMatrixNotPositiveDefinite_Refused()
    {
        var file = Write("strata.csv", "time,ev,g,x\n0,1,1,50\n0,1,0,0\n0,0,0,.7\n");
        RefusedAt(WedgeCli.Run(Limit, "durability", "cox", "--input", file, "--time", "time", "--event", "ev", "--covariates", "x", "--strata", "g"),
            "the Cox model cannot be fitted to these rows: its information matrix is not positive definite");
    }

    // The "[grade: B2" line: a YamlException already, kept here so it stays a located refusal.
    [Fact]
    public void ImportCase_StrayFlowMapping_RefusedAtItsLine()
    {
        var db = EmptyDatabase();
        var run = WedgeCli.Run(Limit, "import", "case", Write("stray.yaml", "case: t\ntitle: T\nsources:\n- id: s1\n  title: S\n[grade: B2\n"), "--db", db);
        RefusedAt(run, "stray.yaml:6:1: malformed YAML");
        Assert.Equal(0, WedgeCli.JournalVersion(db));
    }

    // IdRules.Check throws ArgumentException for a control character; references (source, parent, from, actors, claims)
    // were made with `new XId(...)` outside the reader's id check, so it escaped `import case`.
    [Theory]
    [InlineData("claims:\n- id: c1\n  source: \"s\\x01\"\n  text: x\n  grade: B2\n", "8:11")]
    [InlineData("actors:\n- id: a1\n  name: A\n  kind: armed-group\n  parent: \"p\\0\"\n", "10:11")]
    [InlineData("events:\n- id: e1\n  date: 2001\n  kind: other\n  title: E\n  actors: [\"a\\x1b\"]\n", "11:12")]
    public void ImportCase_ReferenceWithControlCharacter_RefusedAtThatKey(string tail, string at)
    {
        var db = EmptyDatabase();
        var run = WedgeCli.Run(Limit, "import", "case", Write("ids.yaml", "case: t\ntitle: T\nsources:\n- id: s1\n  title: S\n" + tail), "--db", db);
        Assert.True(run.Code == 1, run.Transcript);
        Assert.DoesNotContain("unexpected error", run.Err, StringComparison.Ordinal);
        Assert.Contains($"ids.yaml:{at}: ", run.Err, StringComparison.Ordinal);
        Assert.Contains("is not a usable id", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, WedgeCli.JournalVersion(db));
    }

    // JsonObject throws ArgumentException on first access to an object with a repeated property name.
    [Fact]
    public void ImportStix_RepeatedPropertyName_RefusedAsInvalidJson()
    {
        var db = EmptyDatabase();
        var run = WedgeCli.Run(Limit, "import", "stix", Write("dup.json", "{\"type\":\"bundle\",\"type\":\"bundle\"}"), "--db", db);
        RefusedAt(run, "dup.json:1: not valid JSON");
        Assert.Equal(0, WedgeCli.JournalVersion(db));
    }

    // A journal payload that is not JSON threw JsonException out of every read (`actors` first).
    [Fact]
    public void Actors_JournalPayloadNotJson_RefusedAsDamaged_FileUntouched()
    {
        var db = dir.File("damaged.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        Sql(db, "INSERT INTO journal (version, recorded_at, author, reason, action, fact_type, fact_id, payload) VALUES ((SELECT max(version) + 1 FROM journal), 0, 'x', 'y', 'add', 'actor', 'zz', '{not json'); DELETE FROM checkpoint; DELETE FROM checkpoint_part;");
        var before = File.ReadAllBytes(db);
        var run = WedgeCli.Run(Limit, "actors", "--db", db);
        RefusedAt(run, "a damaged Wedge database: journal entry");
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    // A database without its schema_version row was once accepted (and written to).
    [Fact]
    public void Actors_SchemaVersionRowMissing_RefusedAsDamaged_FileUntouched()
    {
        var db = dir.File("no-version.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        Sql(db, "DELETE FROM wedge_meta WHERE key = 'schema_version'");
        var before = File.ReadAllBytes(db);
        RefusedAt(WedgeCli.Run(Limit, "actors", "--db", db), "its schema version is missing");
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    // A megabyte-long field quoted whole in a refused row's reason: printing it took seconds (terminal wrapping grows
    // faster than the line), after the import had committed. Quotes are now cut to a few hundred characters.
    [Fact]
    public void ImportMmp_MegabyteTypeCode_ReasonQuotesAnExcerpt()
    {
        var db = EmptyDatabase();
        var key = Write("key.csv", "group_id,name\n1,Al Qaeda\n2,The Taliban\n");
        var rel = Write("rel.csv", "unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\n"
            + "1,all,1,2,2001-00-00,x,Al Qaeda,The Taliban\n2," + new string('[', 1_000_000) + ",1,2,2001-00-00,x,Al Qaeda,The Taliban\n");
        var run = WedgeCli.Run(Limit, "import", "mmp", "--key", key, "--relationships", rel, "--db", db);
        Assert.True(run.Code == 0, run.Transcript);
        Assert.Contains("characters left out", run.Out + run.Err, StringComparison.Ordinal);
        Assert.True((run.Out + run.Err).Length < 20_000, $"printed {(run.Out + run.Err).Length} characters");
    }

    private static void Sql(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
