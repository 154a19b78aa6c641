using Microsoft.Extensions.DependencyInjection;
using Wedge.Analysis.Durability;
using Wedge.Analysis.Negotiation;
using Wedge.Application;
using Wedge.Application.Assessment;
using Wedge.Application.Durability;
using Wedge.Application.Hypotheses;
using Wedge.Application.Imports;
using Wedge.Application.Negotiation;
using Wedge.Application.Network;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Knowledge;
using Wedge.Data.Exchange.Stix;
using Wedge.Data.Graphs;
using Wedge.Data.Survival;

namespace Wedge.Fuzz;

/// <summary>
/// One reader of outside data as the command line reaches it: the file's name (its extension chooses the format where
/// the command line's does) and what the command does with the file, through the same application service.
/// </summary>
internal sealed record Harness(string Name, string FileName, Action<string> Read);

/// <summary>
/// Every harness. Each calls the entry point the `wedge` command calls (named in a comment), against a record held in
/// memory; an import is planned with the journal's checks (a dry run) but never written. The contract is the command
/// line's: a <see cref="ProblemException"/> (a located refusal, exit 1 or 2) or acceptance; anything else is a defect.
/// </summary>
internal static class Harnesses
{
    public static IReadOnlyList<Harness> All { get; } = Build();

    public static Harness? Find(string name) => All.FirstOrDefault(h => h.Name == name);

    /// <summary>The fixed second file of the MMP harnesses and the GTD fixture's actors, found from the repository root.</summary>
    private static string Repository(params string[] parts) => Path.Combine([Root(), .. parts]);

    private static List<Harness> Build()
    {
        var builtIn = Services(RecordInMemory.BuiltIn);
        var networks = builtIn.GetRequiredService<NetworkService>();
        var hypotheses = builtIn.GetRequiredService<HypothesesService>();
        var negotiations = builtIn.GetRequiredService<NegotiationService>();
        // Imports plan against a small record (the GTD fixture's five actors): weighing an import's impact on every
        // judgement of the built-in case takes 0.4 s an input, which would leave afl a few inputs a second.
        var small = Services(RecordInMemory.With(KnowledgeBase.Empty, Repository("tests", "fixtures", "gtd", "actors.yaml")));
        var imports = small.GetRequiredService<ImportService>();
        // Assessments on an invented case with every fact kind (tests/Wedge.Data.Tests/Store/fixtures), for the same reason.
        var assessments = Services(RecordInMemory.With(KnowledgeBase.Empty, Repository("fuzz", "seeds", "case-yaml", "journal-v1.case.yaml")))
            .GetRequiredService<AssessmentService>();
        var mmpKey = Repository("fuzz", "seeds", "mmp-key", "key.csv");
        var mmpRelationships = Repository("fuzz", "seeds", "mmp-relationships", "relationships.csv");
        var gtd = Repository("fuzz", "seeds", "gtd-csv", "synthetic.csv");
        var dyadImports = Services(RecordInMemory.With(KnowledgeBase.Empty, Repository("tests", "fixtures", "dyad-years", "actors.yaml")))
            .GetRequiredService<ImportService>();
        var ucdpImports = Services(RecordInMemory.With(KnowledgeBase.Empty, Repository("tests", "fixtures", "ucdp", "actors.yaml")))
            .GetRequiredService<ImportService>();
        var acledImports = Services(RecordInMemory.With(KnowledgeBase.Empty, Repository("tests", "fixtures", "acled", "actors.yaml")))
            .GetRequiredService<ImportService>();
        var dyadMapping = Repository("docs", "mappings", "mgar.yaml");
        var dyadData = Repository("tests", "fixtures", "dyad-years", "mgar-synthetic.csv");
        var dyadNames = Repository("tests", "fixtures", "dyad-years", "names.csv");
        var scratch = Scratch.Directory;

        return
        [
            // wedge import case FILE: ImportService.ImportCase (planned and checked, as --dry-run does).
            new("case-yaml", "case.yaml", f => imports.ImportCase(f, null, null, null, dryRun: true)),
            // wedge import mmp --key FILE --relationships SEED (and the other way round): ImportService.ImportMmp.
            new("mmp-key", "key.csv", f => imports.ImportMmp(new MmpImportRequest(f, mmpRelationships), null, null, null, dryRun: true)),
            new("mmp-relationships", "relationships.csv", f => imports.ImportMmp(new MmpImportRequest(mmpKey, f), null, null, null, dryRun: true)),
            // wedge negotiate import-ktab FILE --out OUT --force: NegotiationService.ImportKtab (reads, then writes the YAML).
            new("ktab-csv", "ktab.csv", f => negotiations.ImportKtab(f, Path.Combine(scratch, "ktab.out.yaml"), force: true)),
            // wedge negotiate FILE: NegotiationService.Load, then one forecast with KTAB's defaults.
            new("scenario-yaml", "scenario.yaml", f => negotiations.Forecast(f, SmpOptions.KtabDefaults)),
            // wedge assess A B --params FILE --runs 10: AssessmentService.Assess (ParameterFile.Read inside).
            new("assessment-parameters", "params.yaml", f => assessments.Assess(ReadSlice.Now, new AssessRequest("a-armed-group", "a-state", f, 10, 1))),
            // wedge network balance --input FILE [--input-format edges] [--on-conflict drop]: NetworkService.Balance.
            new("edges-csv", "edges.csv", f => networks.Balance(NetworkRequest.FromFile(new NetworkFile(f)))),
            new("edges-konect", "out.signed", f => networks.Balance(NetworkRequest.FromFile(new NetworkFile(f, GraphFormat.EdgeList)))),
            new("edges-graphml", "edges.graphml", f => networks.Balance(NetworkRequest.FromFile(new NetworkFile(f, OnConflict: SignConflict.Drop)))),
            // wedge import stix FILE: ExchangeService.ImportStix reads the file, plans with StixImporter.Plan, and the
            // store appends with the journal's checks (ExchangeService opens the SQLite store itself, so it is not called).
            new("stix", "bundle.json", ImportStix),
            // wedge durability cox --input FILE --time … --event … --covariates …: SurvivalFileService.Cox. The first
            // line of the input names the columns (see SurvivalOptions), so afl varies the options with the file.
            new("survival-csv", "survival.csv", ReadSurvival),
            // wedge hypotheses score FILE: HypothesesService.Load, then Score on the built-in case.
            new("ach-yaml", "matrix.yaml", f => hypotheses.Score(ReadSlice.Now, HypothesesService.Load(f))),
            // wedge import gtd FILE (into a record holding the GTD fixture's actors): ImportService.ImportGtd.
            new("gtd-csv", "gtd.csv", f => imports.ImportGtd(new GtdImportRequest(f), null, null, null, dryRun: true)),
            // The analyst's name maps: wedge import gtd SEED --map FILE (CSV or YAML, by extension), and
            // wedge import mmp --key SEED --relationships SEED --map FILE.
            new("gtd-map-csv", "map.csv", f => imports.ImportGtd(new GtdImportRequest(gtd, f), null, null, null, dryRun: true)),
            new("gtd-map-yaml", "map.yaml", f => imports.ImportGtd(new GtdImportRequest(gtd, f), null, null, null, dryRun: true)),
            new("mmp-map", "map.csv", f => imports.ImportMmp(new MmpImportRequest(mmpKey, mmpRelationships, f), null, null, null, dryRun: true)),
            // wedge import ucdp|acled FILE --map MAP: ImportService.ImportUcdp/ImportAcled (dry run), into each fixture's actors.
            new("ucdp-csv", "ged.csv", f => ucdpImports.ImportUcdp(new EventImportRequest(f, Repository("tests", "fixtures", "ucdp", "map.csv")), null, null, null, dryRun: true)),
            new("acled-csv", "acled.csv",
                f => acledImports.ImportAcled(new EventImportRequest(f, Repository("tests", "fixtures", "acled", "map.csv")), null, null, null, dryRun: true)),
            // wedge import dyad-years FILE --map docs/mappings/mgar.yaml --names NAMES, and the mapping file fuzzed over
            // the fixture's rows: ImportService.ImportDyadYears (dry run), into the dyad-year fixture's actors.
            new("dyad-years-csv", "dyads.csv",
                f => dyadImports.ImportDyadYears(new DyadYearImportRequest(f, dyadMapping, dyadNames), null, null, null, dryRun: true)),
            new("dyad-years-mapping", "mapping.yaml",
                f => dyadImports.ImportDyadYears(new DyadYearImportRequest(dyadData, f, dyadNames), null, null, null, dryRun: true)),
        ];
    }

