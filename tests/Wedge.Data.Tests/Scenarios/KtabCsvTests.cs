using Wedge.Data.Scenarios;

namespace Wedge.Data.Tests.Scenarios;

public class KtabCsvTests
{
    private const string Head = "Sample,\"A test\",3,2,\nActor,Description,Power,P1,S1,P2,S2\n";

    private static ScenarioFormatException Fails(string text) => Assert.Throws<ScenarioFormatException>(() => KtabCsv.Read(text, "s.csv"));

    [Fact]
    public void PeerSample_ReadsActorsDimensionsAndValues()
    {
        var s = KtabCsv.ReadFile(Repository.Fixture("ktab", "dummyData_3Dim.csv"));

        Assert.Equal("DummyData_3Dim", s.Name);
        Assert.Equal("Dummy scenario to test reading format", s.Description);
        Assert.Equal(["Pstn1", "Pstn2", "Pstn3"], s.Dimensions.Select(d => d.Id));
        Assert.Equal(7, s.Actors.Count);
        Assert.Equal("SActor-06", s.Actors[6].Id);
        Assert.Equal(54.178, s.Actors[6].Capability.Value);
        Assert.Equal([70.96, 33.46, 90.36], s.Actors[6].Positions.Select(p => p.Value));
        Assert.Equal([31.75, 27.93, 26.03], s.Actors[6].Saliences.Select(p => p.Value));
    }

    [Fact]
    public void Valid_MinimalFile()
    {
        var s = KtabCsv.Read(Head + "A,x,10,0,50,100,50\nB,y,20,50,10,50,10\nC,z,30,100,0,0,100\n", "s.csv");
        Assert.Equal(3, s.Actors.Count);
        Assert.Equal(100, s.Actors[2].Saliences[1].Value);
    }

    [Fact]
    public void WrongActorCount_TooFewRows()
    {
        var e = Fails(Head + "A,x,10,0,50,100,50\nB,y,20,50,10,50,10\n");
        Assert.Equal("s.csv:1:3: the first row declares 3 actors but the file has 2 actor rows", e.Message);
    }

    [Fact]
    public void WrongActorCount_TooManyRows()
    {
        var e = Fails(Head + "A,x,10,0,50,100,50\nB,y,20,50,10,50,10\nC,z,30,100,0,0,100\nD,w,30,100,0,0,100\n");
        Assert.Equal("s.csv:6: the first row declares 3 actors but the file has 4 actor rows", e.Message);
    }

    [Fact]
    public void SalienceSumOverHundred()
    {
        var e = Fails(Head + "A,x,10,0,50,100,50\nB,y,20,50,60,50,41\nC,z,30,100,0,0,100\n");
        Assert.Equal("s.csv:4: saliences of 'B' sum to 101, over 100", e.Message);
    }

    [Theory]
    [InlineData("B,y,20,101,10,50,10", "s.csv:4:4: position on P1 must lie in 0–100, found 101")]
    [InlineData("B,y,20,50,10,-1,10", "s.csv:4:6: position on P2 must lie in 0–100, found -1")]
    [InlineData("B,y,20,50,-10,50,10", "s.csv:4:5: salience on P1 must lie in 0–100, found -10")]
    public void PositionOrSalienceOutsideScale(string row, string message)
        => Assert.Equal(message, Fails(Head + "A,x,10,0,50,100,50\n" + row + "\nC,z,30,100,0,0,100\n").Message);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void CapabilityZeroOrBelow(string capability)
    {
        var e = Fails(Head + $"A,x,10,0,50,100,50\nB,y,{capability},50,10,50,10\nC,z,30,100,0,0,100\n");
        Assert.Equal($"s.csv:4:3: capability must be above 0, found {capability}", e.Message);
    }

    [Fact]
    public void NotANumber()
    {
        var e = Fails(Head + "A,x,ten,0,50,100,50\nB,y,20,50,10,50,10\nC,z,30,100,0,0,100\n");
        Assert.Equal("s.csv:3:3: capability must be a number, found 'ten'", e.Message);
    }

    [Fact]
    public void ShortActorRow()
    {
        var e = Fails(Head + "A,x,10,0,50,100\nB,y,20,50,10,50,10\nC,z,30,100,0,0,100\n");
        Assert.StartsWith("s.csv:3: an actor row needs 7 cells", e.Message);
    }

    [Fact]
    public void BadHeader()
    {
        Assert.Equal("s.csv:1:3: number of actors must be a whole number, found 'three'", Fails("S,d,three,2\n").Message);
        Assert.StartsWith("s.csv:1: the file is empty", Fails("").Message);
    }

    [Fact]
    public void DuplicateActorName()
        => Assert.Equal("s.csv:4:1: actor name 'A' is used twice", Fails(Head + "A,x,10,0,50,100,50\nA,y,20,50,10,50,10\nC,z,30,100,0,0,100\n").Message);
}
