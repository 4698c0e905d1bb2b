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
