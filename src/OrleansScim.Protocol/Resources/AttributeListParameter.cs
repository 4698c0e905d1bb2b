using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Resources;

/// <summary>The <c>attributes</c> and <c>excludedAttributes</c> parameters read into attribute paths (RFC 7644 §3.4.2.5).</summary>
internal static class AttributeListParameter
{
    internal static bool? Contains(HashSet<string>? set, string path) => set?.Contains(path);

    internal static HashSet<string>? Parse(ResourceTypeDefinition type, string? list, string parameter, InputRules rules)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return null;
        }

        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in SplitEntries(list))
        {
            var raw = WithoutValueFilter(entry, parameter, rules);
            if (raw.Length == 0)
            {
                continue;
            }

            if (type.FindExtension(raw) is { } extension)
            {
                result.Add(extension.Id);
            }
            else if (type.Resolve(raw) is { } resolved)
            {
                result.Add(resolved.CanonicalPath);
            }
            else
            {
                result.Add(raw);
            }
        }

        return result;
    }

    /// <summary>
    /// <c>emails[type eq "work"]</c> → <c>emails</c> and <c>emails[type eq "work"].value</c> →
    /// <c>emails.value</c> (tolerant: the filter is ignored, all values are returned); strict: invalidValue.
    /// </summary>
    internal static string WithoutValueFilter(string entry, string parameter, InputRules rules)
    {
        var open = entry.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return entry;
        }

        if (rules.IsStrict)
        {
            throw ScimException.InvalidValue($"'{parameter}' lists attribute names only (RFC 7644 §3.4.2.5); '{entry}' has a value filter.");
        }

        var close = entry.LastIndexOf(']');
        return (entry[..open] + (close > open ? entry[(close + 1)..] : "")).Trim();
    }

    /// <summary>Splits at commas outside brackets and quotes, so a value filter in an entry stays whole.</summary>
    internal static List<string> SplitEntries(string list)
    {
        var entries = new List<string>();
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && depth > 0)
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                Add(list[start..i]);
                start = i + 1;
            }
        }

        Add(list[start..]);
        return entries;

        void Add(string entry)
        {
            entry = entry.Trim();
            if (entry.Length > 0)
            {
                entries.Add(entry);
            }
        }
    }
}
