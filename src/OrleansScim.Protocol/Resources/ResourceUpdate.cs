using System.Text.Json.Nodes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>The attributes a PUT or a PATCH leads to, from the current ones (no side effects: the caller commits).</summary>
public static class ResourceUpdate
{
    /// <summary>Applies a PatchOp body (RFC 7644 §3.5.2) or a whole new representation (§3.5.1).</summary>
    public static JsonObject Apply(JsonObject before, bool isPatch, JsonObject body, ResourceTypeDefinition type, InputRules rules) =>
        isPatch ? PatchEngine.Apply(before, body, type, rules) : Replacement(before, body, type, rules);

    /// <summary>A PUT body as the resource's new attributes: normalized, complete, and with its immutable attributes unchanged.</summary>
    public static JsonObject Replacement(JsonObject before, JsonObject body, ResourceTypeDefinition type, InputRules rules)
    {
        var replacement = ResourceNormalizer.Normalize(body, type, rules);
        ResourceNormalizer.EnsureRequired(replacement, type);
        ImmutableAttributes.EnsureUnchanged(type, before, replacement);
        return replacement;
    }
}
