using System.Text.RegularExpressions;
using Wedge.Data.Scenarios;

namespace Wedge.Data.Tests.Scenarios;

public class BuiltInScenarioTests
{
    [Fact]
    public void AqTaliban_HasTheArticlesActorsAndTheTalibanAsAMovement()
    {
        var s = BuiltInScenarios.Find("aq-taliban-negotiation")!;

        Assert.Equal(["aq-ties", "us-troops"], s.Dimensions.Select(d => d.Id));
        Assert.Equal(["united-states", "afghan-government", "pakistan", "taliban-leadership", "haqqani-network", "pro-negotiation-current", "al-qaeda"],
            s.Actors.Select(a => a.Id));
        Assert.Equal(["taliban-leadership", "haqqani-network", "pro-negotiation-current"], s.Actors.Where(a => a.Movement == "taliban").Select(a => a.Id));
        Assert.False(s.Actors.Single(a => a.Id == "al-qaeda").AtTable);
        Assert.Equal("taliban-pro-negotiation", s.Actors.Single(a => a.Id == "pro-negotiation-current").KnowledgeBaseActor);
        Assert.Null(BuiltInScenarios.Find("nope"));
    }

    [Fact]
    public void AqTaliban_EveryValueCarriesAJustification()
    {
        // Each number in the actors section has a comment on its line or on the comment block right above it.
        var lines = File.ReadAllLines(Repository.File("cases", "aq-taliban-negotiation.yaml"));
        var start = Array.FindIndex(lines, l => l.StartsWith("actors:", StringComparison.Ordinal));
        var valueLine = new Regex(@"^\s+(capability|aq-ties|us-troops|tolerance|at-table|flexibility):\s*\S");
        for (var i = start; i < lines.Length; i++)
        {
            if (!valueLine.IsMatch(lines[i]))
            {
                continue;
            }

            var justified = lines[i].Contains('#') || lines[i - 1].TrimStart().StartsWith('#');
            var comment = lines[i].Contains('#') ? lines[i] : lines[i - 1];
            Assert.True(justified, $"line {i + 1} has no justification: {lines[i]}");
            Assert.True(comment.Contains("[article]") || comment.Contains("[assumption]") || Enumerable.Range(1, 4).Any(k =>
                i - k >= 0 && (lines[i - k].Contains("[article]") || lines[i - k].Contains("[assumption]"))), $"line {i + 1} is not marked [article] or [assumption]");
        }
    }
}
