using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>RFC 7643 §7: an immutable attribute that has a value may not be changed by PUT.</summary>
public static class ImmutableAttributes
{
    public static void EnsureUnchanged(ResourceTypeDefinition type, JsonObject current, JsonObject replacement)
    {
        Check(type.Schema.Attributes, current, replacement, prefix: null);
        foreach (var extension in type.Extensions)
        {
            if (current.GetIgnoreCase(extension.Schema.Id) is JsonObject before)
            {
                Check(extension.Schema.Attributes, before, replacement.GetIgnoreCase(extension.Schema.Id) as JsonObject ?? [], extension.Schema.Id + ":");
            }
        }
    }

    private static void Check(IEnumerable<AttributeDefinition> attributes, JsonObject current, JsonObject replacement, string? prefix)
    {
        foreach (var attribute in attributes.Where(a => a.Mutability == Mutability.Immutable))
        {
            var before = current.GetIgnoreCase(attribute.Name);
            if (ResourceNormalizer.HasValue(before) && !JsonNode.DeepEquals(before, replacement.GetIgnoreCase(attribute.Name)))
            {
                throw ScimException.Mutability($"Attribute '{prefix}{attribute.Name}' is immutable and already has a value.");
            }
        }
    }
}
