using OrleansScim.Protocol.Input;

namespace OrleansScim.Protocol.Schemas;

/// <summary>
/// The resource types one tenant serves: the built-in User and Group plus the extensions the
/// tenant registered, how undeclared extension attributes are treated, and how strictly input is read.
/// </summary>
public sealed record ScimSchemaSet(
    ResourceTypeDefinition User,
    ResourceTypeDefinition Group,
    bool RejectUndeclaredExtensions = false,
    InputPolicy InputPolicy = InputPolicy.Tolerant)
{
    public static ResourceTypeDefinition DefaultUserType { get; } = new(
        "User", "/Users", "User Account", CoreSchemas.User, [new SchemaExtension(CoreSchemas.EnterpriseUser, Required: false)]);

    public static ResourceTypeDefinition DefaultGroupType { get; } = new("Group", "/Groups", "Group", CoreSchemas.Group, []);

    /// <summary>The schema set of a tenant that registered nothing.</summary>
    public static ScimSchemaSet Default { get; } = new(DefaultUserType, DefaultGroupType);

    public IEnumerable<ResourceTypeDefinition> ResourceTypes => [User, Group];

    /// <summary>Fresh input rules for one request of this tenant.</summary>
    public InputRules NewInputRules() => new(InputPolicy, RejectUndeclaredExtensions);

    /// <summary>Every schema the tenant's resource types use, core first.</summary>
    public IEnumerable<SchemaDefinition> Schemas
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in ResourceTypes)
            {
                if (seen.Add(type.Schema.Id))
                {
                    yield return type.Schema;
                }

                foreach (var extension in type.Extensions)
                {
                    if (seen.Add(extension.Schema.Id))
                    {
                        yield return extension.Schema;
                    }
                }
            }
        }
    }

    /// <summary>Returns a copy with an extension schema added to (or replaced on) a resource type.</summary>
    public ScimSchemaSet WithExtension(string resourceTypeName, SchemaDefinition schema, bool required)
    {
        ResourceTypeDefinition Extend(ResourceTypeDefinition type)
        {
            if (!string.Equals(type.Name, resourceTypeName, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }

            var extensions = type.Extensions.Where(e => !string.Equals(e.Schema.Id, schema.Id, StringComparison.OrdinalIgnoreCase)).ToList();
            extensions.Add(new SchemaExtension(schema, required));
            return new ResourceTypeDefinition(type.Name, type.Endpoint, type.Description, type.Schema, extensions);
        }

        return this with { User = Extend(User), Group = Extend(Group) };
    }
}
