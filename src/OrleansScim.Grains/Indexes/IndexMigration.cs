namespace OrleansScim.Grains.Indexes;

/// <summary>
/// The index key schemes a resource's entries may be under (<see cref="Resources.ResourceState.IndexVersion"/>):
/// version 0 keyed upper-cased values readably (<see cref="Keys.GrainKeys.LegacyIndex"/>); version 1 keys the
/// normalized value's HMAC (<see cref="Keys.GrainKeys.Index"/>). Resources move on activation, or all of a
/// tenant's at once with the admin API's <c>POST /admin/tenants/{id}/reindex</c>.
/// </summary>
public static class IndexMigration
{
    public const int CurrentVersion = 1;

    /// <summary>How version 0 folded case-insensitive names: upper case only.</summary>
    public static string LegacyFold(string value) => value.ToUpperInvariant();
}
