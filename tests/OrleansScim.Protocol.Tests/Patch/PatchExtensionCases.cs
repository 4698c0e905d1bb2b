namespace OrleansScim.Protocol.Tests.Patch;

/// <summary>
/// RFC 7644 §3.5.2 on the Enterprise User extension (RFC 7643 §4.3) and on an undeclared vendor extension
/// (the push-to-talk app's grouptalk:2.0:User/Group): (rule, type, before, Operations, after).
/// $ENT, $GTU and $GTG stand for the long URNs (see <see cref="Support.Scim.Expand"/>).
/// </summary>
internal static class PatchExtensionCases
{
    private const string Bare = """{"userName":"alice"}""";

    private const string Alice = """{"userName":"alice","$ENT":{"department":"Sales","costCenter":"CC1","manager":{"value":"m1"}}}""";

    private const string Labelled = """{"userName":"alice","$GTU":{"label1":"A","label3":"C"}}""";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        {
            "RFC 7644 §3.10 replace an extension attribute by its URN path", "User", Alice,
            """[{"op":"replace","path":"$ENT:department","value":"Ops"}]""",
            """{"userName":"alice","$ENT":{"department":"Ops","costCenter":"CC1","manager":{"value":"m1"}}}"""
        },
        {
            "RFC 7644 §3.5.2.1 add an extension attribute next to the others", "User", Alice,
            """[{"op":"add","path":"$ENT:division","value":"EMEA"}]""",
            """{"userName":"alice","$ENT":{"department":"Sales","costCenter":"CC1","manager":{"value":"m1"},"division":"EMEA"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 add an extension attribute to a user without the extension creates it", "User", Bare,
            """[{"op":"add","path":"$ENT:department","value":"Sales"}]""",
            """{"userName":"alice","$ENT":{"department":"Sales"}}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove an extension attribute keeps the others", "User", Alice,
            """[{"op":"remove","path":"$ENT:department"}]""",
            """{"userName":"alice","$ENT":{"costCenter":"CC1","manager":{"value":"m1"}}}"""
        },
        {
            "RFC 7644 §3.5.2.2 removing the last extension attribute drops the extension object", "User", """{"userName":"alice","$ENT":{"department":"Sales"}}""",
            """[{"op":"remove","path":"$ENT:department"}]""",
            Bare
        },
        {
            "RFC 7644 §3.5.2.2 remove of an absent extension attribute changes nothing", "User", Bare,
            """[{"op":"remove","path":"$ENT:department"}]""",
            Bare
        },
        {
            "RFC 7644 §3.5.2.3 replace with the whole extension URN as path merges its attributes", "User", Alice,
            """[{"op":"replace","path":"$ENT","value":{"department":"Ops","organization":"Contoso"}}]""",
            """{"userName":"alice","$ENT":{"department":"Ops","costCenter":"CC1","manager":{"value":"m1"},"organization":"Contoso"}}"""
        },
        {
            "RFC 7644 §3.5.2.1 add with the whole extension URN as path on a user without it", "User", Bare,
            """[{"op":"add","path":"$ENT","value":{"employeeNumber":"42"}}]""",
            """{"userName":"alice","$ENT":{"employeeNumber":"42"}}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove with the whole extension URN as path removes the extension", "User", Alice,
            """[{"op":"remove","path":"$ENT"}]""",
            Bare
        },
        {
            "RFC 7643 §2.1 extension URNs are case-insensitive; the canonical URN is stored", "User", Bare,
            """[{"op":"add","path":"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:DEPARTMENT","value":"Sales"}]""",
            """{"userName":"alice","$ENT":{"department":"Sales"}}"""
        },
        {
            "RFC 7643 §2.3.1 employeeNumber sent as a number is stored as its text", "User", Bare,
            """[{"op":"add","path":"$ENT:employeeNumber","value":1234}]""",
            """{"userName":"alice","$ENT":{"employeeNumber":"1234"}}"""
        },
        {
            "RFC 7644 §3.5.2.3 replace manager.value", "User", Alice,
            """[{"op":"replace","path":"$ENT:manager.value","value":"m2"}]""",
            """{"userName":"alice","$ENT":{"department":"Sales","costCenter":"CC1","manager":{"value":"m2"}}}"""
        },
        {
            "RFC 7644 §3.5.2.2 remove the manager", "User", Alice,
            """[{"op":"remove","path":"$ENT:manager"}]""",
            """{"userName":"alice","$ENT":{"department":"Sales","costCenter":"CC1"}}"""
        },
        {
            "RFC 7644 §3.5.2.2 removing manager.value leaves no manager", "User", Alice,
            """[{"op":"remove","path":"$ENT:manager.value"}]""",
            """{"userName":"alice","$ENT":{"department":"Sales","costCenter":"CC1"}}"""
        },
        {
            "RFC 7643 §4.3 manager.displayName is readOnly and ignored inside a value", "User", Alice,
            """[{"op":"replace","path":"$ENT:manager","value":{"value":"m2","displayName":"Boss"}}]""",
            """{"userName":"alice","$ENT":{"department":"Sales","costCenter":"CC1","manager":{"value":"m2"}}}"""
        },
        {
            "RFC 7643 §4.3 manager with a $ref", "User", Bare,
            """[{"op":"add","path":"$ENT:manager","value":{"value":"m2","$ref":"https://scim.example/Users/m2"}}]""",
            """{"userName":"alice","$ENT":{"manager":{"value":"m2","$ref":"https://scim.example/Users/m2"}}}"""
        },
        {
            "Azure AD RFC dialect: path-less replace with a URN-qualified key", "User", Alice,
            """[{"op":"replace","value":{"$ENT:employeeNumber":"42"}}]""",
            """{"userName":"alice","$ENT":{"department":"Sales","costCenter":"CC1","manager":{"value":"m1"},"employeeNumber":"42"}}"""
        },
        {
            "RFC 7644 §3.5.2.3 path-less replace with the extension object as key merges", "User", Alice,
            """[{"op":"replace","value":{"$ENT":{"department":"Ops"}}}]""",
            """{"userName":"alice","$ENT":{"department":"Ops","costCenter":"CC1","manager":{"value":"m1"}}}"""
        },
        {
            "RFC 7644 §3.5.2.3 path-less replace of an extension attribute with null removes it", "User", Alice,
            """[{"op":"replace","value":{"$ENT:department":null,"$ENT:costCenter":null,"$ENT:manager":null}}]""",
            Bare
        },
        {
            "Azure AD RFC dialect: path-less replace mixing core, dotted and URN keys", "User", """{"userName":"alice","name":{"givenName":"Alice"}}""",
            """[{"op":"replace","value":{"displayName":"Alice S","name.familyName":"Smith","$ENT:department":"Sales","$ENT:manager":"m1"}}]""",
            """{"userName":"alice","name":{"givenName":"Alice","familyName":"Smith"},"displayName":"Alice S","$ENT":{"department":"Sales","manager":{"value":"m1"}}}"""
        },

        // Undeclared vendor extension: attributes stored as sent.
        {
            "undeclared vendor extension: replace one attribute by URN path", "User", Bare,
            """[{"op":"replace","path":"$GTU:label1","value":"A"}]""",
            """{"userName":"alice","$GTU":{"label1":"A"}}"""
        },
        {
            "undeclared vendor extension: add one attribute next to others", "User", Labelled,
            """[{"op":"add","path":"$GTU:label2","value":"B"}]""",
            """{"userName":"alice","$GTU":{"label1":"A","label3":"C","label2":"B"}}"""
        },
        {
            "undeclared vendor extension: remove one attribute", "User", Labelled,
            """[{"op":"remove","path":"$GTU:label1"}]""",
            """{"userName":"alice","$GTU":{"label3":"C"}}"""
        },
        {
            "undeclared vendor extension: removing the last attribute drops the extension object", "User", """{"userName":"alice","$GTU":{"label1":"A"}}""",
            """[{"op":"remove","path":"$GTU:label1"}]""",
            Bare
        },
        {
            "undeclared vendor extension: path-less replace with the extension object sets label1..label5", "User", Bare,
            """[{"op":"replace","value":{"$GTU":{"label1":"A","label2":"B","label3":"C","label4":"D","label5":"E"}}}]""",
            """{"userName":"alice","$GTU":{"label1":"A","label2":"B","label3":"C","label4":"D","label5":"E"}}"""
        },
        {
            "undeclared vendor extension: path-less replace with a URN-qualified key", "User", Labelled,
            """[{"op":"replace","value":{"$GTU:label3":"Z"}}]""",
            """{"userName":"alice","$GTU":{"label1":"A","label3":"Z"}}"""
        },
        {
            "undeclared vendor extension: the whole URN as path merges attributes", "User", Labelled,
            """[{"op":"replace","path":"$GTU","value":{"label1":"X","label2":"Y"}}]""",
            """{"userName":"alice","$GTU":{"label1":"X","label3":"C","label2":"Y"}}"""
        },
        {
            "undeclared vendor extension: remove with the whole URN as path", "User", Labelled,
            """[{"op":"remove","path":"$GTU"}]""",
            Bare
        },
        {
            "undeclared vendor extension: a null attribute in a replace removes it", "User", Labelled,
            """[{"op":"replace","value":{"$GTU":{"label1":null,"label2":"B"}}}]""",
            """{"userName":"alice","$GTU":{"label3":"C","label2":"B"}}"""
        },
        {
            "undeclared vendor extension: values keep their JSON type", "User", Bare,
            """[{"op":"add","path":"$GTU:label4","value":5},{"op":"add","path":"$GTU:label5","value":true}]""",
            """{"userName":"alice","$GTU":{"label4":5,"label5":true}}"""
        },
        {
            "undeclared vendor extension: add of an array appends to an existing array", "User", """{"userName":"alice","$GTU":{"tags":["a"]}}""",
            """[{"op":"add","path":"$GTU:tags","value":["b","c"]}]""",
            """{"userName":"alice","$GTU":{"tags":["a","b","c"]}}"""
        },
        {
            "undeclared vendor extension: remove of an absent extension changes nothing", "User", Bare,
            """[{"op":"remove","path":"$GTU"}]""",
            Bare
        },
        {
            "undeclared vendor extension on a Group: replace description", "Group", """{"displayName":"Dispatch"}""",
            """[{"op":"replace","path":"$GTG:description","value":"Night shift"}]""",
            """{"displayName":"Dispatch","$GTG":{"description":"Night shift"}}"""
        },
        {
            "undeclared vendor extension on a Group: path-less add of the extension object", "Group", """{"displayName":"Dispatch"}""",
            """[{"op":"add","value":{"$GTG":{"description":"Night shift"}}}]""",
            """{"displayName":"Dispatch","$GTG":{"description":"Night shift"}}"""
        },
    };
}
