using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Core.Knowledge;
using Wedge.Data.Store;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// Shared ways of showing results. All text from the record goes through <see cref="Cell"/> or <see cref="Esc"/>: it is
/// data, never markup, and never terminal control (both apply <see cref="TerminalText.Safe"/>).
/// </summary>
public static class Output
{
    /// <summary>Writes JSON unwrapped, straight to the console's writer, so it stays machine-readable.</summary>
    public static void Json(IAnsiConsole console, object value)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(WedgeJson.Serialize(value));
        writer.Flush();
    }

    /// <summary>A table cell holding plain text (markup characters in it are shown as they are; control characters escaped).</summary>
    public static IRenderable Cell(string? text) => new Text(TerminalText.Safe(text));

    /// <summary>Text for a markup string: control characters escaped visibly, markup characters shown literally.</summary>
    public static string Esc(string? text) => Markup.Escape(TerminalText.Safe(text));

    /// <summary>
    /// A table with these headers. Columns that hold ids (id, fact, tie, node) are never wrapped: an id cut in two
    /// cannot be copied or searched for; narrow terminals shrink the other columns instead.
    /// </summary>
    public static Table Table(params string[] headers)
    {
        var t = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers)
        {
            var column = new TableColumn(Esc(h));
            t.AddColumn(h is "id" or "fact" or "tie" or "node" ? column.NoWrap() : column);
        }

        return t;
    }

    public static void AddTextRow(this Table table, params string?[] cells) => table.AddRow(cells.Select(Cell));

    /// <summary>A period as the tables show it: "2001 – ongoing", "… – 2015".</summary>
    public static string Span(Wedge.Analysis.Dyad.PeriodView p) => $"{p.Start ?? "…"} – {p.End ?? "ongoing"}";

    /// <summary>A one-line description of what slice of the record is shown.</summary>
    public static string Describe(ReadSlice slice) => Slices.Describe(slice);

    /// <summary>Writes a file beside its target, then moves it into place (see <see cref="Files.WriteAtomically"/>).</summary>
    public static void WriteAtomically(string path, Action<TextWriter> write) => Files.WriteAtomically(path, write);

    /// <summary>Resolves a name through aliases, or fails with the nearest matches.</summary>
    public static Wedge.Core.Model.Actor Resolve(Snapshot snapshot, string name) => Wedge.Application.Records.RecordQueries.Resolve(snapshot, name);
}
