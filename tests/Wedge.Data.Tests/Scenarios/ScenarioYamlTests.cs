using Wedge.Core.Negotiation;
using Wedge.Data.Scenarios;

namespace Wedge.Data.Tests.Scenarios;

public class ScenarioYamlTests
{
    private const string Valid = """
        scenario: Test
        dimensions:
          - id: ties
            name: Ties
          - id: troops
        movements:
          - id: mv
            name: Movement
        actors:
          - id: a
            capability: [5, 15]
            position: { ties: 10, troops: { value: 20, low: 10, high: 40 } }
            salience: { ties: 50, troops: 50 }
            faction-of: mv
            tolerance: 12
          - id: b
            name: Bee
            capability: 20
            position: { ties: 90, troops: 0 }
            salience: { ties: 30 }
            at-table: false
            flexibility: 5
        """;

    private static ScenarioFormatException Fails(string text) => Assert.Throws<ScenarioFormatException>(() => ScenarioYaml.Read(text, "s.yaml"));

    [Fact]
    public void Valid_ReadsEverything()
    {
        var s = ScenarioYaml.Read(Valid, "s.yaml");

        Assert.Equal(["ties", "troops"], s.Dimensions.Select(d => d.Id));
        Assert.Equal(new Estimate(10, 5, 15), s.Actors[0].Capability);
        Assert.Equal(new Estimate(20, 10, 40), s.Actors[0].Positions[1]);
        Assert.Equal(("mv", 12.0), (s.Actors[0].Movement, s.Actors[0].Tolerance!.Value));
        Assert.Equal(0, s.Actors[1].Saliences[1].Value); // unlisted salience = does not care
        Assert.False(s.Actors[1].AtTable);
        Assert.Equal(5, s.Actors[1].Flexibility);
    }

    [Fact]
    public void WriteThenRead_RoundTrips()
    {
        var s = ScenarioYaml.Read(Valid, "s.yaml");
        var again = ScenarioYaml.Read(ScenarioYaml.Write(s, "header"), "again.yaml");

        Assert.Equal(s.Dimensions, again.Dimensions);
        Assert.Equal(s.Movements, again.Movements);
        for (var i = 0; i < s.Actors.Count; i++)
        {
            Assert.Equal(s.Actors[i] with { Positions = [], Saliences = [] }, again.Actors[i] with { Positions = [], Saliences = [] });
            Assert.Equal(s.Actors[i].Positions, again.Actors[i].Positions);
            Assert.Equal(s.Actors[i].Saliences, again.Actors[i].Saliences);
        }
    }

    [Fact]
    public void Write_TextsThatLookLikeOtherValues_ReadBackAsText()
    {
        // Ids and names a plain scalar would misread (booleans, nulls, numbers, quotes, a comment sign, a line break) survive the emitter.
        var s = ScenarioYaml.Read(Valid, "s.yaml");
        var odd = s with
        {
            Name = "yes",
            Description = "line one\nline \"two\" # not a comment",
            Dimensions = [s.Dimensions[0] with { Id = "~", Name = "null" }, s.Dimensions[1] with { Id = "1", Name = "true: false" }],
        };
        var again = ScenarioYaml.Read(ScenarioYaml.Write(odd, "a header\nover two lines"), "odd.yaml");
        Assert.Equal(odd.Name, again.Name);
        Assert.Equal(odd.Description, again.Description);
        Assert.Equal(odd.Dimensions, again.Dimensions);
        Assert.Equal(s.Actors.Select(a => a.Positions), again.Actors.Select(a => a.Positions));
    }

    [Fact]
    public void KtabSample_ConvertsToYamlAndBack()
    {
        var csv = KtabCsv.ReadFile(Repository.Fixture("ktab", "dummyData_3Dim.csv"));
        var yaml = ScenarioYaml.Read(ScenarioYaml.Write(csv), "x.yaml");
        Assert.Equal(csv.Actors.Select(a => a.Positions), yaml.Actors.Select(a => a.Positions));
        Assert.Equal(csv.Actors.Select(a => a.Capability), yaml.Actors.Select(a => a.Capability));
    }

