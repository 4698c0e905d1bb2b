namespace OrleansScim.Protocol.Schemas;

/// <summary>
/// The schemas of RFC 7643 §8.7.1 (User, Group, Enterprise User) with their full attribute
/// characteristics, plus the common attributes of §3.1.
/// </summary>
public static class CoreSchemas
{
    /// <summary>
    /// The longest userName, group displayName, externalId and email address accepted. RFC 7643 sets no limit;
    /// what identity providers send is far shorter (an Entra ID userPrincipalName has at most 113 characters,
    /// an email address 254), and a bound keeps names out of the way of storage limits and oversized pages.
    /// </summary>
    public const int IdentifierMaxLength = 256;

    public static readonly AttributeDefinition Id = new()
    {
        Name = "id",
        Description = "Unique identifier for the SCIM resource as defined by the service provider.",
        CaseExact = true,
        Mutability = Mutability.ReadOnly,
        Returned = Returned.Always,
        Uniqueness = Uniqueness.Server,
    };

    public static readonly AttributeDefinition ExternalId = new()
    {
        Name = "externalId",
        Description = "A string that is an identifier for the resource as defined by the provisioning client.",
        CaseExact = true,
        ForbidsControlCharacters = true,
        MaxLength = IdentifierMaxLength,
    };

    public static readonly AttributeDefinition Meta = new()
    {
        Name = "meta",
        Type = AttributeType.Complex,
        Description = "Resource metadata.",
        Mutability = Mutability.ReadOnly,
        SubAttributes =
        [
            ReadOnlyString("resourceType", caseExact: true),
            new() { Name = "created", Type = AttributeType.DateTime, Mutability = Mutability.ReadOnly },
            new() { Name = "lastModified", Type = AttributeType.DateTime, Mutability = Mutability.ReadOnly },
            new() { Name = "location", Type = AttributeType.Reference, ReferenceTypes = ["uri"], CaseExact = true, Mutability = Mutability.ReadOnly },
            ReadOnlyString("version", caseExact: true),
        ],
    };

    /// <summary>Attributes every resource has (RFC 7643 §3.1), resolved before the core schema.</summary>
    public static readonly IReadOnlyList<AttributeDefinition> Common = [Id, ExternalId, Meta];

