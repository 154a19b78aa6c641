// A test-only type that holds a reference to each namespace some layer must not use. Every rule in LayerTests is
// also run against this type and must report it: a rule that cannot see a known-bad reference proves nothing.
namespace Wedge.Architecture.Tests.Fixtures
{
    internal sealed class ForbiddenReferences
    {
        public Wedge.Analysis.Network.SignedGraph? Analysis { get; set; }

        public Wedge.Data.Store.WedgeStore? Data { get; set; }

        public Wedge.Reports.Network.ChartSeries? Reports { get; set; }

        public Wedge.Application.WorkspaceOptions? Application { get; set; }

        public Wedge.Cli.WedgeCommandApp? Cli { get; set; }

        public YamlDotNet.RepresentationModel.YamlStream? Yaml { get; set; }

        public ScottPlot.Plot? Chart { get; set; }

        public Microsoft.Data.Sqlite.SqliteConnection? Sqlite { get; set; }

        public Npgsql.NpgsqlConnection? Postgres { get; set; }

        public Spectre.Console.IAnsiConsole? Console { get; set; }

        public Microsoft.AspNetCore.Http.StandInContext? Web { get; set; }
    }
}

// The test project does not reference ASP.NET; the rules match namespaces by name, so a stand-in type in ASP.NET's
// namespace is as visible to them as the real HttpContext would be.
namespace Microsoft.AspNetCore.Http
{
    internal sealed class StandInContext;
}
