using System.Globalization;
using System.Text;
using Wedge.Core.Text;

namespace Wedge.Core.Tests.Text;

public sealed class NameKeyTests
{
    [Fact]
    public void Runtime_IsInvariantGlobalization()
    {
        // The folding below is tested as Wedge runs: Directory.Build.props sets InvariantGlobalization.
        Assert.Equal("", CultureInfo.CurrentCulture.Name);
        Assert.True(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);

        // Why NameKey carries its own decomposition table: here Normalize does not decompose. Should a
        // runtime start to, this fails and the table could give way to string.Normalize.
        Assert.Equal("Ḥaqqānī", "Ḥaqqānī".Normalize(NormalizationForm.FormD));
    }

    [Fact]
    public void Of_AlreadyDecomposedInput_SameKey()
        => Assert.Equal("haqqani", NameKey.Of("H\u0323aqqa\u0304ni\u0304"));

    [Theory]
    [InlineData("Ḥaqqānī", "haqqani")]
    [InlineData("Ḥaqqānī Network", "haqqani network")]
    [InlineData("the HAQQANI-Network", "haqqani network")]
    [InlineData("Jamāʿat al-Aḥrār", "jamaat al ahrar")]
    [InlineData("Jama'at al-Ahrar", "jamaat al ahrar")]
    [InlineData("Jama’at al Ahrar", "jamaat al ahrar")]
    [InlineData("Anṣār al-Sharīʿa", "ansar al sharia")]
    [InlineData("Taḥrīr al-Shām", "tahrir al sham")]
    [InlineData("Ṭālibān", "taliban")]
    [InlineData("Mullā ʿUmar", "mulla umar")]
    [InlineData("Muʾmin", "mumin")]
    [InlineData("Kılıç", "kilic")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Søren Øster", "soren oster")]
    [InlineData("Đorđević", "dordevic")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ælfred", "aelfred")]
    [InlineData("Çelebi Şahin", "celebi sahin")]
    [InlineData("ÉTAT ISLAMIQUE", "etat islamique")]
    [InlineData("  al-Qaeda   in the  Arabian Peninsula ", "al qaeda in the arabian peninsula")]
    [InlineData("The", "the")]
    [InlineData("—", "")]
    public void Of_FoldsAccentsCaseAndPunctuation(string name, string key)
        => Assert.Equal(key, NameKey.Of(name));

    [Fact]
    public void Of_ArabicScript_KeptAsLetters()
    {
        // Names in other scripts are not transliterated; they still lose case-less marks (harakat) and punctuation.
        Assert.Equal("طالبان", NameKey.Of("طَالِبَان"));
    }
}
