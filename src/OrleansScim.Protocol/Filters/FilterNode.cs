namespace OrleansScim.Protocol.Filters;

/// <summary>
/// A node of a parsed RFC 7644 §3.4.2.2 filter. Nodes are immutable records with value equality, so
/// a filter that is rendered with <see cref="ToString"/> and parsed again compares equal.
/// </summary>
public abstract record FilterNode
{
    /// <summary>Canonical filter text: lowercase operators, parentheses only where precedence needs them.</summary>
    public sealed override string ToString() => FilterFormatter.Format(this);
}
