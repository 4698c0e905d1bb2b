namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>RFC 7644 §3.5.2 on simple and complex single-valued User attributes: (rule, type, before, Operations, after).</summary>
internal static class PatchCoreAttributeCases
{
    private const string Alice = """{"userName":"alice","title":"Engineer","name":{"givenName":"Alice","familyName":"Smith"}}""";

    private const string Bare = """{"userName":"alice"}""";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // Simple attributes.
        {
            "RFC 7644 §3.5.2.1 add sets an absent simple attribute", "User", Alice,
            """[{"op":"add","path":"displayName","value":"Alice S"}]""",
            """{"userName":"alice","title":"Engineer","displayName":"Alice S","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 add on a present single-valued attribute replaces its value", "User", Alice,
            """[{"op":"add","path":"title","value":"Manager"}]""",
            """{"userName":"alice","title":"Manager","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace a simple attribute", "User", Alice,
            """[{"op":"replace","path":"title","value":"CTO"}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace of an absent attribute adds it", "User", Bare,
            """[{"op":"replace","path":"nickName","value":"Al"}]""",
            """{"userName":"alice","nickName":"Al"}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove a simple attribute", "User", Alice,
            """[{"op":"remove","path":"title"}]""",
            """{"userName":"alice","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove of an absent attribute changes nothing", "User", Alice,
            """[{"op":"remove","path":"nickName"}]""",
            Alice
        },
        {
            "replace with a null value clears the attribute (client convention)", "User", Alice,
            """[{"op":"replace","path":"title","value":null}]""",
            """{"userName":"alice","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 add with a null value adds nothing (and removes nothing)", "User", Alice,
            """[{"op":"add","path":"title","value":null}]""",
            Alice
        },
        {
            "RFC 7644 §3.5.2.1 add without a value adds nothing (and removes nothing)", "User", Alice,
            """[{"op":"add","path":"title"}]""",
            Alice
        },
        {
            "RFC 7643 §2.1 path names are case-insensitive; the schema's case is stored", "User", Alice,
            """[{"op":"replace","path":"TITLE","value":"CTO"}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.10 a path may carry the core schema URN", "User", Alice,
            """[{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:title","value":"CTO"}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2 op names are case-insensitive", "User", Alice,
            """[{"op":"REPLACE","path":"title","value":"CTO"}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2 operations apply in order", "User", Alice,
            """[{"op":"replace","path":"title","value":"CTO"},{"op":"remove","path":"title"},{"op":"add","path":"title","value":"CEO"}]""",
            """{"userName":"alice","title":"CEO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7643 §4.1 userName is readWrite", "User", Bare,
            """[{"op":"replace","path":"userName","value":"alice@contoso.com"}]""",
            """{"userName":"alice@contoso.com"}"""
        },
        {
            "RFC 7643 §3.1 externalId is readWrite", "User", Bare,
            """[{"op":"add","path":"externalId","value":"ext-1"}]""",
            """{"userName":"alice","externalId":"ext-1"}"""
        },
        {
            "RFC 7643 §2.3.2 boolean active stored as a JSON boolean", "User", Bare,
            """[{"op":"replace","path":"active","value":false}]""",
            """{"userName":"alice","active":false}"""
        },
        {
            "RFC 7643 §2.3.7 reference profileUrl", "User", Bare,
            """[{"op":"add","path":"profileUrl","value":"https://example.com/alice"}]""",
            """{"userName":"alice","profileUrl":"https://example.com/alice"}"""
        },
        {
            "RFC 7643 §2.3.1 a number sent for a string attribute keeps its text", "User", Bare,
            """[{"op":"add","path":"title","value":42}]""",
            """{"userName":"alice","title":"42"}"""
        },

        // Complex attribute "name" and its sub-attributes.
        {
            "RFC 7644 §3.5.2.3 replace of a complex attribute leaves unnamed sub-attributes unchanged", "User", Alice,
            """[{"op":"replace","path":"name","value":{"givenName":"Alicia"}}]""",
            """{"userName":"alice","title":"Engineer","name":{"givenName":"Alicia","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 add of a complex attribute merges sub-attributes", "User", Alice,
            """[{"op":"add","path":"name","value":{"middleName":"J"}}]""",
            """{"userName":"alice","title":"Engineer","name":{"givenName":"Alice","familyName":"Smith","middleName":"J"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 add of an absent complex attribute sets it", "User", Bare,
            """[{"op":"add","path":"name","value":{"givenName":"Alice","familyName":"Smith"}}]""",
            """{"userName":"alice","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove of a complex attribute removes all of it", "User", Alice,
            """[{"op":"remove","path":"name"}]""",
            """{"userName":"alice","title":"Engineer"}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace a sub-attribute (name.givenName)", "User", Alice,
            """[{"op":"replace","path":"name.givenName","value":"Alicia"}]""",
            """{"userName":"alice","title":"Engineer","name":{"givenName":"Alicia","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 add a sub-attribute when the complex attribute is absent creates it", "User", Bare,
            """[{"op":"add","path":"name.familyName","value":"Smith"}]""",
            """{"userName":"alice","name":{"familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove a sub-attribute keeps its siblings", "User", Alice,
            """[{"op":"remove","path":"name.givenName"}]""",
            """{"userName":"alice","title":"Engineer","name":{"familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.2 removing the last sub-attribute removes the complex attribute", "User", Alice,
            """[{"op":"remove","path":"name.givenName"},{"op":"remove","path":"name.familyName"}]""",
            """{"userName":"alice","title":"Engineer"}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove a sub-attribute of an absent complex attribute changes nothing", "User", Bare,
            """[{"op":"remove","path":"name.givenName"}]""",
            Bare
        },
        {
            "RFC 7643 §2.1 sub-attribute names in paths are case-insensitive", "User", Alice,
            """[{"op":"replace","path":"NAME.GIVENNAME","value":"Alicia"}]""",
            """{"userName":"alice","title":"Engineer","name":{"givenName":"Alicia","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.10 a core-URN-qualified sub-attribute path", "User", Alice,
            """[{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:name.formatted","value":"Ms Alice Smith"}]""",
            """{"userName":"alice","title":"Engineer","name":{"givenName":"Alice","familyName":"Smith","formatted":"Ms Alice Smith"}}"""
        },
        {
            "RFC 7643 §2.1 sub-attribute names inside a complex value are case-insensitive", "User", Alice,
            """[{"op":"replace","path":"name","value":{"GIVENNAME":"Alicia"}}]""",
            """{"userName":"alice","title":"Engineer","name":{"givenName":"Alicia","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace of a complex attribute with null clears it", "User", Alice,
            """[{"op":"replace","path":"name","value":null}]""",
            """{"userName":"alice","title":"Engineer"}"""
        },

        // Path-less add/replace: the value is a resource fragment.
        {
            "RFC 7644 §3.5.2.3 path-less replace with plain keys", "User", Alice,
            """[{"op":"replace","value":{"title":"CTO","displayName":"Alice S"}}]""",
            """{"userName":"alice","title":"CTO","displayName":"Alice S","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 path-less add with plain keys", "User", Bare,
            """[{"op":"add","value":{"nickName":"Al","locale":"en-GB"}}]""",
            """{"userName":"alice","nickName":"Al","locale":"en-GB"}"""
        },
        {
            "Azure AD RFC dialect: path-less replace with dotted keys (name.givenName)", "User", Alice,
            """[{"op":"replace","value":{"name.givenName":"Alicia","name.familyName":"Smyth"}}]""",
            """{"userName":"alice","title":"Engineer","name":{"givenName":"Alicia","familyName":"Smyth"}}"""
        },
        {
            "RFC 7644 §3.5.2.3 path-less replace of a complex value merges", "User", Alice,
            """[{"op":"replace","value":{"name":{"givenName":"Alicia"}}}]""",
            """{"userName":"alice","title":"Engineer","name":{"givenName":"Alicia","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.10 path-less replace with a core-URN-qualified key", "User", Alice,
            """[{"op":"replace","value":{"urn:ietf:params:scim:schemas:core:2.0:User:title":"CTO"}}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2 path-less replace with core attributes nested under the core schema URN", "User", Alice,
            """[{"op":"replace","value":{"urn:ietf:params:scim:schemas:core:2.0:User":{"title":"CTO","name":{"familyName":"Smyth"}}}}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smyth"}}"""
        },
        {
            "RFC 7644 §3.10 the core schema URN as path takes an object of core attributes", "User", Alice,
            """[{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User","value":{"title":"CTO"}}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7643 §7 readOnly id, meta, groups and schemas in a path-less value are ignored", "User", Alice,
            """[{"op":"replace","value":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"other","meta":{"resourceType":"User"},"groups":[{"value":"g1"}],"title":"CTO"}}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 path-less add ignores null values", "User", Alice,
            """[{"op":"add","value":{"title":null,"nickName":"Al"}}]""",
            """{"userName":"alice","title":"Engineer","nickName":"Al","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "path-less replace with a null value clears that attribute (client convention)", "User", Alice,
            """[{"op":"replace","value":{"title":null}}]""",
            """{"userName":"alice","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
        {
            "RFC 7643 §2.1 path-less keys are case-insensitive", "User", Alice,
            """[{"op":"replace","value":{"TITLE":"CTO","Name.GivenName":"Alicia"}}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alicia","familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.5.2 an empty path is the same as no path", "User", Alice,
            """[{"op":"replace","path":"","value":{"title":"CTO"}}]""",
            """{"userName":"alice","title":"CTO","name":{"givenName":"Alice","familyName":"Smith"}}"""
        },
    };
}
