namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Limits on a filter. A filter comes from an unauthenticated-looking query string, so every
/// dimension that costs memory, time or stack is bounded; exceeding one is an invalidFilter error.
/// </summary>
public sealed record FilterOptions
{
    public const int DefaultMaxLength = 4096;

    public const int DefaultMaxDepth = 32;

    public const int DefaultMaxNodes = 500;

    /// <summary>
    /// Parsing, binding, rendering and record equality recurse over the tree, so depth and node count
    /// have hard ceilings that keep that recursion far from the stack limit whatever is configured.
    /// </summary>
    public const int DepthCeiling = 256;

    public const int NodeCeiling = 2000;

    public static FilterOptions Default { get; } = new();

    /// <summary>The limits of <see cref="Default"/> with unquoted comparison values accepted (tolerant input).</summary>
    public static FilterOptions Tolerant { get; } = new() { AllowUnquotedValues = true };

    /// <summary>
    /// Whether a comparison value may be written without quotes (<c>userName eq alice@example.com</c>,
    /// <c>meta.created gt 2015-10-10T14:38:21Z</c>). Such a value is typed by the attribute it is compared
    /// with; RFC 7644 §3.4.2.2 itself requires JSON values, so strict reading refuses it.
    /// </summary>
    public bool AllowUnquotedValues { get; init; }

    /// <summary>Maximum filter length in characters.</summary>
    public int MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>Maximum nesting: each <c>(</c>, <c>not (</c> and value path <c>[</c> is one level.</summary>
    public int MaxDepth
    {
        get;
        init => field = value is >= 1 and <= DepthCeiling
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxDepth must be between 1 and {DepthCeiling}.");
    } = DefaultMaxDepth;

    /// <summary>Maximum number of expressions (comparisons, presence tests, and, or, not, value paths).</summary>
    public int MaxNodes
    {
        get;
        init => field = value is >= 1 and <= NodeCeiling
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxNodes must be between 1 and {NodeCeiling}.");
    } = DefaultMaxNodes;
}