    [Theory]
    [InlineData("B1", 40, 40)]
    [InlineData("B2", 35, 45)]
    [InlineData("C3", 30, 50)]
    [InlineData("D4", 20, 60)]
    [InlineData("E5", 10, 70)]
    [InlineData("F6", 0, 90)] // clamped to the scale
    public void GradedPosition_BecomesARangeByCredibility(string grade, double low, double high)
    {
        var s = ScenarioYaml.Read(Valid.Replace("ties: 90,", $"ties: {{ value: 40, grade: {grade} }},"), "s.yaml");
        Assert.Equal(new Estimate(40, low, high), s.Actors[1].Positions[0]);
    }

    [Fact]
    public void GradedCapability_SpreadIsAPercentage()
    {
        var s = ScenarioYaml.Read(Valid.Replace("capability: 20", "capability: { value: 20, grade: C4 }"), "s.yaml");
        Assert.Equal(new Estimate(20, 16, 24), s.Actors[1].Capability);
    }

    [Fact]
    public void BadGrade()
        => Assert.Equal("s.yaml:18:37: capability: 'Z9': source reliability 'Z' is outside A–F",
            Fails(Valid.Replace("capability: 20", "capability: { value: 20, grade: Z9 }")).Message);

    [Fact]
    public void GradeAndRangeTogether()
        => Assert.StartsWith("s.yaml:18:37: capability: give either a grade or low/high",
            Fails(Valid.Replace("capability: 20", "capability: { value: 20, grade: B2, low: 1 }")).Message);

    [Fact]
    public void FactionOfAnUnknownMovement()
    {
        var e = Fails(Valid.Replace("faction-of: mv", "faction-of: nope"));
        Assert.Equal("s.yaml:14:17: 'a' is a faction of 'nope', but no movement has that id (movements: mv)", e.Message);
    }

    [Fact]
    public void ToleranceWithoutMovement_IsAFactionWithoutAMovement()
    {
        var e = Fails(Valid.Replace("    faction-of: mv\n", ""));
        Assert.Equal("s.yaml:14:16: 'a' has a tolerance but is not a faction of any movement (add faction-of)", e.Message);
    }

    [Fact]
    public void MovementWithoutFactions()
    {
        var e = Fails(Valid.Replace("    faction-of: mv\n    tolerance: 12\n", ""));
        Assert.StartsWith("s.yaml:7:3: movement 'mv' has no factions", e.Message);
    }

    [Fact]
    public void SalienceSumOverHundred()
        => Assert.Equal("s.yaml:13:15: saliences of 'a' sum to 110, over 100", Fails(Valid.Replace("troops: 50 }", "troops: 60 }")).Message);

    [Fact]
    public void PositionOutsideScale()
        => Assert.Equal("s.yaml:12:23: position of 'a' on ties must lie in 0–100, found 110", Fails(Valid.Replace("ties: 10,", "ties: 110,")).Message);

    [Fact]
    public void CapabilityZero()
        => Assert.Equal("s.yaml:18:17: capability of 'b' must be above 0, found 0", Fails(Valid.Replace("capability: 20", "capability: 0")).Message);

    [Fact]
    public void UnknownDimensionInPosition()
        => Assert.StartsWith("s.yaml:19:27: unknown dimension 'troop' in position of 'b'", Fails(Valid.Replace("troops: 0 }", "troop: 0 }")).Message);

    [Fact]
    public void MissingPositionOnADimension()
        => Assert.Equal("s.yaml:19:15: 'b' has no position on dimension 'troops'", Fails(Valid.Replace(", troops: 0 }", " }")).Message);

    [Fact]
    public void UnknownKey()
        => Assert.StartsWith("s.yaml:20:5: unknown key 'salince'", Fails(Valid.Replace("salience: { ties: 30 }", "salince: { ties: 30 }")).Message);

    [Fact]
    public void NotYaml()
        => Assert.StartsWith("s.yaml:2:", Fails("scenario: [\n  : : :").Message);

    [Fact]
    public void OneActorOnly()
        => Assert.StartsWith("s.yaml:", Fails("scenario: x\ndimensions:\n  - id: d\nactors:\n  - id: a\n    capability: 1\n    position: { d: 1 }\n    salience: { d: 1 }\n").Message);
}
