using OrleansScim.Protocol.Filters;
using static OrleansScim.Protocol.Tests.Filters.FilterFixtures;

namespace OrleansScim.Protocol.Tests.Filters;

public sealed class FilterConformanceTests
{
    public static TheoryData<string, string, string, bool> Matching => FilterConformanceCases.Matching;

    public static TheoryData<string, string, string, int?> Invalid => FilterErrorCases.Invalid;

    [Theory]
    [MemberData(nameof(Matching))]
    public void Matches_FollowsRfc7644(string rule, string resource, string filter, bool expected)
    {
        var bound = ScimFilter.Parse(filter, TypeOf(resource));

        Assert.True(expected == bound.Matches(Resource(resource)), $"{rule}: '{filter}' on {resource} should be {expected}.");
    }

    [Theory]
    [MemberData(nameof(Matching))]
    public void Matches_SameResultAfterRenderingAndParsingAgain(string rule, string resource, string filter, bool expected)
    {
        var rendered = ScimFilter.Parse(filter, TypeOf(resource)).ToString();

        Assert.True(expected == ScimFilter.Parse(rendered, TypeOf(resource)).Matches(Resource(resource)), $"{rule}: '{rendered}' on {resource}.");
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_RejectsWithInvalidFilter(string rule, string resourceType, string filter, int? position)
    {
        var exception = AssertInvalidFilter(() => ScimFilter.Parse(filter, ResourceTypes[resourceType]));

        if (position is { } expected)
        {
            Assert.True(exception.Detail.Contains($"at position {expected} ", StringComparison.Ordinal), $"{rule}: '{exception.Detail}' should name position {expected}.");
        }
    }
}