    public static readonly SchemaDefinition User = new(
        SchemaUris.User,
        "User",
        "User Account",
        [
            new()
            {
                Name = "userName",
                Required = true,
                Uniqueness = Uniqueness.Server,
                IdentityKeyed = true,
                ForbidsControlCharacters = true,
                MaxLength = IdentifierMaxLength,
                Description = "Unique identifier for the User, typically used by the user to directly authenticate to the service provider.",
            },
            new()
            {
                Name = "name",
                Type = AttributeType.Complex,
                Description = "The components of the user's real name.",
                SubAttributes =
                [
                    Str("formatted"), Str("familyName"), Str("givenName"), Str("middleName"), Str("honorificPrefix"), Str("honorificSuffix"),
                ],
            },
            Str("displayName"),
            Str("nickName"),
            new() { Name = "profileUrl", Type = AttributeType.Reference, ReferenceTypes = ["external"], CaseExact = true },
            Str("title"),
            Str("userType"),
            Str("preferredLanguage"),
            Str("locale"),
            Str("timezone"),
            new() { Name = "active", Type = AttributeType.Boolean },
            new() { Name = "password", Mutability = Mutability.WriteOnly, Returned = Returned.Never, Description = "The User's cleartext password; stored only as a hash." },
            MultiValued("emails", ["work", "home", "other"], valueIsIdentity: true),
            MultiValued("phoneNumbers", ["work", "home", "mobile", "fax", "pager", "other"]),
            MultiValued("ims", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
            MultiValued("photos", ["photo", "thumbnail"], valueType: AttributeType.Reference),
            new()
            {
                Name = "addresses",
                Type = AttributeType.Complex,
                MultiValued = true,
                SubAttributes =
                [
                    Str("formatted"), Str("streetAddress"), Str("locality"), Str("region"), Str("postalCode"), Str("country"),
                    new() { Name = "type", CanonicalValues = ["work", "home", "other"] },
                    new() { Name = "primary", Type = AttributeType.Boolean },
                ],
            },
            new()
            {
                Name = "groups",
                Type = AttributeType.Complex,
                MultiValued = true,
                Mutability = Mutability.ReadOnly,
                Description = "A list of groups to which the user belongs, either through direct membership or through nested groups.",
                SubAttributes =
                [
                    ReadOnlyString("value", caseExact: true),
                    new() { Name = "$ref", Type = AttributeType.Reference, ReferenceTypes = ["User", "Group"], Mutability = Mutability.ReadOnly, CaseExact = true },
                    ReadOnlyString("display"),
                    new() { Name = "type", Mutability = Mutability.ReadOnly, CanonicalValues = ["direct", "indirect"] },
                ],
            },
            MultiValued("entitlements", []),
            MultiValued("roles", []),
            MultiValued("x509Certificates", [], valueType: AttributeType.Binary),
        ]);

    public static readonly SchemaDefinition Group = new(
        SchemaUris.Group,
        "Group",
        "Group",
        [
            new()
            {
                Name = "displayName",
                Required = true,
                Uniqueness = Uniqueness.Server,
                IdentityKeyed = true,
                ForbidsControlCharacters = true,
                MaxLength = IdentifierMaxLength,
                Description = "A human-readable name for the Group; unique per tenant in this service.",
            },
            new()
            {
                Name = "members",
                Type = AttributeType.Complex,
                MultiValued = true,
                Description = "A list of members of the Group.",
                SubAttributes =
                [
                    new() { Name = "value", Mutability = Mutability.Immutable, CaseExact = true },
                    new() { Name = "$ref", Type = AttributeType.Reference, ReferenceTypes = ["User", "Group"], Mutability = Mutability.Immutable, CaseExact = true },
                    new() { Name = "type", Mutability = Mutability.Immutable, CanonicalValues = ["User", "Group"] },
                    Str("display"),
                ],
            },
        ]);

    public static readonly SchemaDefinition EnterpriseUser = new(
        SchemaUris.EnterpriseUser,
        "EnterpriseUser",
        "Enterprise User",
        [
            Str("employeeNumber"),
            Str("costCenter"),
            Str("organization"),
            Str("division"),
            Str("department"),
            new()
            {
                Name = "manager",
                Type = AttributeType.Complex,
                Description = "The User's manager.",
                SubAttributes =
                [
                    new() { Name = "value", CaseExact = true, Description = "The id of the SCIM resource representing the User's manager." },
                    new() { Name = "$ref", Type = AttributeType.Reference, ReferenceTypes = ["User"], CaseExact = true },
                    ReadOnlyString("displayName"),
                ],
            },
        ]);

    private static AttributeDefinition Str(string name) => new() { Name = name };

    private static AttributeDefinition ReadOnlyString(string name, bool caseExact = false) =>
        new() { Name = name, Mutability = Mutability.ReadOnly, CaseExact = caseExact };

    private static AttributeDefinition MultiValued(string name, IReadOnlyList<string> types, AttributeType valueType = AttributeType.String, bool valueIsIdentity = false) => new()
    {
        Name = name,
        Type = AttributeType.Complex,
        MultiValued = true,
        SubAttributes =
        [
            // RFC 7643 §7: a reference attribute lists its referenceTypes; photos point outside SCIM.
            new() { Name = "value", Type = valueType, ReferenceTypes = valueType == AttributeType.Reference ? ["external"] : [], IdentityKeyed = valueIsIdentity, MaxLength = valueIsIdentity ? IdentifierMaxLength : null },
            Str("display"),
            new() { Name = "type", CanonicalValues = types },
            new() { Name = "primary", Type = AttributeType.Boolean },
        ],
    };
}
