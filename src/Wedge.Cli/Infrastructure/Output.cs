using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Core.Knowledge;
using Wedge.Data.Store;

namespace Wedge.Cli.Infrastructure;

/// <summary>Shared ways of showing results. All text from the record goes through <see cref="Cell"/> or <see cref="Esc"/>: it is data, never markup.</summary>
public static class Output
{
    /// <summary>Writes JSON unwrapped, straight to the console's writer, so it stays machine-readable.</summary>
    public static void Json(IAnsiConsole console, object value)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(WedgeJson.Serialize(value));
        writer.Flush();
    }

    /// <summary>A table cell holding plain text (markup characters in it are shown as they are).</summary>
    public static IRenderable Cell(string? text) => new Text(text ?? "");

    public static string Esc(string? text) => Markup.Escape(text ?? "");

    public static Table Table(params string[] headers)
    {
        var t = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers)
        {
            t.AddColumn(new TableColumn(Esc(h)));
        }

        return t;
    }

    public static void AddTextRow(this Table table, params string?[] cells) => table.AddRow(cells.Select(Cell));

    /// <summary>A period as the tables show it: "2001 – ongoing", "… – 2015".</summary>
    public static string Span(Wedge.Analysis.Dyad.PeriodView p) => $"{p.Start ?? "…"} – {p.End ?? "ongoing"}";

    /// <summary>A one-line description of what slice of the record is shown.</summary>
    public static string Describe(ReadSlice slice) => Describe(slice.Options, slice.RecordedBy);

    /// <summary>A one-line description of what slice of the record is shown.</summary>
    public static string Describe(ReadOptions o, DateTimeOffset? recordedBy)
    {
        var parts = new List<string> { o.EffectiveAt is { } at ? $"at {at}" : "now" };
        if (o.KnownAt is { } k)
        {
            parts.Add($"using only what was public by {k}");
        }

        if (recordedBy is { } r)
        {
            parts.Add($"as recorded by {r:u}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// Writes a file beside its target, then moves it into place: a failure leaves no half-written
    /// file (and any earlier file intact), and is reported as a user error naming the path.
    /// </summary>
    public static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        try
        {
            using (var file = new StreamWriter(temp))
            {
                write(file);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new ProblemException(ProblemKind.Refused, "refused", $"{path}: cannot write: {ex.Message}");
        }
    }

    /// <summary>Resolves a name through aliases, or fails with the nearest matches.</summary>
    public static Wedge.Core.Model.Actor Resolve(Snapshot snapshot, string name) => Wedge.Application.Records.RecordQueries.Resolve(snapshot, name);
}
