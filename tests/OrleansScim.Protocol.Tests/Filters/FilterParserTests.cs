using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Paths;
using static OrleansScim.Protocol.Tests.Filters.FilterFixtures;

namespace OrleansScim.Protocol.Tests.Filters;

public sealed class FilterParserTests
{
    private static readonly AttributePath UserName = new(null, "userName", null);

    private static ComparisonNode Eq(string attribute, string value) => new(new AttributePath(null, attribute, null), ComparisonOperator.Equal, new StringLiteral(value));

    private static PresenceNode Pr(string attribute) => new(new AttributePath(null, attribute, null));

    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        var parsed = FilterParser.Parse("a pr or b pr and c pr");

        Assert.Equal(new OrNode(Pr("a"), new AndNode(Pr("b"), Pr("c"))), parsed);
    }

    [Fact]
    public void Parse_ChainsAreLeftAssociative()
    {
        Assert.Equal(new AndNode(new AndNode(Pr("a"), Pr("b")), Pr("c")), FilterParser.Parse("a pr and b pr and c pr"));
        Assert.Equal(new OrNode(new OrNode(Pr("a"), Pr("b")), Pr("c")), FilterParser.Parse("a pr or b pr or c pr"));
    }

    [Fact]
    public void Parse_ParenthesesGroupWithoutANode()
    {
        Assert.Equal(new AndNode(Pr("a"), new OrNode(Pr("b"), Pr("c"))), FilterParser.Parse("a pr and ((b pr or c pr))"));
    }

    [Fact]
    public void Parse_NotWrapsItsGroup()
    {
        Assert.Equal(new AndNode(new NotNode(Pr("a")), Pr("b")), FilterParser.Parse("not (a pr) and b pr"));
    }

    [Fact]
    public void Parse_ValuePathWithSubAttributeComparison_DesugarsIntoValuePathWithAnd()
    {
        var azure = FilterParser.Parse("emails[type eq \"work\"].value eq \"x\"");

        var expected = new ValuePathNode(new AttributePath(null, "emails", null), new AndNode(Eq("type", "work"), Eq("value", "x")));
        Assert.Equal(expected, azure);
        Assert.Equal(FilterParser.Parse("emails[type eq \"work\" and value eq \"x\"]"), azure);
    }

    [Fact]
    public void Parse_ValuePathWithOrAndSubAttribute_KeepsTheOrTogether()
    {
        var parsed = FilterParser.Parse("emails[type eq \"work\" or type eq \"home\"].value eq \"x\"");

        var expected = new ValuePathNode(
            new AttributePath(null, "emails", null),
            new AndNode(new OrNode(Eq("type", "work"), Eq("type", "home")), Eq("value", "x")));
        Assert.Equal(expected, parsed);
        Assert.Equal("emails[(type eq \"work\" or type eq \"home\") and value eq \"x\"]", parsed.ToString());
    }

    [Fact]
    public void Parse_UrnQualifiedPaths_SplitAtTheLastColon()
    {
        var parsed = (ComparisonNode)FilterParser.Parse(Enterprise + ":manager.value eq \"x\"");

        Assert.Equal(new AttributePath(Enterprise, "manager", "value"), parsed.Path);
    }

    [Theory]
    [InlineData("eq", ComparisonOperator.Equal)]
    [InlineData("NE", ComparisonOperator.NotEqual)]
    [InlineData("Co", ComparisonOperator.Contains)]
    [InlineData("sW", ComparisonOperator.StartsWith)]
    [InlineData("ew", ComparisonOperator.EndsWith)]
    [InlineData("GT", ComparisonOperator.GreaterThan)]
    [InlineData("ge", ComparisonOperator.GreaterThanOrEqual)]
    [InlineData("Lt", ComparisonOperator.LessThan)]
    [InlineData("LE", ComparisonOperator.LessThanOrEqual)]
    public void Parse_OperatorsAreCaseInsensitive(string text, ComparisonOperator expected)
    {
        var parsed = (ComparisonNode)FilterParser.Parse($"userName {text} \"x\"");

        Assert.Equal(expected, parsed.Operator);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    public void Parse_BooleanLiteralsAreCaseInsensitive(string text, bool expected)
    {
        Assert.Equal(new BooleanLiteral(expected), ((ComparisonNode)FilterParser.Parse("active eq " + text)).Value);
    }

    [Fact]
    public void Parse_NullLiteralIsCaseInsensitive()
    {
        Assert.Equal(FilterLiteral.Null, ((ComparisonNode)FilterParser.Parse("title eq NULL")).Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("42")]
    [InlineData("-1.5")]
    [InlineData("1e5")]
    [InlineData("1E+5")]
    [InlineData("-2.5e-3")]
    [InlineData("123456789012345678901234567890")]
    public void Parse_JsonNumbersKeepTheirText(string text)
    {
        Assert.Equal(new NumberLiteral(text), ((ComparisonNode)FilterParser.Parse("x eq " + text)).Value);
    }

    [Fact]
    public void Parse_StringLiteral_DecodesEveryJsonEscape()
    {
        var parsed = (ComparisonNode)FilterParser.Parse("x eq \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"");

        Assert.Equal(new StringLiteral("\"\\/\b\f\n\r\t\u00e9\U0001F600"), parsed.Value);
    }

    [Fact]
    public void Parse_ToleratesExtraWhitespaceAndMissingSpaceAroundParentheses()
    {
        var expected = new AndNode(Eq("userName", "x"), Pr("title"));

        Assert.Equal(expected, FilterParser.Parse("  userName \t eq   \"x\"   and(title pr)  "));
        Assert.Equal(expected, FilterParser.Parse("(userName eq \"x\")and(title pr)"));
    }

    [Fact]
    public void Parse_AcceptsNestingAtTheDepthLimit()
    {
        var depth = FilterOptions.DefaultMaxDepth;
        var text = new string('(', depth) + "userName pr" + new string(')', depth);

        Assert.Equal(new PresenceNode(UserName), FilterParser.Parse(text));
    }

    [Fact]
    public void Parse_AcceptsAFilterAtTheLengthLimit()
    {
        var text = "userName eq \"" + new string('a', FilterOptions.DefaultMaxLength - 14) + "\"";

        Assert.Equal(FilterOptions.DefaultMaxLength, text.Length);
        Assert.IsType<ComparisonNode>(FilterParser.Parse(text));
    }

    [Fact]
    public void Parse_HonoursCustomLimits()
    {
        var options = new FilterOptions { MaxLength = 10, MaxDepth = 1, MaxNodes = 2 };

        AssertInvalidFilter(() => FilterParser.Parse("userName pr", options));
        AssertInvalidFilter(() => FilterParser.Parse("((a pr))", options));
        AssertInvalidFilter(() => FilterParser.Parse("a pr or b pr", options with { MaxLength = 100 }));
        Assert.IsType<PresenceNode>(FilterParser.Parse("(a pr)", options));
    }

    [Fact]
    public void FilterOptions_RejectsLimitsAboveTheStackSafeCeiling()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FilterOptions { MaxDepth = FilterOptions.DepthCeiling + 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FilterOptions { MaxNodes = FilterOptions.NodeCeiling + 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FilterOptions { MaxDepth = 0 });
    }

    [Fact]
    public void NumberLiteral_RejectsTextThatIsNotAJsonNumber()
    {
        Assert.Throws<ArgumentException>(() => new NumberLiteral("1."));
        Assert.Throws<ArgumentException>(() => new NumberLiteral("NaN"));
    }

    [Theory]
    [InlineData("USERNAME EQ \"x\" AND (a pr OR b pr)", "USERNAME eq \"x\" and (a pr or b pr)")]
    [InlineData("((a pr))", "a pr")]
    [InlineData("a pr and (b pr and c pr)", "a pr and (b pr and c pr)")]
    [InlineData("(a pr and b pr) and c pr", "a pr and b pr and c pr")]
    [InlineData("(a pr or b pr) or c pr", "a pr or b pr or c pr")]
    [InlineData("a pr or (b pr or c pr)", "a pr or (b pr or c pr)")]
    [InlineData("(a pr and b pr) or c pr", "a pr and b pr or c pr")]
    [InlineData("not(a pr)", "not (a pr)")]
    [InlineData("x eq \"tab\\there \\u00e9 \\/\"", "x eq \"tab\\there é /\"")]
    [InlineData("x eq \"\\u0001\"", "x eq \"\\u0001\"")]
    [InlineData("x GT -1.5E3", "x gt -1.5E3")]
    [InlineData("x eq True", "x eq true")]
    [InlineData("emails[type eq \"work\"].value eq \"x\"", "emails[type eq \"work\" and value eq \"x\"]")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value ne null", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value ne null")]
    public void ToString_RendersCanonicalText(string filter, string expected)
    {
        Assert.Equal(expected, FilterParser.Parse(filter).ToString());
    }

    [Fact]
    public void ToString_ParenthesisesRightNestedChainsSoTheyParseBackEqual()
    {
        var node = new AndNode(Pr("a"), new AndNode(Pr("b"), new OrNode(Pr("c"), Pr("d"))));

        Assert.Equal("a pr and (b pr and (c pr or d pr))", node.ToString());
        Assert.Equal(node, FilterParser.Parse(node.ToString()));
    }
}
