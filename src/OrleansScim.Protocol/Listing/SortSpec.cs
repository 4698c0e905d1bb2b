using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Protocol.Listing;

/// <summary>
/// RFC 7644 §3.4.2.3 sorting: <c>sortBy</c> names an attribute (a multi-valued one sorts by its primary
/// value, else its first; a complex one by its <c>value</c>), <c>sortOrder</c> is ascending (default) or
/// descending. Values compare by the attribute's type and <c>caseExact</c>; resources without a value
/// come last when ascending and first when descending, as if a missing value sorted above every value
/// (RFC 7644 §3.4.2.3). Ties keep creation order, so pages never overlap or skip.
/// </summary>
public sealed class SortSpec
{
    private readonly ResolvedPath _path;

    private SortSpec(ResolvedPath path, bool descending)
    {
        _path = path;
        Descending = descending;
    }

    public bool Descending { get; }

    /// <summary>
    /// The order as text, part of a cursor's query fingerprint. A descending order says where missing values
    /// go because that changed (they used to come last): a cursor from before the change is refused as
    /// invalidCursor instead of resuming at a position in another order.
    /// </summary>
    public string Text => _path.CanonicalPath + (Descending ? " descending, missing first" : " ascending");

    /// <summary>Null when no sortBy was given; invalidValue for an unknown attribute or sortOrder.</summary>
    public static SortSpec? Create(ResourceTypeDefinition type, string? sortBy, string? sortOrder)
    {
        var descending = sortOrder?.Trim().ToUpperInvariant() switch
        {
            null or "" or "ASCENDING" => false,
            "DESCENDING" => true,
            _ => throw ScimException.InvalidValue($"sortOrder must be 'ascending' or 'descending', not '{sortOrder}'."),
        };
        if (string.IsNullOrWhiteSpace(sortBy))
        {
            return null;
        }

        var resolved = type.Resolve(sortBy.Trim())
            ?? throw ScimException.InvalidValue($"sortBy names no attribute of {type.Name}: '{sortBy}'.");
        if (resolved.Target.Returned == Returned.Never)
        {
            throw ScimException.InvalidValue($"'{sortBy}' cannot be sorted by.");
        }

        return new SortSpec(resolved, descending);
    }

    /// <summary>The value a resource sorts by, as JSON text, or null when it has none.</summary>
    public string? KeyOf(JsonObject resource)
    {
        var container = _path.ExtensionUri is null ? resource : resource.GetIgnoreCase(_path.ExtensionUri) as JsonObject;
        var value = container?.GetIgnoreCase(_path.Attribute.Name);
        if (value is JsonArray values)
        {
            value = values.FirstOrDefault(MultiValuedRules.IsPrimary) ?? values.FirstOrDefault();
        }

        if (value is JsonObject complex)
        {
            value = complex.GetIgnoreCase(_path.SubAttribute?.Name ?? "value");
        }
        else if (_path.SubAttribute is not null)
        {
            value = null;
        }

        return value is JsonValue scalar ? scalar.ToJsonString() : null;
    }

    /// <summary>
    /// Orders (key, sequence) pairs as the listing does: by key in the requested order with a missing key
    /// above every value (last ascending, first descending), then by sequence.
    /// </summary>
    public int Compare(string? leftKey, long leftSequence, string? rightKey, long rightSequence)
    {
        var ascending = (leftKey, rightKey) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => CompareValues(leftKey, rightKey),
        };
        var byKey = Descending ? -ascending : ascending;
        return byKey != 0 ? byKey : leftSequence.CompareTo(rightSequence);
    }

    private int CompareValues(string left, string right)
    {
        var a = JsonNode.Parse(left) as JsonValue;
        var b = JsonNode.Parse(right) as JsonValue;
        if (a is null || b is null)
        {
            return string.CompareOrdinal(left, right);
        }

        var kindA = a.GetValueKind();
        var kindB = b.GetValueKind();
        if (kindA == JsonValueKind.Number && kindB == JsonValueKind.Number)
        {
            return a.GetValue<decimal>().CompareTo(b.GetValue<decimal>());
        }

        if (kindA is JsonValueKind.True or JsonValueKind.False && kindB is JsonValueKind.True or JsonValueKind.False)
        {
            return (kindA == JsonValueKind.True).CompareTo(kindB == JsonValueKind.True);
        }

        var textA = kindA == JsonValueKind.String ? a.GetValue<string>() : left;
        var textB = kindB == JsonValueKind.String ? b.GetValue<string>() : right;
        if (_path.Target.Type == AttributeType.DateTime && ScimDateTime.TryParse(textA, out var dateA) && ScimDateTime.TryParse(textB, out var dateB))
        {
            return dateA.CompareTo(dateB);
        }

        return _path.IsUndeclared || !_path.Target.CaseExact
            ? string.Compare(textA, textB, StringComparison.OrdinalIgnoreCase)
            : string.CompareOrdinal(textA, textB);
    }
}
