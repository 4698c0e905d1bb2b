using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Paths;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Patch;

/// <summary>
/// Resolves every operation of a PatchOp into per-attribute <see cref="PatchStep"/>s before anything is
/// applied, so a bad path anywhere fails the whole request (RFC 7644 §3.5.2: all or nothing).
/// Path-less add/replace values are split by key; keys may themselves be paths such as
/// <c>name.givenName</c>, <c>urn:…:enterprise:2.0:User:employeeNumber</c> or
/// <c>emails[type eq "work"].value</c> (Azure AD's RFC-compliant dialect). A path or key naming an
/// attribute no schema of the tenant defines is skipped under tolerant <see cref="InputRules"/> and
/// refused (invalidPath) under strict ones; a malformed path is refused under both.
/// </summary>
public static class PatchPlanner
{
    public static IReadOnlyList<PatchStep> Plan(IReadOnlyList<PatchOperation> operations, ResourceTypeDefinition type, JsonObject current, InputRules rules)
    {
        var steps = new List<PatchStep>();
        foreach (var operation in operations)
        {
            if (operation.Path is null)
            {
                PlanPathless(steps, operation.Op, (JsonObject)operation.Value!, type, current, rules);
                continue;
            }

            PlanPath(steps, operation.Op, operation.Path, operation.Value, type, current, rules);
        }

        return steps;
    }

    private static void PlanPathless(List<PatchStep> steps, PatchOperationType op, JsonObject value, ResourceTypeDefinition type, JsonObject current, InputRules rules)
    {
        var first = steps.Count;
        foreach (var (key, nested) in value)
        {
            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ResolveAttributeOnly(key, type) is { Attribute.Mutability: Mutability.ReadOnly })
            {
                // A path-less value is a resource fragment; readOnly attributes in it are ignored like in POST/PUT.
                continue;
            }

            PlanPath(steps, op, key, nested, type, current, rules);
        }

