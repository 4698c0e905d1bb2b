using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Resources;

/// <summary>
/// Names a person reads as one name have one identity key: Unicode equivalence (NFKC), invisible
/// characters, surrounding whitespace and case do not make a second userName, displayName or email.
/// </summary>
public sealed class IdentityKeyTests
{
    [Theory]
    [InlineData("josé", "jose\u0301", "precomposed and decomposed é")]
    [InlineData("ａｌｉｃｅ", "alice", "full-width letters")]
    [InlineData("ali\u200Bce", "alice", "a zero-width space")]
    [InlineData("ali\u00ADce", "alice", "a soft hyphen")]
    [InlineData("\uFEFFalice", "alice", "a byte-order mark")]
    [InlineData("  alice \t", "alice", "surrounding whitespace")]
    [InlineData("\u200B alice \u200B", "alice", "whitespace behind invisible characters")]
    [InlineData("ALICE", "alice", "case")]
    [InlineData("ﬁnance", "finance", "a compatibility ligature")]
    [InlineData("ali\U000E0041ce", "alice", "a tag character (supplementary plane)")]
    public void EquivalentNames_HaveOneKey(string first, string second, string what)
    {
        Assert.True(IdentityKey.Of(first) == IdentityKey.Of(second), what);
    }

    [Theory]
    [InlineData("alice", "alicia")]
    [InlineData("a lice", "alice")]
    [InlineData("ßtraße", "sstrasse")]
    public void DifferentNames_HaveDifferentKeys(string first, string second)
    {
        Assert.NotEqual(IdentityKey.Of(first), IdentityKey.Of(second));
    }

    [Fact]
    public void AKeyOfANormalizedValue_IsItsUpperCase_AsBeforeNormalizationExisted()
    {
        Assert.Equal("ALICE@CONTOSO.EXAMPLE", IdentityKey.Of("alice@contoso.example"));
        Assert.Equal("ZOË", IdentityKey.Of("Zoë"));
    }

    [Theory]
    [InlineData("userName eq \"ＡＬＩＣＥ\"", true)]
    [InlineData("userName eq \" ali\u200Bce \"", true)]
    [InlineData("userName sw \"ａl\"", true)]
    [InlineData("userName co \"LIC\"", true)]
    [InlineData("userName ew \"ｃｅ\"", true)]
    [InlineData("emails.value eq \"ＡＬＩＣＥ@contoso.example\"", true)]
    [InlineData("emails[type eq \"work\"].value eq \"alice@contoso.example\u200B\"", true)]
    [InlineData("title eq \"ｅngineer\"", false)]
    public void Filters_OnIdentityNames_CompareTheirKeys(string filter, bool matches)
    {
        var alice = Json("""{"userName":"alice","title":"engineer","emails":[{"value":"alice@contoso.example","type":"work"}]}""");

        Assert.Equal(matches, ScimFilter.Parse(filter, User).Matches(alice));
    }

    [Fact]
    public void Filters_OnGroupDisplayName_CompareTheirKeys()
    {
        Assert.True(ScimFilter.Parse("displayName eq \"ＦＩＮＡＮＣＥ \"", Group).Matches(Json("""{"displayName":"Finance"}""")));
    }

    [Theory]
    [InlineData("User", """{"userName":"al\u0000ice"}""")]
    [InlineData("User", """{"userName":"alice\u001B[31m"}""")]
    [InlineData("User", """{"userName":"alice\u0085"}""")]
    [InlineData("User", """{"userName":"alice","externalId":"e\u0007"}""")]
    [InlineData("Group", """{"displayName":"tab\there"}""")]
    public void ControlCharacters_InNamesAndExternalId_AreInvalidValue(string type, string body)
    {
        foreach (var rules in new[] { InputRules.Strict(), InputRules.Tolerant() })
        {
            AssertScimError(() => ResourceNormalizer.Normalize(ScimJson.ParseObject(body), TypeOf(type), rules), 400, ScimErrorType.InvalidValue, body);
        }
    }

    [Fact]
    public void ControlCharacters_ElsewhereAreKept()
    {
        var attributes = ResourceNormalizer.Normalize(ScimJson.ParseObject("""{"userName":"alice","title":"line\nbreak"}"""), User, InputRules.Strict());

        Assert.Equal("line\nbreak", attributes["title"]!.GetValue<string>());
    }
}
