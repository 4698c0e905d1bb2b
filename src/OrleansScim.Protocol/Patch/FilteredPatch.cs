using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

using static OrleansScim.Protocol.Patch.PatchValues;

namespace OrleansScim.Protocol.Patch;

/// <summary>A PATCH step whose path has a value filter (<c>emails[type eq "work"].value</c>): applied to the matching elements, or creating the one a type filter describes.</summary>
internal static class FilteredPatch
{
    public static void Apply(JsonObject container, PatchStep step, InputRules rules)
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
}
