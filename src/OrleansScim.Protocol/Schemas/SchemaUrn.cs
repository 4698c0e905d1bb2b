using System.Text.RegularExpressions;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Protocol.Schemas;

/// <summary>
/// Rules for the URN of an extension schema a tenant registers (RFC 7643 §3.3, §8.7). The syntax is
/// RFC 8141's <c>urn:NID:NSS</c>, restricted to characters that need no escaping in a URL path,
/// because the URN is also a path segment (<c>/Schemas/{id}</c>, the admin route).
/// </summary>
public static partial class SchemaUrn
{
    public const int MaxLength = 256;

    /// <summary>Namespaces the SCIM RFCs define; their schemas are built in, never registered.</summary>
    private static readonly string[] ReservedPrefixes = ["urn:ietf:params:scim:schemas:core:", "urn:ietf:params:scim:api:"];

    private static readonly string[] BuiltInSchemas = [SchemaUris.User, SchemaUris.Group, SchemaUris.EnterpriseUser];

    /// <summary>Throws invalidValue unless <paramref name="urn"/> may name a tenant's extension schema.</summary>
    public static void EnsureValidExtension(string? urn)
    {
        if (string.IsNullOrEmpty(urn) || !urn.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidValue($"The schema id '{urn}' must be a URN starting with 'urn:'.");
        }

        if (urn.Length > MaxLength)
        {
            throw ScimException.InvalidValue($"The schema id must be at most {MaxLength} characters long.");
        }

        if (!UrnPattern().IsMatch(urn))
        {
            throw ScimException.InvalidValue(
                $"The schema id '{urn}' is not a URN of the form 'urn:<nid>:<part>[:<part>…]' with parts of letters, digits and '.', '_', '~', '+', '-'.");
        }

        if (ReservedPrefixes.Any(p => urn.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimException.InvalidValue($"The schema id '{urn}' is in a namespace reserved by RFC 7643/7644.");
        }

        if (BuiltInSchemas.FirstOrDefault(b => Overlaps(b, urn)) is { } builtIn)
        {
            throw ScimException.InvalidValue($"The schema id '{urn}' collides with the built-in schema '{builtIn}'.");
        }
    }

    /// <summary>
    /// True when the two URNs are equal or one continues the other at a colon. Attribute paths are
    /// <c>{urn}:{attribute}</c>, so <c>urn:a:b</c> and <c>urn:a:b:c</c> side by side would make
    /// <c>urn:a:b:c</c> mean both a schema and an attribute of the other.
    /// </summary>
    public static bool Overlaps(string first, string second)
    {
        var (shorter, longer) = first.Length <= second.Length ? (first, second) : (second, first);
        return longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase)
            && (longer.Length == shorter.Length || longer[shorter.Length] == ':');
    }

    /// <summary>The last part of a URN (<c>User</c> of <c>urn:acme:params:2.0:User</c>), a default schema name.</summary>
    public static string LastPart(string urn) => urn[(urn.LastIndexOf(':') + 1)..];

    // \z, not $: "$" also matches before a trailing newline.
    [GeneratedRegex(@"^[uU][rR][nN]:[A-Za-z0-9][A-Za-z0-9-]{0,31}(:[A-Za-z0-9._~+-]+)+\z")]
    private static partial Regex UrnPattern();
}
