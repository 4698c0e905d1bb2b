using OrleansScim.Grains.Search;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Tests;

/// <summary>RFC 7644 §3.4.3 root searches: one filter, evaluated against each resource type.</summary>
public sealed class RootSearchFilterTests
{
    private static readonly IReadOnlyList<ResourceTypeDefinition> Types = [ScimSchemaSet.Default.User, ScimSchemaSet.Default.Group];

    /// <summary>(rule, filter, filter for users or "none"/"all", filter for groups or "none"/"all").</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "an attribute both types define", "displayName eq \"x\"", "displayName eq \"x\"", "displayName eq \"x\"" },
        { "a User attribute matches no group", "userName eq \"a\"", "userName eq \"a\"", "none" },
        { "a Group attribute matches no user", "members eq \"u1\"", "none", "members eq \"u1\"" },
        { "or keeps what each type knows", "userName eq \"a\" or members eq \"u1\"", "userName eq \"a\"", "members eq \"u1\"" },
        { "and with an unknown side matches nothing", "userName eq \"a\" and displayName eq \"b\"", "userName eq \"a\" and displayName eq \"b\"", "none" },
        { "an absent attribute is 'ne' every value", "userName ne \"a\"", "userName ne \"a\"", "all" },
        { "not of an unknown comparison is true", "not (userName eq \"a\")", "not (userName eq \"a\")", "all" },
        { "presence of an unknown attribute is false", "userName pr or id pr", "userName pr or id pr", "id pr" },
        { "a value path on an unknown attribute is false", "emails[type eq \"work\"] or displayName sw \"Ops\"", "emails[type eq \"work\"] or displayName sw \"Ops\"", "displayName sw \"Ops\"" },
        { "eq null on an absent attribute is true", "userName eq null", "userName eq null", "all" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForEachType_TreatsAnAttributeATypeDoesNotDefineAsAbsent(string rule, string filter, string users, string groups)
    {
        var result = RootSearchFilter.ForEachType(filter, Types);

        Assert.True(Describe(result[0]) == Normalize(users), $"{rule}: users got {Describe(result[0])}");
        Assert.True(Describe(result[1]) == Normalize(groups), $"{rule}: groups got {Describe(result[1])}");
    }

    [Fact]
    public void NoFilter_AsksEveryTypeForEverything()
    {
        Assert.All(RootSearchFilter.ForEachType(null, Types), f => Assert.Equal("all", Describe(f)));
    }

    [Theory]
    [InlineData("an attribute no type defines", "favouriteColour eq \"red\"")]
    [InlineData("a typo next to a known attribute", "userName eq \"a\" or usrName eq \"b\"")]
    [InlineData("a syntax error", "userName eq")]
    [InlineData("a literal of the wrong type for the only type that knows the attribute", "userName gt 5 and active eq \"yes\"")]
    public void AFilterNoTypeCanEvaluate_Is400InvalidFilter(string rule, string filter)
    {
        var error = Assert.Throws<ScimException>(() => RootSearchFilter.ForEachType(filter, Types));

        Assert.True(error.Status == 400 && error.ScimType == ScimErrorType.InvalidFilter, $"{rule}: {error.Status} {error.ScimType}");
    }

    private static string Describe(TypeFilter filter) => filter.MatchesNothing ? "none" : filter.Filter ?? "all";

    private static string Normalize(string expected) => expected is "none" or "all" ? expected : Protocol.Filters.FilterParser.Parse(expected).ToString();
}