    private static void ImportStix(string path)
    {
        var current = RecordInMemory.BuiltIn;
        var plan = StixImporter.Plan(File.ReadAllText(path), path, current);
        if (!plan.Report.IsClean)
        {
            throw Problem.Refused("refused", string.Join(Environment.NewLine, plan.Report.Refused)).At(path).Exception();
        }

        new RecordInMemory(current).Append(plan.Changes, "fuzz", "fuzz");
    }

    /// <summary>The first line: <c>time;event;covariates;strata;start;cluster</c> (covariates comma-separated; empty: none). The rest: the CSV.</summary>
    private static void ReadSurvival(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var end = Array.IndexOf(bytes, (byte)'\n');
        if (end < 0)
        {
            return;
        }

        var options = System.Text.Encoding.UTF8.GetString(bytes, 0, end).Split(';');
        string? At(int i) => i < options.Length && options[i].Length > 0 ? options[i] : null;
        var csv = Path.Combine(Path.GetDirectoryName(path)!, "survival.body.csv");
        File.WriteAllBytes(csv, bytes[(end + 1)..]);
        var columns = new SurvivalColumns(At(0) ?? "time", At(1) ?? "status", At(4), At(2)?.Split(',') is { } c ? c : null, At(3), At(5));
        SurvivalFileService.Cox(csv, columns, CoxTies.Efron);
    }

    private static ServiceProvider Services(KnowledgeBase knowledge)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRecordStore>(new RecordInMemory(knowledge));
        services.AddWedge(new WorkspaceOptions { Database = Path.Combine(Scratch.Directory, "unused.db") });
        return services.BuildServiceProvider();
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wedge.slnx")))
            {
                return dir.FullName;
            }
        }

        return Environment.GetEnvironmentVariable("WEDGE_ROOT") ?? throw new InvalidOperationException("run from within the repository, or set WEDGE_ROOT");
    }
}

/// <summary>A directory of this process's own for the input file and whatever a harness writes (removed on exit).</summary>
internal static class Scratch
{
    public static string Directory { get; } = Create();

    private static string Create()
    {
        var root = Environment.GetEnvironmentVariable("WEDGE_FUZZ_SCRATCH") ?? (System.IO.Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath());
        var dir = System.IO.Directory.CreateDirectory(Path.Combine(root, $"wedge-fuzz-{Environment.ProcessId}")).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return dir;
    }
}
