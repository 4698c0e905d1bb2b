using OrleansScim.Protocol.Errors;

namespace OrleansScim.Protocol.Tests.Resources;

/// <summary>
/// POST/PUT bodies and the canonical attributes they normalize to (RFC 7643 §2-§4, §7; RFC 7644 §3.3):
/// (rule, type, body, attributes). $ENT, $GTU and $GTG stand for the long URNs.
/// </summary>
internal static class NormalizationCases
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "RFC 7643 §2.1 attribute names are stored in the schema's case", "User",
            """{"USERNAME":"alice","DisplayName":"Alice","NAME":{"GIVENNAME":"Alice","familyname":"Smith"},"Emails":[{"VALUE":"a@example.com","Type":"work"}]}""",
            """{"userName":"alice","displayName":"Alice","name":{"givenName":"Alice","familyName":"Smith"},"emails":[{"value":"a@example.com","type":"work"}]}"""
        },
        {
            "RFC 7643 §3 schemas is recomputed by the service, not stored", "User",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice"}""",
            """{"userName":"alice"}"""
        },
        {
            "RFC 7644 §3.3 a body without schemas is accepted", "User",
            """{"userName":"alice"}""",
            """{"userName":"alice"}"""
        },
        {
            "Azure AD: meta, id and groups (readOnly, RFC 7643 §7) are ignored", "User",
            """{"id":"client-chosen","meta":{"resourceType":"User","created":"2020-01-01T00:00:00Z"},"groups":[{"value":"g1","display":"G"}],"userName":"alice"}""",
            """{"userName":"alice"}"""
        },
        {
            "Azure AD: null values are ignored", "User",
            """{"userName":"alice","displayName":null,"name":{"givenName":"Alice","familyName":null},"emails":[{"value":"a@example.com","type":null}],"active":null}""",
            """{"userName":"alice","name":{"givenName":"Alice"},"emails":[{"value":"a@example.com"}]}"""
        },
        {
            "Azure AD: roles: [] is ignored", "User",
            """{"userName":"alice","roles":[]}""",
            """{"userName":"alice"}"""
        },
        {
            "Azure AD: empty complex values are dropped", "User",
            """{"userName":"alice","name":{},"emails":[{}],"$ENT":{}}""",
            """{"userName":"alice"}"""
        },
        {
            "Azure AD: extra schema URIs such as ADSCIM/2.0/Group are accepted", "Group",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],"displayName":"Team"}""",
            """{"displayName":"Team"}"""
        },
        {
            "Azure AD: booleans sent as \"True\"/\"False\" are stored as JSON booleans", "User",
            """{"userName":"alice","active":"False","emails":[{"value":"a@example.com","primary":"True"}]}""",
            """{"userName":"alice","active":false,"emails":[{"value":"a@example.com","primary":true}]}"""
        },
        {
            "Azure AD: a simple value wrapped as [{\"value\":...}] is unwrapped", "User",
            """{"userName":"alice","active":[{"value":"True"}],"title":["Engineer"]}""",
            """{"userName":"alice","active":true,"title":"Engineer"}"""
        },
        {
            "RFC 7643 §2.4 one object for a multi-valued attribute is one value", "User",
            """{"userName":"alice","emails":{"value":"a@example.com","type":"work"}}""",
            """{"userName":"alice","emails":[{"value":"a@example.com","type":"work"}]}"""
        },
        {
            "RFC 7643 §4.2 members sent as bare ids", "Group",
            """{"displayName":"Team","members":["u1","u2"]}""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"}]}"""
        },
        {
            "RFC 7643 §4.2 members keep value, $ref, type and display", "Group",
            """{"displayName":"Team","members":[{"value":"u1","$ref":"https://scim.example/Users/u1","type":"User","display":"User One"}]}""",
            """{"displayName":"Team","members":[{"value":"u1","$ref":"https://scim.example/Users/u1","type":"User","display":"User One"}]}"""
        },
        {
            "RFC 7643 §2.4 identical values in one multi-valued attribute are stored once", "Group",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"},{"value":"u1"}]}""",
            """{"displayName":"Team","members":[{"value":"u1"},{"value":"u2"}]}"""
        },
        {
            "RFC 7643 §2.3.1 numbers sent for string attributes keep their text", "User",
            """{"userName":"alice","$ENT":{"employeeNumber":1234,"costCenter":4.5}}""",
            """{"userName":"alice","$ENT":{"employeeNumber":"1234","costCenter":"4.5"}}"""
        },
        {
            "RFC 7643 §3 extension URNs are case-insensitive; the canonical URN is stored", "User",
            """{"userName":"alice","URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"DEPARTMENT":"Sales"}}""",
            """{"userName":"alice","$ENT":{"department":"Sales"}}"""
        },
        {
            "RFC 7644 §3.10 a URN-qualified extension attribute at top level", "User",
            """{"userName":"alice","$ENT:employeeNumber":"42"}""",
            """{"userName":"alice","$ENT":{"employeeNumber":"42"}}"""
        },
        {
            "RFC 7644 §3.10 a URN-qualified core attribute at top level", "User",
            """{"urn:ietf:params:scim:schemas:core:2.0:User:userName":"alice"}""",
            """{"userName":"alice"}"""
        },
        {
            "core attributes nested under the core schema URN", "User",
            """{"urn:ietf:params:scim:schemas:core:2.0:User":{"userName":"alice","title":"CTO"}}""",
            """{"userName":"alice","title":"CTO"}"""
        },
        {
            "Azure AD: manager as a bare id string", "User",
            """{"userName":"alice","$ENT":{"manager":"m1"}}""",
            """{"userName":"alice","$ENT":{"manager":{"value":"m1"}}}"""
        },
        {
            "Azure AD: manager as {\"value\":\"id\"}", "User",
            """{"userName":"alice","$ENT":{"manager":{"value":"m1"}}}""",
            """{"userName":"alice","$ENT":{"manager":{"value":"m1"}}}"""
        },
        {
            "Azure AD: manager as [{\"$ref\":null,\"value\":\"id\"}]", "User",
            """{"userName":"alice","$ENT":{"manager":[{"$ref":null,"value":"m1"}]}}""",
            """{"userName":"alice","$ENT":{"manager":{"value":"m1"}}}"""
        },
        {
            "RFC 7643 §4.3 manager.displayName is readOnly and ignored", "User",
            """{"userName":"alice","$ENT":{"manager":{"value":"m1","displayName":"Boss"}}}""",
            """{"userName":"alice","$ENT":{"manager":{"value":"m1"}}}"""
        },
        {
            "undeclared vendor extension: kept as sent, nulls dropped", "User",
            """{"userName":"alice","$GTU":{"label1":"A","label2":null,"label3":{"x":null,"y":1},"label4":[null,"d"]}}""",
            """{"userName":"alice","$GTU":{"label1":"A","label3":{"y":1},"label4":["d"]}}"""
        },
        {
            "undeclared vendor extension: an extension object with only nulls is dropped", "User",
            """{"userName":"alice","$GTU":{"label1":null}}""",
            """{"userName":"alice"}"""
        },
        {
            "undeclared vendor extension: a URN-qualified attribute at top level", "User",
            """{"userName":"alice","$GTU:label1":"A"}""",
            """{"userName":"alice","$GTU":{"label1":"A"}}"""
        },
        {
            "undeclared vendor extension: a URN-qualified sub-attribute keeps its parent", "User",
            """{"userName":"alice","$GTU:badge.colour":"red"}""",
            """{"userName":"alice","$GTU":{"badge":{"colour":"red"}}}"""
        },
        {
            "undeclared vendor extension whose URN ends in a version number", "User",
            """{"userName":"alice","urn:acme:params:scim:schemas:extension:2.0":{"tier":"gold"}}""",
            """{"userName":"alice","urn:acme:params:scim:schemas:extension:2.0":{"tier":"gold"}}"""
        },
        {
            "undeclared vendor extension on a Group", "Group",
            """{"displayName":"Dispatch","$GTG":{"description":"Night shift"}}""",
            """{"displayName":"Dispatch","$GTG":{"description":"Night shift"}}"""
        },
        {
            "RFC 7643 §2.3.6 binary values are kept as their base64 text", "User",
            """{"userName":"alice","x509Certificates":[{"value":"SGVsbG8="}]}""",
            """{"userName":"alice","x509Certificates":[{"value":"SGVsbG8="}]}"""
        },
        {
            "RFC 7643 §4.1.2 addresses with their sub-attributes", "User",
            """{"userName":"alice","addresses":[{"type":"work","streetAddress":"1 Main St","locality":"Springfield","region":"IL","postalCode":"62701","country":"US","primary":true}]}""",
            """{"userName":"alice","addresses":[{"type":"work","streetAddress":"1 Main St","locality":"Springfield","region":"IL","postalCode":"62701","country":"US","primary":true}]}"""
        },
        {
            "RFC 7643 §4.1.2 phoneNumbers, ims, photos, entitlements and roles", "User",
            """{"userName":"alice","phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}],"ims":[{"value":"alice","type":"skype"}],"photos":[{"value":"https://example.com/a.jpg","type":"photo"}],"entitlements":[{"value":"e1"}],"roles":[{"value":"admin","primary":"true"}]}""",
            """{"userName":"alice","phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}],"ims":[{"value":"alice","type":"skype"}],"photos":[{"value":"https://example.com/a.jpg","type":"photo"}],"entitlements":[{"value":"e1"}],"roles":[{"value":"admin","primary":true}]}"""
        },
    };

    /// <summary>Bodies that must be rejected: (rule, type, body, rejectUndeclared, status, scimType).</summary>
    public static TheoryData<string, string, string, bool, int, string> Errors => new()
    {
        { "RFC 7643 §4.1 a User without userName is invalidValue", "User", """{"displayName":"Alice"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.1 an empty userName is invalidValue", "User", """{"userName":""}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.1 a null userName is invalidValue", "User", """{"userName":null}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.2 a Group without displayName is invalidValue", "Group", """{"members":[{"value":"u1"}]}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2 an unknown core attribute is invalidValue", "User", """{"userName":"alice","favouriteColour":"blue"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2 a User attribute on a Group is invalidValue", "Group", """{"displayName":"Team","userName":"x"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.8 an unknown sub-attribute is invalidValue", "User", """{"userName":"alice","name":{"nick":"Al"}}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.8 an unknown sub-attribute of a multi-valued attribute is invalidValue", "User", """{"userName":"alice","emails":[{"value":"a@example.com","colour":"red"}]}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.3 an unknown enterprise attribute is invalidValue", "User", """{"userName":"alice","$ENT":{"favouriteColour":"blue"}}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.3 an unknown URN-qualified enterprise attribute is invalidValue", "User", """{"userName":"alice","$ENT:favouriteColour":"blue"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §4.3 a URN continuing the enterprise URN is not a new extension", "User", """{"userName":"alice","$ENT:manager":{"value":"m1"},"$ENT:favouriteColour":{"a":"b"}}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §3 an unknown attribute under the core URN is invalidValue, not an extension", "User", """{"userName":"alice","urn:ietf:params:scim:schemas:core:2.0:User:favouriteColour":"blue"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §3 another resource type's core schema is invalidValue", "User", """{"userName":"alice","urn:ietf:params:scim:schemas:core:2.0:Group":{"displayName":"x"}}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §3 the enterprise extension must be an object", "User", """{"userName":"alice","$ENT":"Sales"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §3 nested core attributes must be an object", "User", """{"urn:ietf:params:scim:schemas:core:2.0:User":"alice"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §3 an undeclared extension is invalidValue when the tenant rejects them", "User", """{"userName":"alice","$GTU":{"label1":"A"}}""", true, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §3 an undeclared URN-qualified attribute is invalidValue when the tenant rejects them", "User", """{"userName":"alice","$GTU:label1":"A"}""", true, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.1 a dotted key is not an attribute name in a POST body", "User", """{"userName":"alice","name.givenName":"Alice"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.1 a URN-qualified sub-attribute key names part of an attribute", "User", """{"userName":"alice","$ENT:manager.value":"m1"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.1 a key that is not an attribute name or URN is invalidValue", "User", """{"userName":"alice","http://example.com/attr":"x"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.2 active = \"maybe\" is invalidValue", "User", """{"userName":"alice","active":"maybe"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.2 active = 1 is invalidValue", "User", """{"userName":"alice","active":1}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.8 name = 5 is invalidValue", "User", """{"userName":"alice","name":5}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.8 name = \"Alice Smith\" is invalidValue", "User", """{"userName":"alice","name":"Alice Smith"}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.8 two name objects is invalidValue", "User", """{"userName":"alice","name":[{"givenName":"A"},{"givenName":"B"}]}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.1 a boolean for a string is invalidValue", "User", """{"userName":true}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.1 an object for a string is invalidValue", "User", """{"userName":"alice","title":{"text":"CTO"}}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.4 several values for a single-valued attribute is invalidValue", "User", """{"userName":"alice","title":["CTO","CEO"]}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.4 a nested array in a multi-valued attribute is invalidValue", "User", """{"userName":"alice","emails":[["a@example.com"]]}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.4 two primary values is invalidValue", "User", """{"userName":"alice","emails":[{"value":"a@example.com","primary":true},{"value":"b@example.com","primary":"True"}]}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7643 §2.3.6 a binary value that is not base64 is invalidValue", "User", """{"userName":"alice","x509Certificates":[{"value":"not base64!"}]}""", false, 400, ScimErrorType.InvalidValue },
        { "RFC 7644 §3.3 schemas must be an array", "User", """{"schemas":"urn:ietf:params:scim:schemas:core:2.0:User","userName":"alice"}""", false, 400, ScimErrorType.InvalidSyntax },
        { "RFC 7644 §3.3 schemas must hold strings", "User", """{"schemas":[5],"userName":"alice"}""", false, 400, ScimErrorType.InvalidSyntax },
    };
}
