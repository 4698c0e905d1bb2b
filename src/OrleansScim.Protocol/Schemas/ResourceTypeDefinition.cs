using OrleansScim.Protocol.Paths;

namespace OrleansScim.Protocol.Schemas;

/// <summary>A schema extension attached to a resource type (RFC 7643 §6 "schemaExtensions").</summary>
public sealed record SchemaExtension(SchemaDefinition Schema, bool Required);

/// <summary>
/// A resource type (RFC 7643 §6) with its core schema and extensions, and the one place that
/// resolves attribute paths against them (names case-insensitive, RFC 7643 §2.1).
/// </summary>
public sealed class ResourceTypeDefinition(string name, string endpoint, string description, SchemaDefinition schema, IReadOnlyList<SchemaExtension> extensions)
{
    /// <summary>URNs under this prefix are defined by the SCIM RFCs; only registered ones are valid.</summary>
    private const string ReservedSchemaPrefix = "urn:ietf:params:scim:schemas:core:";

    public string Name { get; } = name;

    public string Endpoint { get; } = endpoint;

    public string Description { get; } = description;

    public SchemaDefinition Schema { get; } = schema;

    public IReadOnlyList<SchemaExtension> Extensions { get; } = extensions;

    public bool IsUserType => ReferenceEquals(Schema, CoreSchemas.User) || Schema.Id == SchemaUris.User;

    public SchemaDefinition? FindExtension(string uri)
    {
        foreach (var extension in Extensions)
        {
            if (string.Equals(extension.Schema.Id, uri, StringComparison.OrdinalIgnoreCase))
            {
                return extension.Schema;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="uri"/> names this type's core schema.</summary>
    public bool IsCoreSchema(string uri) => string.Equals(uri, Schema.Id, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Resolves a parsed path. Returns null when the attribute is unknown. A URN that is not one of this
    /// type's schemas resolves to an undeclared extension attribute (stored and returned as sent). A name
    /// without a URN that the core schema lacks means the extension attribute of that name
    /// (<see cref="ResolveUnqualified"/>), as Entra writes <c>manager</c> or <c>employeeNumber</c>.
    /// </summary>
    /// <exception cref="Errors.ScimException">invalidPath when an unqualified name is ambiguous.</exception>
    public ResolvedPath? Resolve(AttributePath path)
    {
        if (path.SchemaUri is null || IsCoreSchema(path.SchemaUri))
        {
            var attribute = FindCommon(path.Name) ?? Schema.FindAttribute(path.Name);
            if (attribute is not null)
            {
                return WithSub(null, attribute, path.SubAttribute);
            }

            return path.SchemaUri is null ? ResolveUnqualified(path) : null;
        }

        var extension = FindExtension(path.SchemaUri);
        if (extension is null && !AllowsUndeclaredSchema(path.SchemaUri))
        {
            return null;
        }

        if (extension is null)
        {
            return new ResolvedPath(path.SchemaUri, UndeclaredAttribute(path.Name), path.SubAttribute is null ? null : UndeclaredAttribute(path.SubAttribute), IsUndeclared: true);
        }

        var extensionAttribute = extension.FindAttribute(path.Name);
        return extensionAttribute is null ? null : WithSub(extension.Id, extensionAttribute, path.SubAttribute);
    }

    /// <summary>
    /// True when <paramref name="uri"/> may name an extension no schema declares (a vendor's, such as
    /// grouptalk:2.0:User): a URN that is none of this type's schemas, is not in the IETF SCIM core
    /// namespace, and does not continue a registered schema URN (<c>…:enterprise:2.0:User:foo</c> is an
    /// unknown enterprise attribute, not a new extension). Anything else is a typo.
    /// </summary>
    public bool AllowsUndeclaredSchema(string uri)
    {
        if (!uri.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
            || uri.StartsWith(ReservedSchemaPrefix, StringComparison.OrdinalIgnoreCase)
            || IsCoreSchema(uri)
            || FindExtension(uri) is not null)
        {
            return false;
        }

        return !Continues(Schema.Id) && Extensions.All(e => !Continues(e.Schema.Id));

        bool Continues(string schemaId) =>
            uri.Length > schemaId.Length && uri[schemaId.Length] == ':' && uri.StartsWith(schemaId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Resolves a path text such as <c>name.givenName</c> or a URN-qualified attribute.</summary>
    public ResolvedPath? Resolve(string pathText) =>
        AttributePath.TryParse(pathText, out var path) ? Resolve(path) : null;

    /// <summary>
    /// The extensions an unqualified name that the core schema lacks may mean, in the order they are
    /// tried: the enterprise extension first (what every client means by <c>manager</c>), then the
    /// tenant's registered extensions. Two registered extensions defining the name make it ambiguous.
    /// </summary>
    public IReadOnlyList<SchemaDefinition> ExtensionsDefining(string name)
    {
        var found = new List<SchemaDefinition>(1);
        foreach (var extension in Extensions.OrderBy(e => IsEnterprise(e.Schema) ? 0 : 1))
        {
            if (extension.Schema.FindAttribute(name) is not null)
            {
                found.Add(extension.Schema);
            }
        }

        return found;
    }

    /// <summary>
    /// Which of <paramref name="extension"/>'s attribute names an unqualified path does not reach because
    /// the core schema, a common attribute or the enterprise extension defines them (name → that schema).
    /// Such names still work URN-qualified.
    /// </summary>
    public IReadOnlyList<(string Name, string ResolvesTo)> ShadowedNames(SchemaDefinition extension)
    {
        var shadowed = new List<(string, string)>();
        foreach (var attribute in extension.Attributes)
        {
            if (FindCommon(attribute.Name) is not null || Schema.FindAttribute(attribute.Name) is not null)
            {
                shadowed.Add((attribute.Name, Schema.Id));
            }
            else if (!IsEnterprise(extension) && FindExtension(SchemaUris.EnterpriseUser)?.FindAttribute(attribute.Name) is not null)
            {
                shadowed.Add((attribute.Name, SchemaUris.EnterpriseUser));
            }
        }

        return shadowed;
    }

    private ResolvedPath? ResolveUnqualified(AttributePath path)
    {
        var candidates = ExtensionsDefining(path.Name);
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count > 1 && !IsEnterprise(candidates[0]))
        {
            throw Errors.ScimException.InvalidPath(
                $"'{path.Name}' is defined by more than one extension schema ({string.Join(", ", candidates.Select(c => c.Id))}); qualify it with its schema URN, e.g. '{candidates[0].Id}:{path.Name}'.");
        }

        var extension = candidates[0];
        return WithSub(extension.Id, extension.FindAttribute(path.Name)!, path.SubAttribute);
    }

    private static bool IsEnterprise(SchemaDefinition schema) => string.Equals(schema.Id, SchemaUris.EnterpriseUser, StringComparison.OrdinalIgnoreCase);

    private static AttributeDefinition? FindCommon(string name)
    {
        foreach (var attribute in CoreSchemas.Common)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }

    private static ResolvedPath? WithSub(string? extensionUri, AttributeDefinition attribute, string? subName)
    {
        if (subName is null)
        {
            return new ResolvedPath(extensionUri, attribute, null, IsUndeclared: false);
        }

        var sub = attribute.FindSubAttribute(subName);
        return sub is null ? null : new ResolvedPath(extensionUri, attribute, sub, IsUndeclared: false);
    }

    /// <summary>An attribute of an extension no schema declares: typed by its JSON value.</summary>
    private static AttributeDefinition UndeclaredAttribute(string name) => new() { Name = name };
}
