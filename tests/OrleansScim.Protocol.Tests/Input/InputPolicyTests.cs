using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using static OrleansScim.Protocol.Tests.Support.Scim;

namespace OrleansScim.Protocol.Tests.Input;

/// <summary>
/// The README's input-policy table for resource bodies, PATCH values and attribute lists: tolerant input
/// (the default) ignores what no schema of the tenant defines and keeps duplicate types; strict refuses.
/// Nothing a schema does not define is ever stored.
/// </summary>
public sealed class InputPolicyTests
{
    /// <summary>(rule, type, body, what tolerant stores, the name it reports).</summary>
    public static TheoryData<string, string, string, string, string> UnknownInBodies => new()
    {
        { "an attribute no schema defines", "User", """{"userName":"a","favouriteColour":"blue"}""", """{"userName":"a"}""", "favouriteColour" },
        { "an attribute of the enterprise URN it does not define", "User", """{"userName":"a","$ENT":{"department":"Sales","shoeSize":44}}""", """{"userName":"a","$ENT":{"department":"Sales"}}""", "$ENT:shoeSize" },
        { "a URN-qualified attribute the enterprise schema does not define", "User", """{"userName":"a","$ENT:shoeSize":44}""", """{"userName":"a"}""", "$ENT:shoeSize" },
        { "an attribute nested under the core URN that core does not define", "User", """{"userName":"a","urn:ietf:params:scim:schemas:core:2.0:User":{"shoeSize":44}}""", """{"userName":"a"}""", "shoeSize" },
        { "a sub-attribute the complex attribute does not define", "User", """{"userName":"a","name":{"givenName":"A","nick":"Al"}}""", """{"userName":"a","name":{"givenName":"A"}}""", "name.nick" },
        { "a member given with displayName (the sub-attribute is display)", "Group", """{"displayName":"g","members":[{"value":"u1","displayName":"One"}]}""", """{"displayName":"g","members":[{"value":"u1"}]}""", "members.displayName" },
        { "an unknown sub-attribute of an email", "User", """{"userName":"a","emails":[{"value":"a@x.example","type":"work","verified":true}]}""", """{"userName":"a","emails":[{"value":"a@x.example","type":"work"}]}""", "emails.verified" },
    };

    [Theory]
    [MemberData(nameof(UnknownInBodies))]
    public void Normalize_Tolerant_IgnoresIt_Strict_RefusesIt(string rule, string type, string body, string stored, string reported)
    {
        var tolerant = InputRules.Tolerant();

        var attributes = ResourceNormalizer.Normalize(Json(body), TypeOf(type), tolerant);

        AssertJson(stored, attributes, rule + " (tolerant)");
        var name = Expand(reported);
        Assert.Equal([name.Length <= InputRules.MaxReportedNameLength ? name : "…" + name[^(InputRules.MaxReportedNameLength - 1)..]], tolerant.IgnoredNames);
        AssertScimError(() => ResourceNormalizer.Normalize(Json(body), TypeOf(type), InputRules.Strict()), 400, ScimErrorType.InvalidValue, rule + " (strict)");
    }

    [Fact]
    public void Normalize_TwoValuesOfOneType_AreKeptWhenTolerant_AndRefusedWhenStrict()
    {
        const string body = """{"userName":"a","emails":[{"value":"x@a.example","type":"work"},{"value":"y@a.example","type":"work"}]}""";

        var attributes = ResourceNormalizer.Normalize(Json(body), User, InputRules.Tolerant());

        AssertJson(body, attributes, "two work emails as sent");
        AssertScimError(() => ResourceNormalizer.Normalize(Json(body), User, InputRules.Strict()), 400, ScimErrorType.InvalidValue, "strict: one value per type");
    }

    [Fact]
    public void Patch_ReplaceOfTheWorkEmailValue_OnTwoWorkEmails_CollapsesThemIntoOne()
    {
        var after = PatchEngine.Apply(
            Json("""{"userName":"a","emails":[{"value":"x@a.example","type":"work"},{"value":"y@a.example","type":"work"}]}"""),
            PatchBody("""[{"op":"replace","path":"emails[type eq \"work\"].value","value":"z@a.example"}]"""),
            User,
            InputRules.Tolerant());

        AssertJson("""{"userName":"a","emails":[{"value":"z@a.example","type":"work"}]}""", after, "two identical values are one value");
    }

