using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Spells;
using Wedge.Application;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Knowledge;
using Wedge.Data.Export;

namespace Wedge.Cli.Commands.Mmp;

public sealed class ExportGraphSettings : SpellRuleSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Write to FILE instead of the console.")]
    public string? Out { get; set; }
}

/// <summary>`wedge export graphml`: every actor, and one edge per tie (with --at, the ties that may hold then), with kinds, signs, dates and sources.</summary>
public sealed class ExportGraphMlCommand(IAnsiConsole console, IRecordStore source) : Command<ExportGraphSettings>
{
    public override int Execute(CommandContext context, ExportGraphSettings settings, CancellationToken cancellationToken)
    {
        var graph = GraphExport.FromTies(source.Read(settings.Slice));
        return GraphOutput.Write(console, settings.Out, graph, w => GraphMlWriter.Write(w, graph));
    }
}

/// <summary>`wedge export gexf`: a dynamic GEXF 1.3 graph whose edges are spells (intervals), for Gephi's timeline.</summary>
public sealed class ExportGexfCommand(IAnsiConsole console, IRecordStore source) : Command<ExportGraphSettings>
{
    public override int Execute(CommandContext context, ExportGraphSettings settings, CancellationToken cancellationToken)
    {
        var s = source.Read(settings.Slice);
        var set = SpellBuilder.Build(s, settings.Rule);
        var graph = SpellGraph.Of(s, set);
        var description = $"Wedge spells ({Output.Describe(settings.ReadOptions, settings.RecordedByTime)}; policy {settings.PolicyName}; data end {set.DataEnd})";
        return GraphOutput.Write(console, settings.Out, graph, w => GexfWriter.Write(w, graph, description));
    }
}

internal static class GraphOutput
{
    /// <summary>To the console, or to a file written beside the target and moved into place (no half-written file).</summary>
    public static int Write(IAnsiConsole console, string? path, GraphExport graph, Action<TextWriter> write)
    {
        if (path is null)
        {
            var w = console.Profile.Out.Writer;
            write(w);
            w.WriteLine();
            w.Flush();
            return 0;
        }

        Output.WriteAtomically(path, write);

        console.MarkupLine($"Wrote {graph.Nodes.Count} nodes and {graph.Edges.Count} edges to {Output.Esc(path)}.");
        return 0;
    }
}
