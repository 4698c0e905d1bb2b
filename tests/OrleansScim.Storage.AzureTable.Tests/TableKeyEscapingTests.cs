using CsCheck;

namespace OrleansScim.Storage.AzureTable.Tests;

public sealed class TableKeyEscapingTests
{
    /// <summary>Any UTF-16 text, lone surrogates and control characters included.</summary>
    private static readonly Gen<string> AnyText = Gen.Char.Array[0, 40].Select(chars => new string(chars));

    /// <summary>Text made of the characters an escaping scheme most easily gets wrong.</summary>
    private static readonly Gen<string> HostileText =
        Gen.Char["/\\#?%'|~_u7CF2Fa\u0000\u007F\u009F\uD800\uDC00"].Array[0, 8].Select(chars => new string(chars));

    [Fact]
    public void Escape_ThenUnescape_ReturnsTheOriginal()
    {
        AnyText.Sample(text => TableKeyEscaping.Unescape(TableKeyEscaping.Escape(text)) == text, iter: 20_000);
        HostileText.Sample(text => TableKeyEscaping.Unescape(TableKeyEscaping.Escape(text)) == text, iter: 20_000);
    }

    [Fact]
    public void Escape_NeverEmitsCharactersForbiddenInKeysNorTheSeparator()
    {
        AnyText.Sample(text => !TableKeyEscaping.Escape(text).Any(IsForbidden), iter: 20_000);
    }

    [Fact]
    public void Escape_DifferentTexts_NeverCollide()
    {
        Gen.Select(HostileText, HostileText).Sample(
            (a, b) => a == b || TableKeyEscaping.Escape(a) != TableKeyEscaping.Escape(b),
            iter: 50_000);
    }

    [Theory]
    [InlineData("t1/alice", "t1~2Falice")]
    [InlineData("t1_alice", "t1_alice")]
    [InlineData("t1/alice#x?y\\z", "t1~2Falice~23x~3Fy~5Cz")]
    [InlineData("a~b|c%d'e", "a~7Eb~7Cc~25d~27e")]
    [InlineData("tab\there\u0085", "tab~09here~85")]
    [InlineData("élan \U0001F600", "élan \U0001F600")]
    public void Escape_Examples(string text, string escaped)
    {
        Assert.Equal(escaped, TableKeyEscaping.Escape(text));
        Assert.Equal(text, TableKeyEscaping.Unescape(escaped));
    }

    [Fact]
    public void Escape_LoneSurrogates_BecomeLongEscapes()
    {
        // Not theory data: xunit would mangle a lone surrogate when serializing it.
        Assert.Equal("~uD800x~uDC00", TableKeyEscaping.Escape("\uD800x\uDC00"));
        Assert.Equal("\uD800x\uDC00", TableKeyEscaping.Unescape("~uD800x~uDC00"));
    }

    [Theory]
    [InlineData("~")]
    [InlineData("abc~4")]
    [InlineData("~G1")]
    [InlineData("~7e")]
    [InlineData("~u12")]
    [InlineData("~u12G4")]
    public void Unescape_MalformedText_Throws(string escaped)
    {
        Assert.Throws<FormatException>(() => TableKeyEscaping.Unescape(escaped));
    }

    private static bool IsForbidden(char c) =>
        c is '/' or '\\' or '#' or '?' or '|' or (<= '\u001F') or (>= '\u007F' and <= '\u009F');
}
