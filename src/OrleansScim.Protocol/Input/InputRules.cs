using OrleansScim.Protocol.Filters;

namespace OrleansScim.Protocol.Input;

/// <summary>
/// The input rules of one request: the tenant's <see cref="InputPolicy"/>, whether extensions no schema
/// declares are refused, and what tolerant reading ignored (names only, never values), so the caller can
/// log it. One instance per request; not thread-safe.
/// </summary>
public sealed class InputRules(InputPolicy policy, bool rejectUndeclaredExtensions = false)
{
    /// <summary>At most this many ignored names are kept for the log line.</summary>
    public const int MaxReportedNames = 10;

    /// <summary>Longer names are cut to this length in the log line (keeping their end).</summary>
    public const int MaxReportedNameLength = 64;

    private List<string>? _ignored;

    public InputPolicy Policy { get; } = policy;

    public bool IsStrict => Policy == InputPolicy.Strict;

    public bool RejectUndeclaredExtensions { get; } = rejectUndeclaredExtensions;

    /// <summary>The filter options of this policy: tolerant reading types unquoted comparison values by their attribute.</summary>
    public FilterOptions FilterOptions => IsStrict ? FilterOptions.Default : FilterOptions.Tolerant;

    /// <summary>How many times tolerant reading ignored something in this request (every time, not only the reported names).</summary>
    public int IgnoredCount { get; private set; }

    /// <summary>Distinct ignored names in the order met, at most <see cref="MaxReportedNames"/>, each cut to its last <see cref="MaxReportedNameLength"/> characters.</summary>
    public IReadOnlyList<string> IgnoredNames => _ignored ?? (IReadOnlyList<string>)[];

    /// <summary>Fresh rules of the strict policy (tests and callers that want RFC-exact refusals).</summary>
    public static InputRules Strict(bool rejectUndeclaredExtensions = false) => new(InputPolicy.Strict, rejectUndeclaredExtensions);

    /// <summary>Fresh rules of the tolerant policy.</summary>
    public static InputRules Tolerant(bool rejectUndeclaredExtensions = false) => new(InputPolicy.Tolerant, rejectUndeclaredExtensions);

    /// <summary>
    /// Called where the input names something no schema of the tenant defines. Tolerant: records the name
    /// and returns true (the caller skips it). Strict: returns false (the caller refuses the request).
    /// </summary>
    public bool TryIgnore(string name)
    {
        if (IsStrict)
        {
            return false;
        }

        IgnoredCount++;
        _ignored ??= [];
        // A long name is most often URN-qualified: its end (the attribute) says more than its start.
        var reported = name.Length <= MaxReportedNameLength ? name : "…" + name[^(MaxReportedNameLength - 1)..];
        if (_ignored.Count < MaxReportedNames && !_ignored.Contains(reported, StringComparer.OrdinalIgnoreCase))
        {
            _ignored.Add(reported);
        }

        return true;
    }
}
