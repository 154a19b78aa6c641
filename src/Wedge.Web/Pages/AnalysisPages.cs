using Wedge.Application.Durability;
using Wedge.Application.Hypotheses;
using Wedge.Application.Records;

namespace Wedge.Web.Pages;

/// <summary>
/// The durability and hypotheses pages: the same sections the brief prints (Wedge.Reports' components), read live at the
/// page's clocks. They call the application services the API and the command line call, and add nothing of their own.
/// </summary>
public static class AnalysisPages
{
    public static IEndpointRouteBuilder MapAnalysisPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/hypotheses", () => WedgePages.Page<HypothesesPage>(new() { ["Matrices"] = HypothesesService.List() }));
        pages.MapGet("/hypotheses/{name}", (HttpContext http, HypothesesService hypotheses, string name, string? at, string? knownAt, string? recordedBy)
            => WedgePages.Render(http, () =>
            {
                var clocks = PageClocks.From(at, knownAt, recordedBy);
                var matrix = HypothesesService.BuiltIn(name);
                return WedgePages.Page<HypothesesPage>(new()
                {
                    ["Matrices"] = HypothesesService.List(),
                    ["Name"] = matrix.Id,
                    ["Section"] = hypotheses.Section(clocks.Slice(), matrix),
                    ["Clocks"] = clocks,
                });
            }));
        pages.MapGet("/durability", (HttpContext http, RecordDurabilityService durability, RecordQueries records, string? a, string? b, string? at, string? knownAt,
            string? recordedBy) => WedgePages.Render(http, () =>
            {
                var clocks = PageClocks.From(at, knownAt, recordedBy);
                var slice = clocks.Slice();
                string? first = WedgePages.Set(a), second = WedgePages.Set(b);
                if (first is not null && second is not null)
                {
                    // Names as the command line takes them; refused in words when either is not on record.
                    var pair = records.Dyad(slice, first, second);
                    (first, second) = (pair.A.Id, pair.B.Id);
                }

                return WedgePages.Page<DurabilityPage>(new()
                {
                    ["Section"] = durability.BriefSection(slice, first, second),
                    ["Clocks"] = clocks,
                    ["A"] = WedgePages.Set(a),
                    ["B"] = WedgePages.Set(b),
                });
            }));
        return routes;
    }
}
