using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Wedge.Analysis.Assessment;
using Wedge.Core.Knowledge;

namespace Wedge.Reports.Briefs;

/// <summary>
/// A self-contained HTML brief on an alliance: provenance, the verdict, the ledger per side over time, dependence,
/// bonds, the timeline, the neighbourhood, durability, competing hypotheses, uncertainty, a short method appendix, the
/// sources (a bibliography with short cites) and a note for every claim with its grade. The markup is the Razor
/// components of this folder (<see cref="BriefDocument"/>), so every text from the record is encoded by the renderer;
/// charts are SVG images embedded as data URIs.
/// </summary>
public static class AllianceBrief
{
    /// <param name="durability">The "How long will it hold?" section, when the record's durability model could be fitted.</param>
    /// <param name="hypotheses">The competing-hypotheses section, when a matrix asks about the pair.</param>
    public static (string Html, IReadOnlyList<string> Unavailable) Render(Snapshot snapshot, AllianceAssessment assessment, BriefOptions options,
        DurabilitySection? durability = null, HypothesesSection? hypotheses = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = new BriefModel(snapshot, assessment, options, durability, hypotheses);
        // Twice: the provenance block comes first but counts the notes the body cites, so a first rendering numbers the
        // notes (in the order the body cites them) without drawing charts, and the second writes the brief.
        model.Numbering = true;
        RenderToString<BriefDocument>(new Dictionary<string, object?> { ["M"] = model });
        model.Numbering = false;
        model.ForgetUnavailable();
        var html = RenderToString<BriefDocument>(new Dictionary<string, object?> { ["M"] = model });
        return (html, model.Unavailable);
    }

    /// <summary>A component rendered outside any server, as a file's text (letters of every script kept as they are).</summary>
    public static string RenderToString<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        using var services = new ServiceCollection()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .BuildServiceProvider();
        using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
    }
}
