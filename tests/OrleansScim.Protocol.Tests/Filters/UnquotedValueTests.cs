using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Input;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Filters;

/// <summary>
/// Clients (a widely used validation collection among them) send comparison values without quotes.
/// Tolerant input types such a value by the attribute it is compared with; strict input keeps RFC 7644
/// §3.4.2.2's JSON values and refuses it as invalidFilter.
/// </summary>
public sealed class UnquotedValueTests
{
    private static readonly JsonObject Alice = Json("""
        {"userName":"alice@example.com","active":true,"name":{"familyName":"Employee"},"title":"true",
         "emails":[{"value":"alice@example.com","type":"work"}],"meta":{"created":"2016-01-01T00:00:00.000Z"},
         "$ENT":{"employeeNumber":"12345"},"$GTU":{"label1":"red","level":3}}
        """);

    [Theory]
    [InlineData("userName eq alice@example.com", true)]
    [InlineData("name.familyName eq Employee", true)]
    [InlineData("userName sw O", false)]
    [InlineData("userName sw A", true)]
    [InlineData("meta.created gt 2015-10-10T14:38:21.8617979-07:00", true)]
    [InlineData("meta.created lt 2015-10-10T14:38:21.8617979-07:00", false)]
    [InlineData("active eq True", true)]
    [InlineData("active eq false", false)]
    [InlineData("title eq true", true)]
    [InlineData("employeeNumber eq 12345", true)]
    [InlineData("emails[type eq work].value eq alice@example.com", true)]
    [InlineData("(userName eq alice@example.com) and active eq true", true)]
    [InlineData("$GTU:label1 eq red", true)]
    [InlineData("$GTU:level gt 2", true)]
    [InlineData("title eq null", false)]
    public void Tolerant_TypesTheValueByItsAttribute(string filter, bool expected)
    {
        Assert.Equal(expected, ScimFilter.Parse(Expand(filter), User, FilterOptions.Tolerant).Matches(Alice));
    }

    [Theory]
    [InlineData("userName eq alice@example.com")]
    [InlineData("name.familyName eq Employee")]
    [InlineData("userName sw O")]
    [InlineData("meta.created gt 2015-10-10T14:38:21.8617979-07:00")]
    [InlineData("title eq true")]
    [InlineData("employeeNumber eq 12345")]
    public void Strict_RefusesIt(string filter)
    {
        AssertScimError(() => ScimFilter.Parse(filter, User, InputRules.Strict().FilterOptions), 400, ScimErrorType.InvalidFilter, filter);
    }

    [Theory]
    [InlineData("active eq maybe")]
    [InlineData("meta.created gt yesterday")]
    [InlineData("noSuchAttribute eq x")]
    public void Tolerant_StillRefusesAValueItsAttributeCannotHold(string filter)
    {
        AssertScimError(() => ScimFilter.Parse(filter, User, FilterOptions.Tolerant), 400, ScimErrorType.InvalidFilter, filter);
    }

    [Fact]
    public void Tolerant_AnUnquotedValue_IsAnIndexableEquality()
    {
        var filter = ScimFilter.Parse("userName eq alice@example.com", User, FilterOptions.Tolerant);

        Assert.Equal([new FilterEquality("userName", "alice@example.com", false)], filter.RequiredEqualities);
        Assert.Equal("userName eq alice@example.com", filter.ToString());
    }
}
