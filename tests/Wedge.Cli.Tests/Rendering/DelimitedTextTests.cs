using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Tests.Rendering;

public sealed class DelimitedTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")] // neutralised, then quoted
    [InlineData("+1+2", "'+1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("-0.5", "-0.5")] // a number stays a number
    [InlineData("+3", "+3")]
    [InlineData("1e-3", "1e-3")]
    [InlineData("\u2212325.4", "-325.4")] // a table's typographic minus becomes a number a spreadsheet reads
    [InlineData("\u2212 x", "\u2212 x")] // text that only starts with the sign stays as it is
    [InlineData("\u2212-1", "\u2212-1")]
    [InlineData("", "")]
    public void Csv_Field(string value, string expected) => Assert.Equal(expected, DelimitedText.Field(value, TableFormat.Csv));

    [Theory]
    [InlineData("a\tb", "a b")] // TSV has no quoting: tabs and line breaks become spaces
    [InlineData("two\r\nlines\nhere", "two lines here")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("a, \"b\"", "a, \"b\"")]
    public void Tsv_Field(string value, string expected) => Assert.Equal(expected, DelimitedText.Field(value, TableFormat.Tsv));

    [Fact]
    public void Row_JoinsWithTheFormatsSeparator()
    {
        Assert.Equal("a,\"b,c\",d", DelimitedText.Row(["a", "b,c", "d"], TableFormat.Csv));
        Assert.Equal("a\tb,c\td", DelimitedText.Row(["a", "b,c", "d"], TableFormat.Tsv));
    }

    [Theory]
    [InlineData("csv", TableFormat.Csv)]
    [InlineData("TSV", TableFormat.Tsv)]
    [InlineData("table", TableFormat.Table)]
    [InlineData("xml", null)]
    public void Parse(string text, TableFormat? expected) => Assert.Equal(expected, DelimitedText.Parse(text));
}
