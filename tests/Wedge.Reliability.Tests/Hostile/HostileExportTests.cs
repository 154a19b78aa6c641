using System.Xml;

namespace Wedge.Reliability.Tests.Hostile;

/// <summary>
/// An actor name carrying markup, an entity, a CDATA end, terminal escapes, BEL, a C0 control and a bidirectional
/// override, through the XML exports (GraphML for Gephi and igraph, GEXF): each stays well-formed XML, the name comes
/// back as text (markup inert), and no control character that XML 1.0 forbids is written.
/// </summary>
public sealed class HostileExportTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private readonly TempDir dir = new("wedge-hostile-export");

    public void Dispose() => dir.Dispose();

    // YAML double-quoted escapes: \e is ESC, \a BEL, \x01 SOH, \u202E right-to-left override.
    private const string HostileCase = """
        case: hostile-export
        title: Hostile names in the XML exports
        claims:
          - id: c-hostile-export
            source: bacon-2018
            text: a test claim
            grade: C3
        actors:
          - id: x-hostile
            name: "A <b>&amp; \e[2J \a \u202Egnp \x01 ]]> group"
            kind: armed-group
        ties:
          - id: t-hostile
            kind: alliance
            from: x-hostile
            to: taliban
            period: {from: 2001}
            claims: [c-hostile-export]
        """;

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public void HostileActorName_LeavesTheExportWellFormed_AndInert(string format)
    {
        var db = dir.File("wedge.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        var file = dir.File("hostile.yaml");
        File.WriteAllText(file, HostileCase);
        var import = WedgeCli.Run(Limit, "import", "case", file, "--db", db);
        Assert.True(import.Code == 0, import.Transcript);

        var output = dir.File($"web.{format}");
        var export = WedgeCli.Run(Limit, "export", format, "--out", output, "--db", db);
        Assert.True(export.Code == 0, export.Transcript);

        var text = File.ReadAllText(output);
        Assert.DoesNotContain(text, c => c < ' ' && c is not '\n' and not '\r' and not '\t');
        var document = new XmlDocument();
        document.LoadXml(text); // throws on anything not well-formed
        Assert.Empty(document.GetElementsByTagName("b"));
        var values = document.SelectNodes("//text()")!.Cast<XmlNode>().Select(n => n.Value ?? "")
            .Concat(document.SelectNodes("//@*")!.Cast<XmlNode>().Select(n => n.Value ?? ""));
        Assert.Contains(values, v => v.Contains("A <b>&amp;", StringComparison.Ordinal) && v.Contains("]]> group", StringComparison.Ordinal));
    }
}
