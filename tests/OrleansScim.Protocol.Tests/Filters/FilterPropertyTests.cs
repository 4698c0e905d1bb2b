using System.Globalization;
using CsCheck;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Paths;
using static OrleansScim.Protocol.Tests.Filters.FilterFixtures;

namespace OrleansScim.Protocol.Tests.Filters;

public sealed class FilterPropertyTests
{
    /// <summary>Pieces of real filters, so random mixes get deep into the grammar instead of failing at once.</summary>
    private static readonly string[] Fragments =
    [
        "userName", "emails", "members", "name.givenName", "meta.lastModified", "active", "value", "type", ".value", "$ref",
        Enterprise + ":", Enterprise + ":manager", "urn:", ":", ".", "[", "]", "(", ")", "\"", "\\", "\\\"", "\\u", "\\u00e9", "\\ud83d",
        " eq ", " ne ", " co ", " sw ", " ew ", " gt ", " ge ", " lt ", " le ", " pr", " and ", " or ", "not ", "not (", " ",
        "\"work\"", "\"\"", "\"x", "42", "-1.5e3", "1e400", "01", "true", "False", "null", "é", "✓", "\U0001F600", "\t", "\u0000",
    ];

    private static readonly Gen<string> TokenSoup =
        Gen.OneOf(Gen.OneOf(Fragments), Gen.Char.Select(c => c.ToString()))
            .Array[0, 40]
            .Select(string.Concat);

    /// <summary>Filters over real attributes, so binding and evaluation see well-formed input too.</summary>
    private static readonly Gen<string> SchemaFilters = Trees(depth: 4, inValuePath: false, TreeShape.Schema).Select(node => node.ToString());

    /// <summary>A real filter with one random edit: the near misses a parser is most likely to get wrong.</summary>
    private static readonly Gen<string> NearMisses = Gen.Select(
        SchemaFilters,
        Gen.Int[0, 1_000],
        Gen.Int[0, 8],
        Gen.OneOf(Gen.OneOf(Fragments), Gen.Char.Select(c => c.ToString())),
        (text, at, edit, fragment) =>
        {
            // Edits 0-3 replace up to three characters with the fragment; 4-8 only delete.
            var start = at % (text.Length + 1);
            var removed = Math.Min(edit % 4, text.Length - start);
            return edit < 4
                ? text.Remove(start, removed).Insert(start, fragment)
                : text.Remove(start, removed);
        });

    private static readonly Gen<string> RandomText = Gen.Frequency(
        (1, Gen.String),
        (2, TokenSoup),
        (2, SchemaFilters),
        (4, NearMisses));

