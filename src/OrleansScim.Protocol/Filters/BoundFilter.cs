using System.Text.Json.Nodes;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// A filter whose paths are resolved and whose literals are converted to the attributes' types,
/// evaluated against a resource (or, inside a value path, against one element).
/// </summary>
internal abstract class BoundFilter
{
    public abstract bool Matches(JsonObject context);
}

internal sealed class BoundAnd(BoundFilter left, BoundFilter right) : BoundFilter
{
    public BoundFilter Left { get; } = left;

    public BoundFilter Right { get; } = right;

    public override bool Matches(JsonObject context) => Left.Matches(context) && Right.Matches(context);
}

internal sealed class BoundOr(BoundFilter left, BoundFilter right) : BoundFilter
{
    public override bool Matches(JsonObject context) => left.Matches(context) || right.Matches(context);
}

internal sealed class BoundNot(BoundFilter operand) : BoundFilter
{
    public override bool Matches(JsonObject context) => !operand.Matches(context);
}

/// <summary>A comparison or presence test: true when any value the selector reaches passes.</summary>
internal sealed class BoundTest(ValueSelector selector, IValueTest test, FilterEquality? equality) : BoundFilter
{
    /// <summary>Set for <c>eq</c> on a string: the constraint an index lookup can use.</summary>
    public FilterEquality? Equality { get; } = equality;

    public override bool Matches(JsonObject context) => selector.Any(context, test);
}

/// <summary><c>attr[filter]</c>: true when an element of the attribute satisfies the inner filter.</summary>
internal sealed class BoundValuePath(ValueSelector selector, BoundFilter inner) : BoundFilter, IValueTest
{
    public BoundFilter Inner { get; } = inner;

    public override bool Matches(JsonObject context) => selector.Any(context, this);

    public bool Test(JsonNode value) => value is JsonObject element && Inner.Matches(element);
}
