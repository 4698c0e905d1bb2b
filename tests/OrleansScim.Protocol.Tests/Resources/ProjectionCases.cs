namespace OrleansScim.Protocol.Tests.Resources;

/// <summary>
/// RFC 7644 §3.4.2.5 attributes/excludedAttributes with RFC 7643 §7 "returned":
/// (rule, type, attributes, excludedAttributes, projected document). $ENT and $GTU stand for the long URNs.
/// </summary>
internal static class ProjectionCases
{
    public const string AliceDocument = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT","$GTU"],
         "id":"u1","externalId":"ext-1","userName":"alice","password":"pbkdf2-sha256$10000$c2FsdA==$aGFzaA==",
         "name":{"givenName":"Alice","familyName":"Smith"},
         "emails":[{"value":"alice@work.example","type":"work","primary":true}],
         "$ENT":{"department":"Sales","manager":{"value":"m1","$ref":"https://scim.example/Users/m1"}},
         "$GTU":{"label1":"A","label2":"B"},
         "meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}
        """;

    public const string TeamDocument = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
         "id":"g1","displayName":"Team","members":[{"value":"u1","display":"Alice"},{"value":"u2"}],
         "meta":{"resourceType":"Group","location":"https://scim.example/Groups/g1"}}
        """;

    public static TheoryData<string, string, string?, string?, string> Cases => new()
    {
        {
            "RFC 7643 §7 returned=never: without parameters everything but password is returned", "User", null, null,
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT","$GTU"],
             "id":"u1","externalId":"ext-1","userName":"alice",
             "name":{"givenName":"Alice","familyName":"Smith"},
             "emails":[{"value":"alice@work.example","type":"work","primary":true}],
             "$ENT":{"department":"Sales","manager":{"value":"m1","$ref":"https://scim.example/Users/m1"}},
             "$GTU":{"label1":"A","label2":"B"},
             "meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}
            """
        },
        {
            "RFC 7644 §3.4.2.5 attributes=userName keeps id, schemas and userName", "User", "userName", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"alice"}"""
        },
        {
            "RFC 7643 §2.1 attribute names in 'attributes' are case-insensitive", "User", "USERNAME", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"alice"}"""
        },
        {
            "RFC 7644 §3.4.2.5 attributes=id returns only what is always returned", "User", "id", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1"}"""
        },
        {
            "RFC 7644 §3.4.2.5 unknown names in attributes are ignored", "User", "favouriteColour", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1"}"""
        },
        {
            "RFC 7644 §3.4.2.5 a sub-attribute list (name.givenName)", "User", "name.givenName", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","name":{"givenName":"Alice"}}"""
        },
        {
            "RFC 7644 §3.4.2.5 a sub-attribute of a multi-valued attribute (emails.value)", "User", "emails.value", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","emails":[{"value":"alice@work.example"}]}"""
        },
        {
            "RFC 7644 §3.4.2.5 several attributes, spaces around commas", "User", "userName, name.familyName ,externalId", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","externalId":"ext-1","userName":"alice","name":{"familyName":"Smith"}}"""
        },
        {
            "RFC 7644 §3.4.2.5 an extension attribute by its URN path", "User", "$ENT:department", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],"id":"u1","$ENT":{"department":"Sales"}}"""
        },
        {
            "RFC 7644 §3.4.2.5 an extension sub-attribute by its URN path", "User", "$ENT:manager.value", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],"id":"u1","$ENT":{"manager":{"value":"m1"}}}"""
        },
        {
            "RFC 7644 §3.4.2.5 a whole extension by its URN", "User", "$ENT", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],"id":"u1","$ENT":{"department":"Sales","manager":{"value":"m1","$ref":"https://scim.example/Users/m1"}}}"""
        },
        {
            "RFC 7643 §2.1 extension URNs in attributes are case-insensitive", "User", "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:DEPARTMENT", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],"id":"u1","$ENT":{"department":"Sales"}}"""
        },
        {
            "RFC 7644 §3.4.2.5 a whole undeclared vendor extension by its URN", "User", "$GTU", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$GTU"],"id":"u1","$GTU":{"label1":"A","label2":"B"}}"""
        },
        {
            "RFC 7644 §3.4.2.5 one attribute of an undeclared vendor extension", "User", "$GTU:label2", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$GTU"],"id":"u1","$GTU":{"label2":"B"}}"""
        },
        {
            "RFC 7643 §7 password (returned=never) is not returned even when asked for", "User", "password,userName", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"alice"}"""
        },
        {
            "RFC 7644 §3.4.2.5 meta can be asked for", "User", "meta", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}"""
        },
        {
            "RFC 7644 §3.4.2.5 a meta sub-attribute can be asked for", "User", "meta.location", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","meta":{"location":"https://scim.example/Users/u1"}}"""
        },
        {
            "RFC 7644 §3.4.2.5 excludedAttributes removes an attribute", "User", null, "emails",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT","$GTU"],
             "id":"u1","externalId":"ext-1","userName":"alice",
             "name":{"givenName":"Alice","familyName":"Smith"},
             "$ENT":{"department":"Sales","manager":{"value":"m1","$ref":"https://scim.example/Users/m1"}},
             "$GTU":{"label1":"A","label2":"B"},
             "meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}
            """
        },
        {
            "RFC 7643 §7 returned=always: excludedAttributes cannot remove id (or schemas)", "User", null, "id,schemas,userName,name,emails,externalId,meta,$ENT,$GTU",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1"}"""
        },
        {
            "RFC 7644 §3.4.2.5 excludedAttributes removes a sub-attribute", "User", null, "name.givenName,emails.primary",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT","$GTU"],
             "id":"u1","externalId":"ext-1","userName":"alice",
             "name":{"familyName":"Smith"},
             "emails":[{"value":"alice@work.example","type":"work"}],
             "$ENT":{"department":"Sales","manager":{"value":"m1","$ref":"https://scim.example/Users/m1"}},
             "$GTU":{"label1":"A","label2":"B"},
             "meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}
            """
        },
        {
            "RFC 7644 §3.4.2.5 excludedAttributes removes an extension attribute", "User", null, "$ENT:manager,$GTU:label1",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT","$GTU"],
             "id":"u1","externalId":"ext-1","userName":"alice",
             "name":{"givenName":"Alice","familyName":"Smith"},
             "emails":[{"value":"alice@work.example","type":"work","primary":true}],
             "$ENT":{"department":"Sales"},
             "$GTU":{"label2":"B"},
             "meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}
            """
        },
        {
            "RFC 7644 §3.4.2.5 excludedAttributes removes a whole extension, and RFC 7643 §3 schemas lists only what is present", "User", null, "$ENT",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$GTU"],
             "id":"u1","externalId":"ext-1","userName":"alice",
             "name":{"givenName":"Alice","familyName":"Smith"},
             "emails":[{"value":"alice@work.example","type":"work","primary":true}],
             "$GTU":{"label1":"A","label2":"B"},
             "meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}
            """
        },
        {
            "RFC 7644 §3.4.2.5 excluding every extension attribute drops the extension", "User", null, "$ENT:department,$ENT:manager,$GTU",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "id":"u1","externalId":"ext-1","userName":"alice",
             "name":{"givenName":"Alice","familyName":"Smith"},
             "emails":[{"value":"alice@work.example","type":"work","primary":true}],
             "meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}
            """
        },
        {
            "RFC 7644 §3.4.2.5 attributes takes precedence when both are given", "User", "userName", "userName",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"alice"}"""
        },
        {
            "RFC 7644 §3.4.2.5 empty parameters are no parameters", "User", " ", "",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT","$GTU"],
             "id":"u1","externalId":"ext-1","userName":"alice",
             "name":{"givenName":"Alice","familyName":"Smith"},
             "emails":[{"value":"alice@work.example","type":"work","primary":true}],
             "$ENT":{"department":"Sales","manager":{"value":"m1","$ref":"https://scim.example/Users/m1"}},
             "$GTU":{"label1":"A","label2":"B"},
             "meta":{"resourceType":"User","location":"https://scim.example/Users/u1","version":"W/\"1\""}}
            """
        },

        // Groups: Azure AD's membership checks.
        {
            "Azure AD: excludedAttributes=members on a group", "Group", null, "members",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Team","meta":{"resourceType":"Group","location":"https://scim.example/Groups/g1"}}"""
        },
        {
            "Azure AD: attributes=id on a group", "Group", "id", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1"}"""
        },
        {
            "RFC 7644 §3.4.2.5 attributes=members.value on a group", "Group", "members.value", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","members":[{"value":"u1"},{"value":"u2"}]}"""
        },
        {
            "RFC 7644 §3.4.2.5 attributes=displayName on a group", "Group", "displayName", null,
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Team"}"""
        },
        {
            "RFC 7644 §3.4.2.5 excludedAttributes=members.display on a group", "Group", null, "members.display",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Team","members":[{"value":"u1"},{"value":"u2"}],"meta":{"resourceType":"Group","location":"https://scim.example/Groups/g1"}}"""
        },
    };

    /// <summary>Whether Group "members" would be returned: (rule, attributes, excludedAttributes, expected).</summary>
    public static TheoryData<string, string?, string?, bool> IncludesMembers => new()
    {
        { "RFC 7644 §3.4.2.5 no parameters: members are returned", null, null, true },
        { "Azure AD: attributes=id leaves members out", "id", null, false },
        { "Azure AD: excludedAttributes=members leaves members out", null, "members", false },
        { "RFC 7644 §3.4.2.5 attributes=members", "members", null, true },
        { "RFC 7643 §2.1 attributes=MEMBERS", "MEMBERS", null, true },
        { "RFC 7644 §3.4.2.5 attributes=members.value returns part of members", "members.value", null, true },
        { "RFC 7644 §3.4.2.5 attributes=displayName,members", "displayName,members", null, true },
        { "RFC 7644 §3.4.2.5 attributes=displayName leaves members out", "displayName", null, false },
        { "RFC 7644 §3.4.2.5 excludedAttributes=displayName keeps members", null, "displayName", true },
        { "RFC 7644 §3.4.2.5 excludedAttributes=members.display keeps members", null, "members.display", true },
    };
}
