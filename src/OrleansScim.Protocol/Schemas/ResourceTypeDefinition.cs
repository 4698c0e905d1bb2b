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
    /// type's schemas resolves to an undeclared extension attribute (stored and returned as sent).
    /// </summary>
    public ResolvedPath? Resolve(AttributePath path)
    {
        if (path.SchemaUri is null || IsCoreSchema(path.SchemaUri))
        {
            var attribute = FindCommon(path.Name) ?? Schema.FindAttribute(path.Name);
            return attribute is null ? null : WithSub(null, attribute, path.SubAttribute);
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
