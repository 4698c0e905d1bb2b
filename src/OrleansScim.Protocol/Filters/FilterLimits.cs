using System.Globalization;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Checks a tree built in code (not by the parser, which enforces the limits as it goes) before it is
/// bound, because binding recurses over it. Iterative, so even a degenerate tree cannot exhaust the stack.
/// </summary>
internal static class FilterLimits
{
    public static void Check(FilterNode root, FilterOptions options)
    {
        var pending = new Stack<FilterNode>();
        pending.Push(root);
        var count = 0;
        while (pending.Count > 0)
        {
            if (++count > options.MaxNodes)
            {
                throw FilterErrors.Invalid(string.Create(CultureInfo.InvariantCulture, $"The filter has more than {options.MaxNodes} expressions."));
            }

            switch (pending.Pop())
            {
                case AndNode and:
                    pending.Push(and.Left);
                    pending.Push(and.Right);
                    break;
                case OrNode or:
                    pending.Push(or.Left);
                    pending.Push(or.Right);
                    break;
                case NotNode not:
                    pending.Push(not.Operand);
                    break;
                case ValuePathNode valuePath:
                    pending.Push(valuePath.Filter);
                    break;
                case null:
                    throw new ArgumentException("A filter node has a null child.", nameof(root));
            }
        }
    }
}
