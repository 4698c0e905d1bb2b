namespace OrleansScim.Protocol.Tests.Resources;

/// <summary>
/// The create bodies Azure AD sends for the five application profiles of design.md, and the canonical
/// attributes each must normalize to: (profile, type, body, attributes). $ENT, $GTU and $GTG stand for
/// the long URNs.
/// </summary>
internal static class ApplicationProfileCases
{
    public static TheoryData<string, string, string, string> Creates => new()
    {
        {
            "Azure AD mobile workforce app: user create", "User",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],
             "externalId":"mw-0001","userName":"Ryan@contoso.com","active":true,
             "name":{"givenName":"Ryan","familyName":"Leenay"},
             "title":"Field Technician",
             "emails":[{"primary":true,"type":"work","value":"Ryan@contoso.com"}],
             "preferredLanguage":"en-US","userType":"Member","locale":"en-US","timezone":"America/Los_Angeles",
             "$ENT":{"employeeNumber":"1234","costCenter":"CC-100","organization":"Contoso","division":"Field","department":"Service"},
             "meta":{"resourceType":"User"},
             "roles":[]}
            """,
            """
            {"externalId":"mw-0001","userName":"Ryan@contoso.com","active":true,
             "name":{"givenName":"Ryan","familyName":"Leenay"},
             "title":"Field Technician",
             "emails":[{"primary":true,"type":"work","value":"Ryan@contoso.com"}],
             "preferredLanguage":"en-US","userType":"Member","locale":"en-US","timezone":"America/Los_Angeles",
             "$ENT":{"employeeNumber":"1234","costCenter":"CC-100","organization":"Contoso","division":"Field","department":"Service"}}
            """
        },
        {
            "Azure AD time tracking app: user create with a bare manager id", "User",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],
             "externalId":"tt-0002","userName":"Lola@contoso.com","active":"True","displayName":"Lola Jacobson",
             "emails":[{"primary":true,"type":"work","value":"Lola@contoso.com"}],
             "$ENT":{"employeeNumber":"5678","manager":"26118915-6090-4610-87e4-49d8ca9f808d"},
             "meta":{"resourceType":"User"}}
            """,
            """
            {"externalId":"tt-0002","userName":"Lola@contoso.com","active":true,"displayName":"Lola Jacobson",
             "emails":[{"primary":true,"type":"work","value":"Lola@contoso.com"}],
             "$ENT":{"employeeNumber":"5678","manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}}}
            """
        },
        {
            "Azure AD push-to-talk app: user create with the grouptalk vendor extension", "User",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT","$GTU"],
             "externalId":"ptt-0003","userName":"Dispatch1@contoso.com","active":true,
             "name":{"givenName":"Dee","familyName":"Spatch"},
             "emails":[{"primary":true,"type":"work","value":"Dispatch1@contoso.com"}],
             "phoneNumbers":[{"type":"mobile","value":"+1 555 0100"}],
             "$ENT":{"costCenter":"CC-200","organization":"Contoso Logistics"},
             "$GTU":{"label1":"Fleet","label2":"North","label3":null,"label4":"Night","label5":""},
             "roles":[]}
            """,
            """
            {"externalId":"ptt-0003","userName":"Dispatch1@contoso.com","active":true,
             "name":{"givenName":"Dee","familyName":"Spatch"},
             "emails":[{"primary":true,"type":"work","value":"Dispatch1@contoso.com"}],
             "phoneNumbers":[{"type":"mobile","value":"+1 555 0100"}],
             "$ENT":{"costCenter":"CC-200","organization":"Contoso Logistics"},
             "$GTU":{"label1":"Fleet","label2":"North","label4":"Night","label5":""}}
            """
        },
        {
            "Azure AD push-to-talk app: group create with members and the grouptalk vendor extension", "Group",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group","$GTG"],
             "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Dispatchers",
             "members":[{"value":"u1"},{"value":"u2"}],
             "$GTG":{"description":"All dispatchers"},
             "meta":{"resourceType":"Group"}}
            """,
            """
            {"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Dispatchers",
             "members":[{"value":"u1"},{"value":"u2"}],
             "$GTG":{"description":"All dispatchers"}}
            """
        },
        {
            "Azure AD telephony app: user create", "User",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"Tel@contoso.com","active":true,
             "name":{"givenName":"Tel","familyName":"Ephony"},
             "emails":[{"primary":true,"type":"work","value":"Tel@contoso.com"}]}
            """,
            """
            {"userName":"Tel@contoso.com","active":true,
             "name":{"givenName":"Tel","familyName":"Ephony"},
             "emails":[{"primary":true,"type":"work","value":"Tel@contoso.com"}]}
            """
        },
        {
            "Azure AD finance workflow app: user create with manager as [{\"$ref\":null,\"value\":\"id\"}]", "User",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","$ENT"],
             "externalId":"fin-0005","userName":"Fin@contoso.com","active":false,"displayName":"Fin Ance",
             "name":{"givenName":"Fin","familyName":"Ance","formatted":"Fin Ance"},
             "emails":[{"primary":true,"type":"work","value":"Fin@contoso.com"}],
             "$ENT":{"manager":[{"$ref":null,"value":"26118915-6090-4610-87e4-49d8ca9f808d"}]},
             "meta":{"resourceType":"User"}}
            """,
            """
            {"externalId":"fin-0005","userName":"Fin@contoso.com","active":false,"displayName":"Fin Ance",
             "name":{"givenName":"Fin","familyName":"Ance","formatted":"Fin Ance"},
             "emails":[{"primary":true,"type":"work","value":"Fin@contoso.com"}],
             "$ENT":{"manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}}}
            """
        },
        {
            "Azure AD finance workflow app: group create without members", "Group",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"fin-group-1","displayName":"Approvers","members":[],
             "meta":{"resourceType":"Group"}}
            """,
            """{"externalId":"fin-group-1","displayName":"Approvers"}"""
        },
    };

    /// <summary>A typical incremental-cycle PATCH per profile: (profile, type, stored attributes, Operations, after).</summary>
    public static TheoryData<string, string, string, string, string> Updates => new()
    {
        {
            "Azure AD mobile workforce app: RFC-dialect path-less replace", "User",
            """{"userName":"Ryan@contoso.com","name":{"givenName":"Ryan","familyName":"Leenay"},"$ENT":{"department":"Service"}}""",
            """[{"op":"replace","value":{"name.givenName":"Ryan J","title":"Lead","$ENT:department":"Install","$ENT:division":"West"}}]""",
            """{"userName":"Ryan@contoso.com","name":{"givenName":"Ryan J","familyName":"Leenay"},"title":"Lead","$ENT":{"department":"Install","division":"West"}}"""
        },
        {
            "Azure AD time tracking app: disable and change the manager (old dialect)", "User",
            """{"userName":"Lola@contoso.com","active":true,"$ENT":{"manager":{"value":"m1"}}}""",
            """[{"op":"Replace","path":"active","value":"False"},{"op":"Replace","path":"$ENT:manager","value":[{"$ref":null,"value":"m2"}]}]""",
            """{"userName":"Lola@contoso.com","active":false,"$ENT":{"manager":{"value":"m2"}}}"""
        },
        {
            "Azure AD push-to-talk app: mobile number and a label", "User",
            """{"userName":"Dispatch1@contoso.com","phoneNumbers":[{"type":"mobile","value":"+1 555 0100"}],"$GTU":{"label1":"Fleet"}}""",
            """[{"op":"Replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 555 0199"},{"op":"Add","path":"$GTU:label2","value":"South"}]""",
            """{"userName":"Dispatch1@contoso.com","phoneNumbers":[{"type":"mobile","value":"+1 555 0199"}],"$GTU":{"label1":"Fleet","label2":"South"}}"""
        },
        {
            "Azure AD push-to-talk app: group membership and description", "Group",
            """{"displayName":"Dispatchers","members":[{"value":"u1"},{"value":"u2"},{"value":"u3"}],"$GTG":{"description":"All dispatchers"}}""",
            """[{"op":"Remove","path":"members","value":[{"value":"u2"}]},{"op":"Add","path":"members","value":[{"value":"u4"},{"value":"u5"}]},{"op":"Replace","path":"$GTG:description","value":"Day and night"}]""",
            """{"displayName":"Dispatchers","members":[{"value":"u1"},{"value":"u3"},{"value":"u4"},{"value":"u5"}],"$GTG":{"description":"Day and night"}}"""
        },
        {
            "Azure AD telephony app: the first work email", "User",
            """{"userName":"Tel@contoso.com","active":true}""",
            """[{"op":"Add","path":"emails[type eq \"work\"].value","value":"Tel@contoso.com"}]""",
            """{"userName":"Tel@contoso.com","active":true,"emails":[{"type":"work","value":"Tel@contoso.com"}]}"""
        },
        {
            "Azure AD finance workflow app: name.formatted and member removal by filter", "Group",
            """{"displayName":"Approvers","externalId":"fin-group-1","members":[{"value":"u1"},{"value":"u2"}]}""",
            """[{"op":"remove","path":"members[value eq \"u1\"]"},{"op":"replace","path":"displayName","value":"Finance approvers"}]""",
            """{"displayName":"Finance approvers","externalId":"fin-group-1","members":[{"value":"u2"}]}"""
        },
    };
}
