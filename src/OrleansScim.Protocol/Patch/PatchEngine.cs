using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

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
            ApplyFiltered(container, step, rules);
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

    private static void ApplyFiltered(JsonObject container, PatchStep step, InputRules rules)
    {
        var target = step.Target;
        var attribute = target.Attribute.Attribute;
        var values = container.GetIgnoreCase(attribute.Name) as JsonArray ?? [];
        var matches = values.Where(element => element is not null && target.Filter!.Matches(element)).ToList();
        if (step.Op == PatchOperationType.Remove)
        {
            // Removing what is not there leaves the resource as it is: Azure AD retries removals.
            foreach (var match in matches)
            {
                if (target.SubAttribute is null)
                {
                    values.Remove(match);
                }
                else if (target.SubAttribute.Name == "value" && MultiValuedRules.HasUniqueTypes(attribute))
                {
                    // A value without its "value" ({type:"work",primary:true}) means nothing: remove it whole.
                    values.Remove(match);
                }
                else
                {
                    SetSub((JsonObject)match!, target.SubAttribute, null, target.Text);
                }
            }

            RemoveEmptyElements(values);
            if (target.SubAttribute is not null)
            {
                // Removing a sub-attribute can make two values equal; removing whole values cannot.
                MultiValuedRules.RemoveDuplicates(values);
            }

            SetOrRemove(container, attribute.Name, values);
            return;
        }

        JsonNode? lastPrimary = null;
        if (matches.Count == 0)
        {
            // RFC 7644 §3.5.2.3 says noTarget; Azure AD expects replace of emails[type eq "work"].value to
            // create the work email, so a filter that is exactly one type comparison seeds a new element.
            var seed = target.Filter!.CreationSeed()
                ?? throw ScimException.NoTarget($"No value of '{attribute.Name}' matches the filter in '{target.Text}'.");
            var created = BuildElement(attribute, seed, target, step.Value, rules);
            if (created is null)
            {
                return;
            }

            if (!target.Filter.Matches(created))
            {
                // replace emails[type eq "work"] with {"type":"home",…} describes no element the filter selects;
                // creating it would add a value the request never addressed (and again on every retry).
                throw ScimException.NoTarget($"No value of '{attribute.Name}' matches the filter in '{target.Text}', and the value given would not match it either.");
            }

            values.Add(created);
            lastPrimary = MultiValuedRules.IsPrimary(created) ? created : null;
        }
        else
        {
            foreach (var match in matches)
            {
                var element = (JsonObject)match!;
                if (target.SubAttribute is not null)
                {
                    var value = ValueNormalizer.NormalizeSimple(target.SubAttribute, step.Value, target.Text);
                    SetSub(element, target.SubAttribute, value, target.Text);
                }
                else
                {
                    var ignoredBefore = rules.IgnoredCount;
                    var replacement = ValueNormalizer.NormalizeElement(attribute, step.Value, target.Text, rules) as JsonObject;
                    if (replacement is null && rules.IgnoredCount > ignoredBefore)
                    {
                        // Everything in the value was ignored (tolerant input): this match stays as it is.
                        continue;
                    }

                    if (replacement is null)
                    {
                        throw ScimException.InvalidValue($"'{target.Text}' needs an object value.");
                    }
                    if (step.Op == PatchOperationType.Replace)
                    {
                        KeepFilterValues(attribute, target, element, replacement);
                        EnsureImmutableSubsUnchanged(attribute, element, replacement, target.Text);
                        element.Clear();
                    }

                    foreach (var (key, sub) in replacement.ToList())
                    {
                        // An add merges into the match, so it must not rewrite an immutable sub-attribute
                        // either: add members[value eq "u1"] {"value":"u2"} would otherwise turn u1 into u2.
                        EnsureMutable(attribute.FindSubAttribute(key)!, element.GetIgnoreCase(key), sub, target.Text + "." + key);
                        replacement.Remove(key);
                        element.SetIgnoreCase(key, sub);
                    }
                }

                if (MultiValuedRules.IsPrimary(element))
                {
                    lastPrimary = element;
                }
            }

            RemoveEmptyElements(values);
            MultiValuedRules.RemoveDuplicates(values);
        }

        if (lastPrimary is not null)
        {
            // A primary value removed as a duplicate left its identical twin, which is the one to keep.
            var keep = lastPrimary.Parent is null ? values.First(v => JsonNode.DeepEquals(v, lastPrimary)) : lastPrimary;
            MultiValuedRules.KeepOnlyPrimary(values, keep!);
        }

        SetOrRemove(container, attribute.Name, values);
    }

    /// <summary>The element a seedable filter describes, completed by the value: canonical names and types.</summary>
    private static JsonObject? BuildElement(AttributeDefinition attribute, JsonObject seed, PatchTarget target, JsonNode? value, InputRules rules)
    {
        JsonObject? element;
        if (target.SubAttribute is not null)
        {
            var subValue = ValueNormalizer.NormalizeSimple(target.SubAttribute, value, target.Text);
            element = subValue is null ? null : new JsonObject { [target.SubAttribute.Name] = subValue };
        }
        else
        {
            element = ValueNormalizer.NormalizeElement(attribute, value, target.Text, rules) as JsonObject;
        }

        if (element is null)
        {
            return null;
        }

        // The seed goes through the normalizer too, so emails[TYPE eq "work"] stores "type", not "TYPE".
        if (ValueNormalizer.NormalizeElement(attribute, seed, target.Text, rules) is JsonObject fixedValues)
        {
            foreach (var (key, seeded) in fixedValues)
            {
                if (element.GetIgnoreCase(key) is null)
                {
                    element[key] = seeded?.DeepClone();
                }
            }
        }

        return element;
    }

    /// <summary>
    /// Replacing a whole element through a seedable filter (<c>emails[type eq "work"]</c>) keeps what the
    /// filter fixes unless the value says otherwise, so a replace gives the same element whether or not
    /// it created it; otherwise a second identical replace would no longer match and add a duplicate.
    /// </summary>
    private static void KeepFilterValues(AttributeDefinition attribute, PatchTarget target, JsonObject element, JsonObject replacement)
    {
        if (target.Filter!.FixedValues() is not { } seed)
        {
            return;
        }

        foreach (var (key, _) in seed)
        {
            var sub = attribute.FindSubAttribute(key);
            if (sub is not null && replacement.GetIgnoreCase(sub.Name) is null && element.GetIgnoreCase(sub.Name) is { } kept)
            {
                replacement[sub.Name] = kept.DeepClone();
            }
        }
    }

    /// <summary>
    /// RFC 7644 §3.5.2.1: a value already present is not added again; same "value" (and type) merges.
    /// For type-keyed attributes a value of an existing type replaces that one's sub-attributes.
    /// Existing values are indexed once by value and type, so adding many members to a large list costs
    /// in proportion to what is added, not to list size times that.
    /// </summary>
    private static void AddElements(AttributeDefinition attribute, JsonArray values, List<JsonNode?> incoming)
    {
        var typeKeyed = MultiValuedRules.HasUniqueTypes(attribute);
        var byValue = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        var byType = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        void Index(JsonObject element)
        {
            if (ValueKey(element) is { } key)
            {
                if (!byValue.TryGetValue(key, out var list))
                {
                    byValue[key] = list = [];
                }

                list.Add(element);
            }

            if (typeKeyed && MultiValuedRules.TypeOf(element) is { } type)
            {
                byType.TryAdd(type, element);
            }
        }

        foreach (var existing in values.OfType<JsonObject>())
        {
            Index(existing);
        }

        foreach (var element in incoming)
        {
            if (element is not JsonObject added)
            {
                if (!values.Any(v => JsonNode.DeepEquals(v, element)))
                {
                    values.Add(element);
                }

                continue;
            }

            JsonObject? target = null;
            if (ValueKey(added) is { } key && byValue.TryGetValue(key, out var sameValue))
            {
                target = sameValue.FirstOrDefault(e => SameValue(e, added));
            }

            if (target is null && typeKeyed && MultiValuedRules.TypeOf(added) is { } type)
            {
                byType.TryGetValue(type, out target);
            }

            if (target is null && ValueKey(added) is null)
            {
                target = values.OfType<JsonObject>().FirstOrDefault(e => JsonNode.DeepEquals(e, added));
            }

            if (target is null)
            {
                values.Add(added);
                Index(added);
                if (MultiValuedRules.IsPrimary(added))
                {
                    MultiValuedRules.KeepOnlyPrimary(values, added);
                }

                continue;
            }

            if (JsonNode.DeepEquals(target, added))
            {
                continue;
            }

            foreach (var (name, sub) in added.ToList())
            {
                added.Remove(name);
                target.SetIgnoreCase(name, sub);
            }

            Index(target);
            if (MultiValuedRules.IsPrimary(target))
            {
                MultiValuedRules.KeepOnlyPrimary(values, target);
            }
        }
    }

    /// <summary>The "value" sub-attribute as JSON text, the key values are matched by.</summary>
    private static string? ValueKey(JsonObject element) =>
        element.GetIgnoreCase("value") is JsonValue value ? value.ToJsonString() : null;

    private static bool SameValue(JsonObject existing, JsonObject incoming)
    {
        if (incoming.GetIgnoreCase("value") is not JsonValue incomingValue || existing.GetIgnoreCase("value") is not JsonValue existingValue
            || !JsonNode.DeepEquals(incomingValue, existingValue))
        {
            return false;
        }

        var incomingType = incoming.GetIgnoreCase("type");
        var existingType = existing.GetIgnoreCase("type");
        return incomingType is null || existingType is null || JsonNode.DeepEquals(incomingType, existingType);
    }

    /// <summary>
    /// Azure AD's member removal: {"op":"Remove","path":"members","value":[{"value":"id"}]} removes only
    /// those. One pass over the list with a set of the listed values, however many are listed.
    /// </summary>
    private static void RemoveListedValues(JsonArray values, JsonArray? listed)
    {
        if (listed is null)
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var whole = new List<JsonNode>();
        foreach (var item in listed)
        {
            if (item is JsonObject wanted && ValueKey(wanted) is { } key)
            {
                keys.Add(key);
            }
            else if (item is not null)
            {
                whole.Add(item);
            }
        }

        for (var i = values.Count - 1; i >= 0; i--)
        {
            var existing = values[i];
            if ((existing is JsonObject obj && ValueKey(obj) is { } key && keys.Contains(key)) || whole.Any(w => JsonNode.DeepEquals(w, existing)))
            {
                values.RemoveAt(i);
            }
        }
    }

    private static void SetSub(JsonObject element, AttributeDefinition sub, JsonNode? value, string path)
    {
        var current = element.GetIgnoreCase(sub.Name);
        EnsureMutable(sub, current, value, path);
        if (value is null)
        {
            element.RemoveIgnoreCase(sub.Name);
        }
        else
        {
            element.SetIgnoreCase(sub.Name, value);
        }
    }

    /// <summary>RFC 7643 §7 "immutable": may be set when it has no value, never changed afterwards.</summary>
    private static void EnsureMutable(AttributeDefinition attribute, JsonNode? current, JsonNode? replacement, string path)
    {
        if (attribute.Mutability == Mutability.Immutable && ResourceNormalizer.HasValue(current) && !JsonNode.DeepEquals(current, replacement))
        {
            throw ScimException.Mutability($"Attribute '{path}' is immutable and already has a value.");
        }
    }

    private static void EnsureImmutableSubsUnchanged(AttributeDefinition attribute, JsonObject existing, JsonObject replacement, string path)
    {
        foreach (var sub in attribute.SubAttributes.Where(s => s.Mutability == Mutability.Immutable))
        {
            EnsureMutable(sub, existing.GetIgnoreCase(sub.Name), replacement.GetIgnoreCase(sub.Name), path + "." + sub.Name);
        }
    }

    private static void RemoveEmptyElements(JsonArray values)
    {
        foreach (var empty in values.Where(v => v is JsonObject o && o.Count == 0).ToList())
        {
            values.Remove(empty);
        }
    }

    private static void SetOrRemove(JsonObject container, string name, JsonNode value)
    {
        if (ResourceNormalizer.HasValue(value))
        {
            container.SetIgnoreCase(name, value);
        }
        else
        {
            container.RemoveIgnoreCase(name);
        }
    }
}
