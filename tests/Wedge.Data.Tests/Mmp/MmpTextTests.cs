using Wedge.Data.Mmp;

namespace Wedge.Data.Tests.Mmp;

public class MmpTextTests
{
    [Theory]
    // UTF-8 read as Windows-1252: the apostrophe MMP's site served as three characters.
    [InlineData("Hezbollah\u00e2\u20ac\u2122s campaign", "Hezbollah\u2019s campaign")]
    // The same bytes read as Latin-1 (C1 controls instead of € and ™), as in the shared copy.
    [InlineData("group\u00e2\u0080\u0099s first leader", "group\u2019s first leader")]
    [InlineData("\u00e2\u0080\u009cevery Muslim\u00e2\u0080\u009d", "\u201cevery Muslim\u201d")]
    // A Windows-1252 byte read as Latin-1: U+0092 is the right single quote.
    [InlineData("AQ\u0092s name", "AQ\u2019s name")]
    [InlineData("LeJ, SSP and JeM \u0096 and", "LeJ, SSP and JeM \u2013 and")]
    // Genuine accents are left alone.
    [InlineData("Ej\u00e9rcito de Liberaci\u00f3n Nacional", "Ej\u00e9rcito de Liberaci\u00f3n Nacional")]
    [InlineData("plain ASCII", "plain ASCII")]
    public void RepairMojibake_UndoesDoubleDecoding(string input, string expected)
        => Assert.Equal(expected, MmpText.RepairMojibake(input));

    [Fact]
    public void CleanText_NonBreakingSpaceFromMojibake_BecomesPlainSpace()
        => Assert.Equal("Lebanon. Fatah al-Islam", MmpText.CleanText("Lebanon.\u00c2\u00a0Fatah al-Islam"));

    [Fact]
    public void Repair_EntityAfterBackslash_GivesPlainApostrophe()
        // MMP wrote Iraq\&#039;s: an escaped quote whose quote was then entity-encoded.
        => Assert.Equal("Iraq's jihadist groups", MmpText.Repair("Iraq\\&#039;s jihadist groups"));

    [Theory]
    [InlineData("the group\\'s targeting", "the group's targeting")]
    [InlineData("he said \\\"no\\\"", "he said \"no\"")]
    [InlineData("a \\ backslash stays", "a \\ backslash stays")]
    [InlineData("AT&amp;T &lt;b&gt;", "AT&T <b>")]
    public void Repair_EscapesAndEntities(string input, string expected) => Assert.Equal(expected, MmpText.Repair(input));

    [Fact]
    public void CleanName_TrailingAndDoubleSpaces_Trimmed()
        => Assert.Equal("Hizbul Islam", MmpText.CleanName("  Hizbul   Islam "));
}