    [Fact]
    public void Patch_AnAddThatLeavesTwoWorkEmails_IsKeptWhenTolerant_AndRefusedWhenStrict()
    {
        const string before = """{"userName":"a","emails":[{"value":"w@a.example","type":"work"},{"value":"h@a.example","type":"home"}]}""";
        const string operations = """[{"op":"replace","path":"emails[type eq \"home\"]","value":{"value":"z@a.example","type":"work"}}]""";

        var after = PatchEngine.Apply(Json(before), PatchBody(operations), User, InputRules.Tolerant());

        AssertJson("""{"userName":"a","emails":[{"value":"w@a.example","type":"work"},{"value":"z@a.example","type":"work"}]}""", after, "tolerant keeps both");
        AssertScimError(() => PatchEngine.Apply(Json(before), PatchBody(operations), User, InputRules.Strict()), 400, ScimErrorType.InvalidValue, "strict");
    }

    [Fact]
    public void Patch_AReplaceWhoseValueIsEntirelyIgnored_ChangesNothing()
    {
        var after = PatchEngine.Apply(
            Json("""{"userName":"a","name":{"givenName":"A"}}"""),
            PatchBody("""[{"op":"replace","path":"name","value":{"nick":"Al"}}]"""),
            User,
            InputRules.Tolerant());

        AssertJson("""{"userName":"a","name":{"givenName":"A"}}""", after, "nothing left to set is no removal");
    }

    [Fact]
    public void IgnoredNames_AreAtMostTenOfAtMost64Characters_AndNeverValues()
    {
        var body = new JsonObject { ["userName"] = "secret-user" };
        for (var i = 0; i < 15; i++)
        {
            body[new string('x', 80) + "unknown" + i] = "secret-value";
        }

        var rules = InputRules.Tolerant();
        ResourceNormalizer.Normalize(body, User, rules);

        Assert.Equal(InputRules.MaxReportedNames, rules.IgnoredNames.Count);
        Assert.Equal(15, rules.IgnoredCount);
        Assert.All(rules.IgnoredNames, name => Assert.True(name.Length <= InputRules.MaxReportedNameLength));
        Assert.DoesNotContain(rules.IgnoredNames, name => name.Contains("secret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("emails[type eq \"work\"]", null, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","emails":[{"value":"w@a.example","type":"work"},{"value":"h@a.example","type":"home"}]}""")]
    [InlineData("emails[type eq \"work\"].value,userName", null, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a","emails":[{"value":"w@a.example"},{"value":"h@a.example"}]}""")]
    [InlineData(null, "emails[type eq \"work\"]", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a"}""")]
    public void Attributes_WithAValueFilter_MeanTheWholeAttributeWhenTolerant_AndAreRefusedWhenStrict(string? attributes, string? excluded, string expected)
    {
        var document = Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a","emails":[{"value":"w@a.example","type":"work"},{"value":"h@a.example","type":"home"}]}""");

        AssertJson(expected, AttributeProjection.Create(User, attributes, excluded, InputRules.Tolerant()).Apply(document), "tolerant: the filter is ignored");
        AssertScimError(() => AttributeProjection.Create(User, attributes, excluded, InputRules.Strict()), 400, ScimErrorType.InvalidValue, "strict: names only");
    }

    [Fact]
    public void Attributes_UnknownNames_AreIgnoredUnderBothPolicies()
    {
        var document = Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a"}""");

        foreach (var rules in new[] { InputRules.Strict(), InputRules.Tolerant() })
        {
            AssertJson("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a"}""", AttributeProjection.Create(User, "userName,shoeSize", null, rules).Apply(document), "RFC 7644 §3.4.2.5");
        }
    }

    [Theory]
    [InlineData("\"u1\"")]
    [InlineData("[\"u1\"]")]
    public void Members_AsBareIds_MeanValueObjects_UnderBothPolicies(string members)
    {
        foreach (var rules in new[] { InputRules.Strict(), InputRules.Tolerant() })
        {
            var created = ResourceNormalizer.Normalize(Json($$"""{"displayName":"g","members":{{members}}}"""), Group, rules);
            var patched = PatchEngine.Apply(Json("""{"displayName":"g"}"""), PatchBody($$"""[{"op":"add","path":"members","value":{{members}}}]"""), Group, rules);
            var pathless = PatchEngine.Apply(Json("""{"displayName":"g"}"""), PatchBody($$$"""[{"op":"add","value":{"members":{{{members}}}}}]"""), Group, rules);

            AssertJson("""{"displayName":"g","members":[{"value":"u1"}]}""", created, $"POST ({rules.Policy})");
            AssertJson("""{"displayName":"g","members":[{"value":"u1"}]}""", patched, $"PATCH with path ({rules.Policy})");
            AssertJson("""{"displayName":"g","members":[{"value":"u1"}]}""", pathless, $"PATCH without path ({rules.Policy})");
        }
    }
}
