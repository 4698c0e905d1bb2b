using OrleansScim.Protocol.Filters;
using static OrleansScim.Protocol.Tests.Filters.FilterFixtures;

namespace OrleansScim.Protocol.Tests.Filters;

public sealed class FilterAnalysisTests
{
    public static TheoryData<string, string, string> SingleEqualities { get; } = new()
    {
        { "userName eq \"Bob\"", "userName", "Bob" },
        { "USERNAME eq \"Bob\"", "userName", "Bob" },
        { "displayName eq \"Babs\"", "displayName", "Babs" },
        { "emails.value eq \"a@x\"", "emails.value", "a@x" },
        { "emails eq \"a@x\"", "emails.value", "a@x" },
        { "emails[value eq \"a@x\"]", "emails.value", "a@x" },
        { "Emails[Value eq \"a@x\"]", "emails.value", "a@x" },
        { "name.familyName eq \"Jensen\"", "name.familyName", "Jensen" },
        { "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:EMPLOYEENUMBER eq \"701984\"", Enterprise + ":employeeNumber", "701984" },
        { "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq \"m\"", Enterprise + ":manager.value", "m" },
        { "(userName eq \"a\")", "userName", "a" },
        { "userName eq \"a\" and (title eq \"t\" or title eq \"u\")", "userName", "a" },
        { "userName eq \"a\" and not (title eq \"t\")", "userName", "a" },
        { "userName eq \"a\" and active eq true", "userName", "a" },
    };

    public static TheoryData<string> NoEqualities { get; } = new()
    {
        "userName eq \"a\" or userName eq \"b\"",
        "not (userName eq \"a\")",
        "userName ne \"a\"",
        "userName co \"a\"",
        "userName sw \"a\"",
        "userName gt \"a\"",
        "userName pr",
        "userName eq null",
        "active eq true",
        "active eq \"True\"",
        "meta.created eq \"2026-01-01T00:00:00Z\"",
        "emails[type eq \"work\" or value eq \"x\"]",
        "emails[not (value eq \"x\")]",
    };

    [Theory]
    [MemberData(nameof(SingleEqualities))]
    public void RequiredEqualities_FindsTheEqualityEveryMatchSatisfies(string filter, string path, string value)
    {
        var equality = Assert.Single(ScimFilter.Parse(filter, User).RequiredEqualities);

        Assert.Equal(path, equality.Path);
        Assert.Equal(value, equality.Value);
    }

    [Theory]
    [MemberData(nameof(NoEqualities))]
    public void RequiredEqualities_IsEmptyWhenNoEqualityIsImplied(string filter)
    {
        Assert.Empty(ScimFilter.Parse(filter, User).RequiredEqualities);
    }

    [Fact]
    public void RequiredEqualities_ReportsCaseExactness()
    {
        var equalities = ScimFilter.Parse("userName eq \"u\" and externalId eq \"e\" and id eq \"i\"", User).RequiredEqualities;

        Assert.Equal(
            [new FilterEquality("userName", "u", false), new FilterEquality("externalId", "e", true), new FilterEquality("id", "i", true)],
            equalities);
    }

    [Fact]
    public void RequiredEqualities_AzureMembershipCheck_YieldsIdAndMembersValue()
    {
        var equalities = ScimFilter.Parse("id eq \"g\" and members eq \"u\"", Group).RequiredEqualities;

        Assert.Equal([new FilterEquality("id", "g", true), new FilterEquality("members.value", "u", true)], equalities);
    }

    [Theory]
    [InlineData("members eq \"u\"")]
    [InlineData("members.value eq \"u\"")]
    [InlineData("members[value eq \"u\"]")]
    public void RequiredEqualities_MembersFormsAllYieldMembersValue(string filter)
    {
        Assert.Equal([new FilterEquality("members.value", "u", true)], ScimFilter.Parse(filter, Group).RequiredEqualities);
    }

    [Theory]
    [InlineData("emails[type eq \"work\" and value eq \"x\"]")]
    [InlineData("emails[type eq \"work\"].value eq \"x\"")]
    public void RequiredEqualities_AzureWorkEmail_YieldsTypeAndValue(string filter)
    {
        Assert.Equal(
            [new FilterEquality("emails.type", "work", false), new FilterEquality("emails.value", "x", false)],
            ScimFilter.Parse(filter, User).RequiredEqualities);
    }

    [Fact]
    public void RequiredEqualities_UndeclaredExtensionAttribute_IsCaseInsensitive()
    {
        var equality = Assert.Single(ScimFilter.Parse(GroupTalk + ":label1 eq \"A\"", User).RequiredEqualities);

        Assert.Equal(new FilterEquality(GroupTalk + ":label1", "A", false), equality);
    }

    [Theory]
    [InlineData("id eq \"g\" and members eq \"u\"", "members", true)]
    [InlineData("members[value eq \"u\"]", "members", true)]
    [InlineData("members.value pr", "members", true)]
    [InlineData("MEMBERS eq \"u\"", "members", true)]
    [InlineData("members eq \"u\"", "members.value", true)]
    [InlineData("members.display eq \"u\"", "members.value", false)]
    [InlineData("displayName eq \"x\"", "members", false)]
    [InlineData("id eq \"g\"", "members", false)]
    [InlineData("displayName eq \"x\"", "noSuchAttribute", false)]
    public void References_ReportsWhetherTheGroupFilterTouchesAnAttribute(string filter, string attribute, bool expected)
    {
        Assert.Equal(expected, ScimFilter.Parse(filter, Group).References(attribute));
    }

    [Theory]
    [InlineData("name.givenName eq \"x\"", "name", true)]
    [InlineData("name.givenName eq \"x\"", "name.familyName", false)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m\"", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", true)]
    // Unqualified, "manager" is the enterprise manager (the core schema has none): Entra's documented shape.
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m\"", "manager", true)]
    [InlineData("manager eq \"m\"", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m\"", "department", false)]
    [InlineData("emails[type eq \"work\"].value eq \"x\"", "emails.value", true)]
    public void References_ReportsWhetherTheUserFilterTouchesAnAttribute(string filter, string attribute, bool expected)
    {
        Assert.Equal(expected, ScimFilter.Parse(filter, User).References(attribute));
    }
}