        EnsureEachTargetOnce(steps, first);
    }

    /// <summary>
    /// A path-less value names each attribute once: <c>department</c> beside the enterprise URN's
    /// <c>department</c> (or a key in another case) would leave which one wins to key order (invalidSyntax).
    /// </summary>
    private static void EnsureEachTargetOnce(List<PatchStep> steps, int first)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = first; i < steps.Count; i++)
        {
            var target = steps[i].Target;
            var identity = $"{target.Attribute.CanonicalPath}[{target.Filter}].{target.SubAttribute?.Name}";
            if (!seen.Add(identity))
            {
                throw ScimException.InvalidSyntax($"The value names '{ScimJson.Excerpt(target.Text)}' more than once, under different keys; send it once.");
            }
        }
    }

    private static void PlanPath(List<PatchStep> steps, PatchOperationType op, string pathText, JsonNode? value, ResourceTypeDefinition type, JsonObject current, InputRules rules)
    {
        if (IsExtensionContainer(pathText, type, current, value))
        {
            PlanExtensionContainer(steps, op, pathText, value, type, current, rules);
            return;
        }

        if (type.IsCoreSchema(pathText))
        {
            if (op == PatchOperationType.Remove || value is not JsonObject coreValues)
            {
                throw ScimException.InvalidPath($"'{pathText}' names the core schema; target its attributes instead.");
            }

            PlanPathless(steps, op, coreValues, type, current, rules);
            return;
        }

        var path = PatchPath.Parse(pathText);
        var resolved = type.Resolve(path.Attribute);
        if (resolved is null)
        {
            SkipUnknown(pathText, $"Attribute '{path.Attribute}' in path '{pathText}' is not defined for resource type {type.Name}.", rules);
            return;
        }

        if (resolved.IsUndeclared && rules.RejectUndeclaredExtensions)
        {
            throw ScimException.InvalidPath($"Schema '{resolved.ExtensionUri}' is not registered for this tenant.");
        }

        if (resolved.Attribute.Mutability == Mutability.ReadOnly)
        {
            throw ScimException.Mutability($"Attribute '{resolved.Attribute.Name}' is readOnly.");
        }

        PatchFilter? filter = null;
        var sub = resolved.SubAttribute;
        if (path.FilterText is not null)
        {
            if (!resolved.Attribute.MultiValued && !resolved.IsUndeclared)
            {
                throw ScimException.InvalidPath($"A value filter needs a multi-valued attribute; '{resolved.Attribute.Name}' is single-valued.");
            }

            filter = PatchFilter.Create(path.FilterText, resolved, pathText, rules.FilterOptions);
            if (path.SubAttribute is not null)
            {
                sub = resolved.IsUndeclared
                    ? new AttributeDefinition { Name = path.SubAttribute }
                    : resolved.Attribute.FindSubAttribute(path.SubAttribute);
                if (sub is null)
                {
                    SkipUnknown(pathText, $"Attribute '{resolved.Attribute.Name}' has no sub-attribute '{path.SubAttribute}'.", rules);
                    return;
                }
            }
        }

        var attributeOnly = resolved with { SubAttribute = null };
        if (sub is { Mutability: Mutability.ReadOnly })
        {
            throw ScimException.Mutability($"Attribute '{resolved.Attribute.Name}.{sub.Name}' is readOnly.");
        }

        if (value is null && op == PatchOperationType.Add)
        {
            // Nothing to add (RFC 7644 §3.5.2.1 requires a value). Reading it as a remove, like replace + null
            // below, would let {"op":"add","path":"members"} empty a group.
            return;
        }

        if (value is null && op == PatchOperationType.Replace)
        {
            // Some clients clear an attribute with replace + null; treat it as a remove of that path.
            op = PatchOperationType.Remove;
        }

        steps.Add(new PatchStep(op, new PatchTarget(pathText, attributeOnly, filter, sub), value));
    }

    private static void PlanExtensionContainer(List<PatchStep> steps, PatchOperationType op, string uri, JsonNode? value, ResourceTypeDefinition type, JsonObject current, InputRules rules)
    {
        var declared = type.FindExtension(uri);
        if (declared is null && rules.RejectUndeclaredExtensions)
        {
            throw ScimException.InvalidPath($"Schema '{uri}' is not registered for this tenant.");
        }

        if (value is null && op != PatchOperationType.Remove)
        {
            // As for one attribute: add + null adds nothing, replace + null clears the extension.
            if (op == PatchOperationType.Add)
            {
                return;
            }

            op = PatchOperationType.Remove;
        }

        if (op == PatchOperationType.Remove)
        {
            var names = declared is not null
                ? declared.Attributes.Select(a => a.Name)
                : (current.GetIgnoreCase(uri) as JsonObject)?.Select(p => p.Key).ToList() ?? [];
            foreach (var name in names)
            {
                PlanPath(steps, op, uri + ":" + name, null, type, current, rules);
            }

            return;
        }

        if (value is not JsonObject attributes)
        {
            throw ScimException.InvalidValue($"The value for '{uri}' must be an object of its attributes.");
        }

        foreach (var (name, nested) in attributes)
        {
            if (declared?.FindAttribute(name) is { Mutability: Mutability.ReadOnly })
            {
                continue;
            }

            PlanPath(steps, op, uri + ":" + name, nested, type, current, rules);
        }
    }

    /// <summary>
    /// True when a URN path names a whole extension rather than one attribute: a registered extension,
    /// one the resource already carries, or a URN that may name an undeclared extension given an object
    /// value (read the same way <see cref="ResourceNormalizer"/> reads such a key in a POST body). An
    /// unknown attribute of a registered schema (<c>…:enterprise:2.0:User:foo</c>) is not a container.
    /// </summary>
    private static bool IsExtensionContainer(string pathText, ResourceTypeDefinition type, JsonObject current, JsonNode? value)
    {
        if (!pathText.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) || pathText.Contains('[', StringComparison.Ordinal) || type.IsCoreSchema(pathText))
        {
            return false;
        }

        if (type.FindExtension(pathText) is not null || current.GetIgnoreCase(pathText) is JsonObject)
        {
            return true;
        }

        return value is JsonObject && type.AllowsUndeclaredSchema(pathText);
    }

    /// <summary>A path to an attribute nobody defines: skipped (recorded) when tolerant, invalidPath when strict.</summary>
    private static void SkipUnknown(string pathText, string detail, InputRules rules)
    {
        if (!rules.TryIgnore(pathText))
        {
            throw ScimException.InvalidPath(detail);
        }
    }

    private static ResolvedPath? ResolveAttributeOnly(string key, ResourceTypeDefinition type) =>
        AttributePath.TryParse(key, out var path) ? type.Resolve(path) : null;
}
