using System.Text.Json.Nodes;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

using static OrleansScim.Protocol.Patch.PatchValues;
using static OrleansScim.Protocol.Patch.MultiValuedMerge;

namespace OrleansScim.Protocol.Patch;

/// <summary>
/// Applies PATCH steps (RFC 7644 §3.5.2) to a copy of a resource's attributes. The input is never
/// modified, so a failure in any operation leaves the resource as it was (the PatchOp is atomic).
/// </summary>
public static class PatchEngine
{
    /// <summary>Parses, plans and applies a PatchOp body; returns the new attributes.</summary>
    public static JsonObject Apply(JsonObject attributes, JsonObject patchBody, ResourceTypeDefinition type, InputRules rules)
    {
        var operations = PatchRequestParser.Parse(patchBody);
        var steps = PatchPlanner.Plan(operations, type, attributes, rules);
        return Apply(attributes, steps, type, rules);
    }

    public static JsonObject Apply(JsonObject attributes, IEnumerable<PatchStep> steps, ResourceTypeDefinition type, InputRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var document = (JsonObject)attributes.DeepClone();
        foreach (var step in steps)
        {
            ApplyStep(document, step, rules);
        }

        ResourceNormalizer.EnsureRequired(document, type);
        if (rules.IsStrict)
        {
            // Tolerant reading keeps two values of one type, as sent.
            EnsureUniqueTypes(document, type);
        }

        return document;
    }

    /// <summary>Whatever sequence of operations ran, a type-keyed attribute ends with each type at most once.</summary>
    private static void EnsureUniqueTypes(JsonObject document, ResourceTypeDefinition type)
    {
        foreach (var attribute in type.Schema.Attributes)
        {
            if (document.GetIgnoreCase(attribute.Name) is JsonArray values)
            {
                MultiValuedRules.EnsureUniqueTypes(attribute, values, attribute.Name);
            }
        }
    }

    private static void ApplyStep(JsonObject document, PatchStep step, InputRules rules)
    {
        var target = step.Target;
        var uri = target.Attribute.ExtensionUri;
        var container = uri is null ? document : document.GetOrAddObject(uri);
        if (target.Attribute.IsUndeclared)
        {
            UndeclaredPatch.Apply(container, step);
        }
        else if (target.Filter is not null)
        {
            FilteredPatch.Apply(container, step, rules);
        }
        else if (target.SubAttribute is not null)
        {
            ApplySubAttribute(container, step);
        }
        else
        {
            ApplyWhole(container, step, rules);
        }

        if (uri is not null && container.Count == 0)
        {
            document.RemoveIgnoreCase(uri);
        }
    }

    private static void ApplyWhole(JsonObject container, PatchStep step, InputRules rules)
    {
        var attribute = step.Target.Attribute.Attribute;
        var name = attribute.Name;
        var current = container.GetIgnoreCase(name);
        if (step.Op == PatchOperationType.Remove)
        {
            if (attribute.MultiValued && step.Value is not null && current is JsonArray values)
            {
                RemoveListedValues(values, ValueNormalizer.Normalize(attribute, step.Value, step.Target.Text, rules) as JsonArray);
                SetOrRemove(container, name, values);
                return;
            }

            EnsureMutable(attribute, current, replacement: null, step.Target.Text);
            container.RemoveIgnoreCase(name);
            return;
        }

        var ignoredBefore = rules.IgnoredCount;
        var value = ValueNormalizer.Normalize(attribute, step.Value, step.Target.Text, rules);
        if (value is null)
        {
            // A value that is empty because tolerant reading ignored all of it ({"nick":"Al"} for name) changes
            // nothing; one sent empty ([] or {}) clears the attribute.
            if (step.Op == PatchOperationType.Replace && rules.IgnoredCount == ignoredBefore)
            {
                EnsureMutable(attribute, current, replacement: null, step.Target.Text);
                container.RemoveIgnoreCase(name);
            }

            return;
        }

        value = WriteOnlyValues.Protect(attribute, value);
        if (attribute.MultiValued)
        {
            var incoming = (JsonArray)value;
            if (step.Op == PatchOperationType.Replace || current is not JsonArray existing)
            {
                container.SetIgnoreCase(name, incoming);
                return;
            }

            var elements = incoming.ToList();
            incoming.Clear();
            AddElements(attribute, existing, elements);

            MultiValuedRules.EnsureSinglePrimary(existing, step.Target.Text);
            return;
        }

        if (attribute.IsComplex && current is JsonObject existingObject)
        {
            // RFC 7644 §3.5.2.1/§3.5.2.3: sub-attributes not named in the value are left unchanged.
            foreach (var (key, sub) in ((JsonObject)value).ToList())
            {
                var subDefinition = attribute.FindSubAttribute(key)!;
                EnsureMutable(subDefinition, existingObject.GetIgnoreCase(key), sub, step.Target.Text + "." + key);
                existingObject.SetIgnoreCase(key, sub?.DeepClone());
            }

            return;
        }

        EnsureMutable(attribute, current, value, step.Target.Text);
        container.SetIgnoreCase(name, value);
    }

    private static void ApplySubAttribute(JsonObject container, PatchStep step)
    {
        var attribute = step.Target.Attribute.Attribute;
        var sub = step.Target.SubAttribute!;
        var current = container.GetIgnoreCase(attribute.Name);
        var value = step.Op == PatchOperationType.Remove ? null : ValueNormalizer.NormalizeSimple(sub, step.Value, step.Target.Text);
        if (!attribute.MultiValued)
        {
            var target = current as JsonObject ?? new JsonObject();
            SetSub(target, sub, value, step.Target.Text);
            SetOrRemove(container, attribute.Name, target);
            return;
        }

        // "emails.value" without a filter addresses that sub-attribute of every value (RFC 7644 §3.5.2).
        var values = current as JsonArray ?? [];
        if (values.Count == 0 && value is not null)
        {
            values.Add(new JsonObject { [sub.Name] = value });
        }
        else
        {
            foreach (var element in values.OfType<JsonObject>())
            {
                SetSub(element, sub, value?.DeepClone(), step.Target.Text);
            }

            // Setting emails.value on every value can make two values equal; keep one.
            RemoveEmptyElements(values);
            MultiValuedRules.RemoveDuplicates(values);
        }

        MultiValuedRules.EnsureSinglePrimary(values, step.Target.Text);
        SetOrRemove(container, attribute.Name, values);
    }
}
