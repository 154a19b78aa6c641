using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using static Wedge.Core.Tests.Knowledge.Facts;

namespace Wedge.Core.Tests.Knowledge;

/// <summary>
/// What a reader with a clearance sees: claims marked (or from sources marked) above it are hidden, a fact resting
/// only on hidden claims is hidden with them, and so is whatever refers to an actor hidden that way; a fact that keeps a
/// visible claim stays, citing only it.
/// </summary>
public sealed class VisibilityTests
{
    private static Claim Marked(string id, Marking? marking, string source = "src") => Claim(id, source: source) with { Marking = marking };

    private static KnowledgeBase Record() => Kb(
        Source(),
        Source("secret") with { Marking = Marking.Amber },
        Marked("c-open", null),
        Marked("c-green", Marking.Green),
        Marked("c-amber", Marking.Amber),
        Marked("c-red", Marking.Red),
        Marked("c-from-secret", null, source: "secret"),
        Actor("a") with { Claims = [new ClaimId("c-open")] },
        Actor("b"),
        Actor("hidden-group") with { Claims = [new ClaimId("c-amber"), new ClaimId("c-from-secret")] },
        Tie("t-mixed", TieKind.Alliance, "a", "b", Period.Always, "c-open", "c-amber"),
        Tie("t-amber", TieKind.Rivalry, "a", "b", Period.Always, "c-amber"),
        Tie("t-to-hidden", TieKind.Alliance, "a", "hidden-group", Period.Always, "c-open"),
        Tie("t-unsourced", TieKind.Rivalry, "b", "a", Period.Always));

    private static string[] Keys(KnowledgeBase kb) => [.. kb.Facts.Select(f => f.Key.ToString()).Order(StringComparer.Ordinal)];

    [Fact]
    public void Green_SeesOnlyClearAndGreen_AndWhatRestsOnThem()
    {
        var record = Record();
        var green = record.VisibleTo(Marking.Green);
        Assert.Equal(
            ["actor:a", "actor:b", "claim:c-green", "claim:c-open", "source:src", "tie:t-mixed", "tie:t-unsourced"],
            Keys(green));
        Assert.Equal([new ClaimId("c-open")], green.Find(new FactKey(FactType.Tie, "t-mixed"))!.Claims);
        Assert.Equal(record.Version, green.Version);
    }

    [Fact]
    public void Amber_SeesAmberAndTheSecretSource_ButNotRed()
    {
        var amber = Record().VisibleTo(Marking.Amber);
        Assert.Contains("claim:c-from-secret", Keys(amber));
        Assert.Contains("tie:t-to-hidden", Keys(amber));
        Assert.Contains("tie:t-amber", Keys(amber));
        Assert.DoesNotContain("claim:c-red", Keys(amber));
        Assert.Equal(2, amber.Find(new FactKey(FactType.Tie, "t-mixed"))!.Claims.Count);
    }

    [Fact]
    public void Clear_HidesGreenToo()
    {
        var clear = Record().VisibleTo(Marking.Clear);
        Assert.DoesNotContain("claim:c-green", Keys(clear));
        Assert.Contains("claim:c-open", Keys(clear));
    }

    [Fact]
    public void Red_SeesEverything_AsTheSameRecord()
    {
        var record = Record();
        Assert.Same(record, record.VisibleTo(Marking.Red));
    }

    [Theory]
    [InlineData("TLP:AMBER+STRICT", Marking.AmberStrict)]
    [InlineData("amber+strict", Marking.AmberStrict)]
    [InlineData("amber-strict", Marking.AmberStrict)]
    [InlineData("TLP:WHITE", Marking.Clear)]
    [InlineData(" tlp:green ", Marking.Green)]
    [InlineData("RED", Marking.Red)]
    public void Markings_ParseAsPeopleWriteThem(string text, Marking expected) => Assert.Equal(expected, Markings.Parse(text));

    [Theory]
    [InlineData("TLP:PURPLE")]
    [InlineData("")]
    [InlineData("amber strict")]
    public void Markings_RefuseWhatIsNone(string text) => Assert.Null(Markings.Parse(text));
}
