namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Derives index hints from a bound filter. Only conjunctions are followed: an equality under
/// <c>or</c> or <c>not</c> is not something every match satisfies.
/// </summary>
internal static class FilterAnalysis
{
    public static IReadOnlyList<FilterEquality> RequiredEqualities(BoundFilter root)
    {
        var result = new List<FilterEquality>();
        var pending = new Stack<BoundFilter>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case BoundAnd and:
                    // Right first so the results come out in filter order.
                    pending.Push(and.Right);
                    pending.Push(and.Left);
                    break;
                case BoundValuePath valuePath:
                    // Each equality inside holds for some element, hence for the resource.
                    pending.Push(valuePath.Inner);
                    break;
                case BoundTest { Equality: { } equality } when !result.Contains(equality):
                    result.Add(equality);
                    break;
            }
        }

        return result;
    }
}
