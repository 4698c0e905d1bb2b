using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Paths;

namespace OrleansScim.Protocol.Patch;

/// <summary>
/// RFC 7644 §3.5.2 <c>PATH = attrPath / valuePath [subAttr]</c>, e.g. <c>name.givenName</c>,
/// <c>members[value eq "2819c223"]</c>, <c>emails[type eq "work"].value</c> or an extension URN.
/// Only the text is split here; the filter is parsed and bound by <see cref="PatchPlanner"/>.
/// </summary>
public sealed record PatchPath(string Text, AttributePath Attribute, string? FilterText, string? SubAttribute)
{
    public static PatchPath Parse(string text)
    {
        var open = IndexOfUnquoted(text, '[', 0);
        if (open < 0)
        {
            if (!AttributePath.TryParse(text, out var plain))
            {
                throw ScimException.InvalidPath($"'{text}' is not a valid attribute path.");
            }

            return new PatchPath(text, plain, null, null);
        }

        var close = IndexOfUnquoted(text, ']', open + 1);
        if (close < 0)
        {
            throw ScimException.InvalidPath($"'{text}' has an unclosed '['.");
        }

        var attributeText = text[..open];
        var filterText = text[(open + 1)..close];
        var rest = text[(close + 1)..];
        if (!AttributePath.TryParse(attributeText, out var attribute) || attribute.SubAttribute is not null)
        {
            throw ScimException.InvalidPath($"'{attributeText}' in '{text}' is not a valid multi-valued attribute name.");
        }

        string? sub = null;
        if (rest.Length > 0)
        {
            if (rest[0] != '.' || !AttributePath.IsAttributeName(rest[1..]))
            {
                throw ScimException.InvalidPath($"Unexpected '{rest}' after the filter in '{text}'.");
            }

            sub = rest[1..];
        }

        if (string.IsNullOrWhiteSpace(filterText))
        {
            throw ScimException.InvalidPath($"'{text}' has an empty filter.");
        }

        return new PatchPath(text, attribute, filterText, sub);
    }

    private static int IndexOfUnquoted(string text, char wanted, int start)
    {
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
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
            else if (c == wanted)
            {
                return i;
            }
        }

        return -1;
    }
}
