using System.Diagnostics.CodeAnalysis;

namespace OrleansScim.Protocol.Paths;

/// <summary>
/// RFC 7644 §3.10 <c>attrPath = [URI ":"] ATTRNAME *1subAttr</c>. The URI, when present, is
/// everything before the last colon (attribute names never contain one).
/// </summary>
public sealed record AttributePath(string? SchemaUri, string Name, string? SubAttribute)
{
    public override string ToString()
    {
        var local = SubAttribute is null ? Name : Name + "." + SubAttribute;
        return SchemaUri is null ? local : SchemaUri + ":" + local;
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out AttributePath? path)
    {
        path = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string? uri = null;
        var local = text;
        var lastColon = text.LastIndexOf(':');
        if (lastColon >= 0)
        {
            uri = text[..lastColon];
            local = text[(lastColon + 1)..];
            if (!uri.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) || uri.Length <= 4)
            {
                return false;
            }
        }

        var dot = local.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? local : local[..dot];
        var sub = dot < 0 ? null : local[(dot + 1)..];
        if (!IsAttributeName(name) || (sub is not null && !IsAttributeName(sub)))
        {
            return false;
        }

        path = new AttributePath(uri, name, sub);
        return true;
    }

    /// <summary>RFC 7643 §2.1 <c>ATTRNAME = ALPHA *(nameChar)</c>, plus <c>$ref</c>.</summary>
    public static bool IsAttributeName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        if (name == "$ref")
        {
            return true;
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsAttributeNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '$';
}