    [Fact]
    public void Parse_AnyText_EitherBindsOrThrowsInvalidFilter()
    {
        RandomText.Sample(text =>
        {
            try
            {
                var filter = ScimFilter.Parse(text, TestUser);
                filter.Matches(Resource("alice"));
                filter.Matches(Resource("sparse"));
                Assert.Equal(filter.Node, FilterParser.Parse(filter.ToString()));
            }
            catch (ScimException e) when (e.Status == 400 && e.ScimType == ScimErrorType.InvalidFilter)
            {
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Parse_RenderedTreeOfAnyShape_ParsesBackEqual()
    {
        Trees(depth: 5, inValuePath: false, TreeShape.Any).Sample(node =>
        {
            Assert.Equal(node, FilterParser.Parse(node.ToString()));
        }, iter: 5_000);
    }

    [Fact]
    public void Matches_NotOfAnyBindableFilter_IsItsNegationOnEveryResource()
    {
        string[] resources = ["alice", "sparse", "stringly", "escapes"];
        SchemaFilters.Sample(text =>
        {
            ScimFilter filter;
            try
            {
                filter = ScimFilter.Parse(text, TestUser);
            }
            catch (ScimException)
            {
                return;
            }

            var negated = ScimFilter.Create(new NotNode(filter.Node), TestUser);
            foreach (var name in resources)
            {
                var resource = Resource(name);
                Assert.NotEqual(filter.Matches(resource), negated.Matches(resource));
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Parse_HundredThousandOpenParentheses_IsInvalidFilterNotACrash()
    {
        var text = new string('(', 100_000);

        AssertInvalidFilter(() => FilterParser.Parse(text));
        var exception = AssertInvalidFilter(() => FilterParser.Parse(text, new FilterOptions { MaxLength = int.MaxValue }));
        Assert.Contains("deeper", exception.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwentyThousandNots_IsInvalidFilterNotACrash()
    {
        var text = string.Concat(Enumerable.Repeat("not (", 20_000)) + "userName pr" + new string(')', 20_000);

        AssertInvalidFilter(() => FilterParser.Parse(text, new FilterOptions { MaxLength = int.MaxValue }));
    }

    [Fact]
    public void Parse_ManyOpenBrackets_IsInvalidFilterNotACrash()
    {
        var text = string.Concat(Enumerable.Repeat("emails[", 50_000));

        AssertInvalidFilter(() => FilterParser.Parse(text, new FilterOptions { MaxLength = int.MaxValue }));
    }

    [Fact]
    public void Parse_LongAndChain_IsInvalidFilterNotACrash()
    {
        var text = string.Join(" and ", Enumerable.Repeat("userName pr", 100_000));

        AssertInvalidFilter(() => FilterParser.Parse(text, new FilterOptions { MaxLength = int.MaxValue }));
    }

    [Fact]
    public void Create_TreeNestedAHundredThousandDeep_IsInvalidFilterNotACrash()
    {
        FilterNode node = new PresenceNode(new AttributePath(null, "userName", null));
        for (var i = 0; i < 100_000; i++)
        {
            node = new NotNode(node);
        }

        AssertInvalidFilter(() => ScimFilter.Create(node, User));
    }

    private static Gen<FilterNode> Trees(int depth, bool inValuePath, TreeShape shape)
    {
        var paths = inValuePath ? shape.InnerPaths : shape.Paths;
        var leaf = Gen.OneOf(
            Gen.Select(paths, Gen.Enum<ComparisonOperator>(), shape.Literals, (p, o, v) => (FilterNode)new ComparisonNode(p, o, v)),
            paths.Select(p => (FilterNode)new PresenceNode(p)));
        if (depth == 0)
        {
            return leaf;
        }

        var child = Trees(depth - 1, inValuePath, shape);
        var branches = new List<(int, IGen<FilterNode>)>
        {
            (3, leaf),
            (2, Gen.Select(child, child, (l, r) => (FilterNode)new AndNode(l, r))),
            (2, Gen.Select(child, child, (l, r) => (FilterNode)new OrNode(l, r))),
            (1, child.Select(c => (FilterNode)new NotNode(c))),
        };
        if (!inValuePath)
        {
            var inner = Trees(Math.Min(depth - 1, 2), inValuePath: true, shape);
            branches.Add((1, Gen.Select(shape.ValuePathAttributes, inner, (p, f) => (FilterNode)new ValuePathNode(p, f))));
        }

        return Gen.Frequency(branches.ToArray());
    }

    private sealed record TreeShape(Gen<AttributePath> Paths, Gen<AttributePath> InnerPaths, Gen<AttributePath> ValuePathAttributes, Gen<FilterLiteral> Literals)
    {
        private static readonly Gen<string> Names = Gen.OneOf(
            Gen.OneOf("userName", "emails", "value", "type", "$ref", "a", "x-1", "A_b"),
            Gen.Select(Gen.Char["abcXYZ"], Gen.Char["abz09-_AZ"].Array[0, 8], (first, rest) => first + new string(rest)));

        private static readonly Gen<AttributePath> SimplePaths = Names.Select(n => new AttributePath(null, n, null));

        private static readonly Gen<FilterLiteral> AnyLiterals = Gen.OneOf(
            Gen.String.Select(s => (FilterLiteral)new StringLiteral(s)),
            Gen.Char[(char)0, (char)0x7F].Array[0, 12].Select(c => (FilterLiteral)new StringLiteral(new string(c))),
            Gen.Long.Select(l => (FilterLiteral)new NumberLiteral(l.ToString(CultureInfo.InvariantCulture))),
            Gen.Decimal.Select(d => (FilterLiteral)new NumberLiteral(d.ToString(CultureInfo.InvariantCulture))),
            Gen.Double.Where(double.IsFinite).Select(d => (FilterLiteral)new NumberLiteral(d.ToString("R", CultureInfo.InvariantCulture))),
            Gen.OneOf(FilterLiteral.True, FilterLiteral.False, FilterLiteral.Null));

        /// <summary>Any syntactically valid tree, whether or not a schema knows its attributes.</summary>
        public static TreeShape Any { get; } = new(
            Gen.Select(
                Gen.OneOf<string?>(null, null, Enterprise, "urn:ietf:params:scim:schemas:core:2.0:User", "urn:a", "urn:x:y.z-1:2.0"),
                Names,
                Gen.OneOf(Gen.Const<string?>((string?)null), Names.Select(n => (string?)n)),
                (uri, name, sub) => new AttributePath(uri, name, sub)),
            SimplePaths,
            SimplePaths,
            AnyLiterals);

        /// <summary>Trees over the test user's attributes with literals of the kinds those attributes take.</summary>
        public static TreeShape Schema { get; } = new(
            Gen.OneOf(
                "userName", "externalId", "id", "title", "active", "emails", "emails.value", "emails.type", "emails.primary", "name",
                "name.givenName", "meta.created", "meta.lastModified", "members", "password", Enterprise + ":department",
                Enterprise + ":manager", Enterprise + ":manager.value", Test + ":badge", Test + ":score", Test + ":hiredAt",
                Test + ":nicknames", GroupTalk + ":label1", GroupTalk + ":label5.value").Select(Path),
            Gen.OneOf("value", "type", "primary", "display", "givenName", "nope").Select(Path),
            Gen.OneOf("emails", "phoneNumbers", "name", "userName", Enterprise + ":manager", GroupTalk + ":things").Select(Path),
            Gen.OneOf(
                Gen.OneOf<FilterLiteral>(
                    new StringLiteral("bjensen@example.com"), new StringLiteral("work"), new StringLiteral("True"), new StringLiteral(""),
                    new StringLiteral("2026-01-01T00:00:00Z"), new StringLiteral("Tour Operations"), new NumberLiteral("42"),
                    new NumberLiteral("-1.5e3"), FilterLiteral.True, FilterLiteral.False, FilterLiteral.Null),
                AnyLiterals));

        private static AttributePath Path(string text) => AttributePath.TryParse(text, out var path) ? path : throw new ArgumentException(text);
    }
}
