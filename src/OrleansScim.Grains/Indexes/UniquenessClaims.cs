using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Grains.Indexes;

/// <summary>
/// One resource's entries in its tenant's indexes: unique values are claimed before the resource is
/// written (and released if the write fails), lookups are added, entries of values it no longer has are
/// released. While a claim is being written, <see cref="Holds"/> already answers yes, so an index asking
/// the owner of a fresh reservation does not take it away (the "stuck reservation" check of <see cref="IndexStore.ClaimAsync"/>).
/// </summary>
public sealed class UniquenessClaims(IndexStore indexes, string tenantKey, string resourceId, string resourceType)
{
    private readonly HashSet<string> _claiming = new(StringComparer.Ordinal);

    /// <summary>Claims the unique values in order; on the first one taken, releases those claimed and throws 409 uniqueness.</summary>
    public async Task ClaimAsync(IEnumerable<IndexValue> values, CancellationToken cancellationToken)
    {
        var claimed = new List<IndexValue>();
        foreach (var value in values.Where(v => v.Unique))
        {
            var key = KeyOf(value);
            _claiming.Add(key);
            var result = await indexes.ClaimAsync(key, resourceId, cancellationToken);
            if (!result.Claimed)
            {
                await ReleaseAsync(claimed);
                throw ScimException.Uniqueness($"{UniqueAttributeLabel(value.Index)} is already in use by {resourceType} '{result.HeldBy}'.");
            }

            claimed.Add(value);
        }
    }

    /// <summary>The claims are written (or abandoned): from now on the committed values answer <see cref="Holds"/>.</summary>
    public void EndClaiming() => _claiming.Clear();

    /// <summary>Adds the non-unique values (lookups such as externalId and emails).</summary>
    public Task AddLookupsAsync(IEnumerable<IndexValue> values) =>
        Task.WhenAll(values.Where(v => !v.Unique).Select(v => indexes.AddAsync(KeyOf(v), resourceId)));

    public Task ReleaseAsync(IEnumerable<IndexValue> values) =>
        Task.WhenAll(values.Select(v => indexes.ReleaseAsync(KeyOf(v), resourceId)));

    /// <summary>Whether the entry with that grain key is being claimed now or is one of <paramref name="committed"/>.</summary>
    public bool Holds(string indexGrainKey, IEnumerable<IndexValue> committed) =>
        _claiming.Contains(indexGrainKey) || committed.Any(v => KeyOf(v) == indexGrainKey);

    /// <summary>
    /// Moves entries written under the legacy key scheme to the current one: each current value is claimed
    /// (unique) or added, then the legacy entries are released. Returns the unique values another resource
    /// already holds (two names that became one by normalization), with their holder.
    /// </summary>
    public async Task<List<(IndexValue Value, string? HeldBy)>> MigrateAsync(IEnumerable<IndexValue> current, IEnumerable<IndexValue> legacy, CancellationToken cancellationToken)
    {
        var conflicts = new List<(IndexValue, string?)>();
        foreach (var value in current)
        {
            if (!value.Unique)
            {
                await indexes.AddAsync(KeyOf(value), resourceId);
            }
            else if ((await indexes.ClaimAsync(KeyOf(value), resourceId, cancellationToken)) is { Claimed: false } taken)
            {
                conflicts.Add((value, taken.HeldBy));
            }
        }

        await Task.WhenAll(legacy.Select(v => indexes.ReleaseAsync(GrainKeys.LegacyIndex(tenantKey, v.Index, v.Value), resourceId)));
        return conflicts;
    }

    private string KeyOf(IndexValue value) => GrainKeys.Index(tenantKey, value.Index, value.Value);

    private static string UniqueAttributeLabel(string index) => index switch
    {
        IndexNames.UserName => "userName",
        IndexNames.GroupDisplayName => "displayName",
        _ => index,
    };
}
