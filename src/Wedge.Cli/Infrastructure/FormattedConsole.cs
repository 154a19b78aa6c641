using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// The console commands write their results to. Drawn tables by default; with --format csv or tsv, every table a
/// command writes goes to standard output as delimited rows (header first; several tables one after another, a blank
/// line between), and everything else it writes (headings, notes, "wrote file …") goes to standard error, so that
/// standard output holds nothing but the data. Commands need not know: they write tables as always.
/// </summary>
internal sealed class FormattedConsole(IAnsiConsole output, IAnsiConsole errors) : IAnsiConsole
{
    private bool tableWritten;

    /// <summary>Set from --format once the command line is parsed, before the command runs.</summary>
    public TableFormat Format { get; set; } = TableFormat.Table;

    public Profile Profile => output.Profile;

    public IAnsiConsoleCursor Cursor => output.Cursor;

    public IAnsiConsoleInput Input => output.Input;

    public IExclusivityMode ExclusivityMode => output.ExclusivityMode;

    public RenderPipeline Pipeline => output.Pipeline;

    public void Clear(bool home) => output.Clear(home);

    /// <summary>Raw terminal writes (cursor moves, progress) belong with the drawn output, or on standard error with CSV/TSV.</summary>
    public void WriteAnsi(Action<AnsiWriter> action) => (Format == TableFormat.Table ? output : errors).WriteAnsi(action);

    public void Write(IRenderable renderable)
    {
        if (Format == TableFormat.Table)
        {
            output.Write(renderable is Rule rule && output.Profile.Width >= TerminalWidth.Unlimited ? Bounded(rule) : renderable);
            return;
        }

        if (renderable is not Table table)
        {
            errors.Write(renderable);
            return;
        }

        var writer = output.Profile.Out.Writer;
        if (tableWritten)
        {
            writer.WriteLine();
        }

        writer.WriteLine(DelimitedText.Row(table.Columns.Select(c => PlainText(c.Header)), Format));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(DelimitedText.Row(row.Select(PlainText), Format));
        }

        writer.Flush();
        tableWritten = true;
    }

    /// <summary>
    /// A rule spans the whole width; with no width limit (output into a pipe) that would be a line of thousands of
    /// dashes, so it is drawn as wide as its title needs, and at least 80 columns.
    /// </summary>
    private static Grid Bounded(Rule rule)
    {
        var width = Math.Max(80, Markup.Remove(rule.Title ?? "").Length + 8);
        return new Grid().AddColumn(new GridColumn().Width(width).NoWrap()).AddRow(rule);
    }

    /// <summary>A cell's text as the table would show it, unwrapped and without style (cells are Text or Markup).</summary>
    private string PlainText(IRenderable cell)
    {
        var options = RenderOptions.Create(output, output.Profile.Capabilities);
        var text = new StringBuilder();
        foreach (var segment in cell.Render(options, maxWidth: 1_000_000))
        {
            if (segment.IsLineBreak)
            {
                text.Append('\n');
            }
            else if (!segment.IsControlCode)
            {
                text.Append(segment.Text);
            }
        }

        return text.ToString().TrimEnd('\n');
    }
}
