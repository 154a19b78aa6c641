using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Wedge.Core.Time;

namespace Wedge.Data.Export;

/// <summary>
/// Writes a <see cref="GraphExport"/> as GraphML (http://graphml.graphdrawing.org/xmlns): an undirected graph whose
/// edges carry kind, sign, a <c>directed</c> flag, fuzzy start and end dates (ISO at their own precision),
/// sources, claim ids and grades as data. Direction is kept as source → target order; the graph is
/// undirected because most kinds are, and a mixed graph confuses many readers.
/// </summary>
public static class GraphMlWriter
{
    private static readonly XNamespace Ns = "http://graphml.graphdrawing.org/xmlns";

    private static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("n_label", "node", "label", "string"),
        ("n_kind", "node", "kind", "string"),
        ("n_start", "node", "start", "string"),
        ("n_end", "node", "end", "string"),
        ("n_mmp", "node", "mmp_id", "string"),
        ("e_kind", "edge", "kind", "string"),
        ("e_sign", "edge", "sign", "int"),
        ("e_directed", "edge", "directed", "boolean"),
        ("e_start", "edge", "start", "string"),
        ("e_end", "edge", "end", "string"),
        ("e_sources", "edge", "sources", "string"),
        ("e_claims", "edge", "claims", "string"),
        ("e_grades", "edge", "grades", "string"),
        ("e_contested", "edge", "contested_by", "string"),
    ];

    public static void Write(TextWriter writer, GraphExport graph)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        var root = new XElement(Ns + "graphml",
            Keys.Select(k => new XElement(Ns + "key", new XAttribute("id", k.Id), new XAttribute("for", k.For),
                new XAttribute("attr.name", k.Name), new XAttribute("attr.type", k.Type))),
            new XElement(Ns + "graph", new XAttribute("id", "wedge"), new XAttribute("edgedefault", "undirected"),
                graph.Nodes.Select(n => new XElement(Ns + "node", new XAttribute("id", n.Id),
                    Data("n_label", n.Label), Data("n_kind", n.Kind), Data("n_start", n.Start?.ToString()), Data("n_end", n.End?.ToString()), Data("n_mmp", n.MmpId))),
                graph.Edges.Select(e => new XElement(Ns + "edge", new XAttribute("id", e.Id), new XAttribute("source", e.Source), new XAttribute("target", e.Target),
                    Data("e_kind", e.Kind), Data("e_sign", e.Sign.ToString(CultureInfo.InvariantCulture)), Data("e_directed", e.Directed ? "true" : "false"),
                    Data("e_start", e.Start?.ToString()), Data("e_end", e.End?.ToString()), Data("e_sources", e.Sources), Data("e_claims", e.Claims),
                    Data("e_grades", e.Grades), Data("e_contested", e.ContestedBy.Length > 0 ? e.ContestedBy : null)))));
        Save(writer, new XDocument(new XDeclaration("1.0", "utf-8", null), root));
    }

    private static XElement? Data(string key, string? value)
        => value is null ? null : new XElement(Ns + "data", new XAttribute("key", key), XmlSafe(value));

    internal static string XmlSafe(string s) => s.Any(c => !XmlConvert.IsXmlChar(c)) ? new string(s.Where(XmlConvert.IsXmlChar).ToArray()) : s;

    internal static void Save(TextWriter writer, XDocument doc)
    {
        using var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false });
        doc.Save(xml);
    }
}

/// <summary>
/// Writes a <see cref="GraphExport"/> as a dynamic GEXF 1.3 graph (https://gexf.net): each edge lives over its
/// interval (<c>start</c>, <c>end</c> as days; an open end means "to the end of the data"), so Gephi's timeline
/// plays the web's history. A fuzzy date is written as its earliest day; the fuzzy text is kept in
/// <c>start_text</c>/<c>end_text</c>. Parallel edges (an alliance and a rivalry spell between the same pair)
/// are told apart by their <c>kind</c>.
/// </summary>
public static class GexfWriter
{
    public static readonly XNamespace Ns = "http://gexf.net/1.3";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly (string Id, string Title, string Type)[] NodeAttributes =
    [
        ("kind", "kind", "string"),
        ("mmp_id", "mmp_id", "string"),
    ];

    private static readonly (string Id, string Title, string Type)[] EdgeAttributes =
    [
        ("kind", "kind", "string"),
        ("sign", "sign", "integer"),
        ("directed", "directed", "boolean"),
        ("start_text", "start_text", "string"),
        ("end_text", "end_text", "string"),
        ("censored", "censored", "boolean"),
        ("ended_by", "ended_by", "string"),
        ("contested_by", "contested_by", "string"),
        ("sources", "sources", "string"),
        ("claims", "claims", "string"),
        ("grades", "grades", "string"),
    ];

    public static void Write(TextWriter writer, GraphExport graph, string description)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        var root = new XElement(Ns + "gexf",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            new XAttribute("version", "1.3"),
            new XElement(Ns + "meta", new XElement(Ns + "creator", "Wedge"), new XElement(Ns + "description", GraphMlWriter.XmlSafe(description))),
            new XElement(Ns + "graph", new XAttribute("mode", "dynamic"), new XAttribute("defaultedgetype", "undirected"),
                new XAttribute("timeformat", "date"), new XAttribute("timerepresentation", "interval"),
                Declare("node", NodeAttributes),
                Declare("edge", EdgeAttributes),
                new XElement(Ns + "nodes", graph.Nodes.Select(n => new XElement(Ns + "node",
                    new XAttribute("id", n.Id), new XAttribute("label", GraphMlWriter.XmlSafe(n.Label)),
                    Day("start", n.Start), Day("end", n.End),
                    new XElement(Ns + "attvalues", Value("kind", n.Kind), Value("mmp_id", n.MmpId))))),
                new XElement(Ns + "edges", graph.Edges.Select(e => new XElement(Ns + "edge",
                    new XAttribute("id", e.Id), new XAttribute("source", e.Source), new XAttribute("target", e.Target),
                    new XAttribute("kind", e.Kind), new XAttribute("label", e.Kind),
                    Day("start", e.Start), Day("end", e.End),
                    new XElement(Ns + "attvalues",
                        Value("kind", e.Kind), Value("sign", e.Sign.ToString(CultureInfo.InvariantCulture)), Value("directed", e.Directed ? "true" : "false"),
                        Value("start_text", e.Start?.ToString()), Value("end_text", e.End?.ToString()),
                        Value("censored", e.Censored is { } c ? (c ? "true" : "false") : null), Value("ended_by", e.EndedBy),
                        Value("contested_by", e.ContestedBy.Length > 0 ? e.ContestedBy : null),
                        Value("sources", e.Sources), Value("claims", e.Claims), Value("grades", e.Grades)))))));
        GraphMlWriter.Save(writer, new XDocument(new XDeclaration("1.0", "utf-8", null), root));
    }

    private static XElement Declare(string cls, (string Id, string Title, string Type)[] attributes)
        => new(Ns + "attributes", new XAttribute("class", cls), new XAttribute("mode", "static"),
            attributes.Select(a => new XElement(Ns + "attribute", new XAttribute("id", a.Id), new XAttribute("title", a.Title), new XAttribute("type", a.Type))));

    private static XAttribute? Day(string name, FuzzyDate? date)
        => date is { } d ? new XAttribute(name, d.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

    private static XElement? Value(string id, string? value)
        => string.IsNullOrEmpty(value) ? null : new XElement(Ns + "attvalue", new XAttribute("for", id), new XAttribute("value", GraphMlWriter.XmlSafe(value)));
}
