using System.Globalization;
using System.Text.RegularExpressions;
using Wedge.Analysis.Assessment;

namespace Wedge.Analysis.Tests.Assessment;

/// <summary>docs/methods/assessment.md lists every parameter with its default and range; the code's one table must say the same.</summary>
public partial class MethodDocumentTests
{
    [GeneratedRegex(@"^\| `(?<key>[^`]+)` \| (?<default>[-0-9.]+) \| (?<min>[-0-9.]+)–(?<max>[-0-9.]+)(?<whole> \(whole\))? \|")]
    private static partial Regex Row();

    [Fact]
    public void ParameterTable_MatchesDefinitionsInCode()
    {
        var text = File.ReadAllText(Repository.File("docs", "methods", "assessment.md"));
        var begin = text.IndexOf("<!-- parameters:begin", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- parameters:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "the parameter table markers are missing");
        var rows = text[begin..end].Split('\n').Select(l => Row().Match(l.Trim())).Where(m => m.Success).ToList();

        double D(Match m, string g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        var documented = rows.Select(m => (m.Groups["key"].Value, D(m, "default"), D(m, "min"), D(m, "max"), m.Groups["whole"].Success)).ToList();
        var inCode = AssessmentParameters.Definitions.Select(d => (d.Key, d.Default, d.Min, d.Max, d.IsInteger)).ToList();
        Assert.Equal(inCode, documented);
    }

    [Fact]
    public void Defaults_AreConsistentAndInRange()
    {
        Assert.Null(AssessmentParameters.Default.CheckConsistency());
        foreach (var (d, value) in AssessmentParameters.Default.All)
        {
            Assert.InRange(value, d.Min, d.Max);
            Assert.False(string.IsNullOrWhiteSpace(d.Why), d.Key);
        }
    }

    [Fact]
    public void With_RefusesUnknownKeyAndOutOfRange()
    {
        Assert.Equal("unknown parameter 'nope'", AssessmentParameters.Default.With("nope", 1).Error);
        Assert.Equal("'reliability.B' is 1.5, outside 0..1", AssessmentParameters.Default.With("reliability.B", 1.5).Error);
        Assert.Equal("'sustained-years' must be a whole number, not 2.5", AssessmentParameters.Default.With("sustained-years", 2.5).Error);
        var falling = AssessmentParameters.Default.With("magnitude.critical", 3).Result!;
        Assert.Contains("must not fall", falling.CheckConsistency());
    }
}
