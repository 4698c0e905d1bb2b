namespace OrleansScim.Protocol.Input;

/// <summary>
/// How strictly a tenant's requests are read (the admin setting <c>inputPolicy</c>). Tolerant reading
/// accepts what real provisioning clients send and ignores what no schema defines; strict reading keeps
/// the RFC-exact refusals. Neither ever stores what the schema does not define.
/// </summary>
public enum InputPolicy
{
    /// <summary>The default: unknown attributes and sub-attributes are ignored, duplicate types kept, unquoted filter values typed.</summary>
    Tolerant,

    /// <summary>RFC-exact: each of those is a 400.</summary>
    Strict,
}

/// <summary>The names the admin API uses for <see cref="InputPolicy"/>.</summary>
public static class InputPolicyNames
{
    public const string Tolerant = "tolerant";

    public const string Strict = "strict";

    public static string Format(InputPolicy policy) => policy == InputPolicy.Strict ? Strict : Tolerant;

    public static bool TryParse(string? text, out InputPolicy policy)
    {
        policy = InputPolicy.Tolerant;
        if (string.Equals(text, Tolerant, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, Strict, StringComparison.OrdinalIgnoreCase))
        {
            policy = InputPolicy.Strict;
            return true;
        }

        return false;
    }
}
