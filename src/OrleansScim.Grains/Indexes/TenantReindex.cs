using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Indexes;

/// <summary>
/// The one-off command after an upgrade that changed index keys (<see cref="IndexMigration"/>): asks every
/// user and group of a tenant to move its index entries, instead of waiting for each to be activated.
/// Resources already on the current keys answer at once, so running it again is cheap.
/// </summary>
public static class TenantReindex
{
    private const int Concurrency = 64;

    public static async Task<(int Users, int Groups)> RunAsync(IGrainFactory grains, string tenantKey, ScimGrainOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var users = await RunAsync(grains, tenantKey, ResourceTypeNames.User, options, cancellationToken);
        var groups = await RunAsync(grains, tenantKey, ResourceTypeNames.Group, options, cancellationToken);
        return (users, groups);
    }

    private static async Task<int> RunAsync(IGrainFactory grains, string tenantKey, string resourceType, ScimGrainOptions options, CancellationToken cancellationToken)
    {
        var ids = await new QueryScope(grains, tenantKey, resourceType, options).AllIdsAsync(cancellationToken);
        foreach (var batch in ids.Chunk(Concurrency))
        {
            await Task.WhenAll(batch.Select(id =>
            {
                return new TenantGrains(grains, tenantKey).Resource(resourceType, id).EnsureIndexedAsync(cancellationToken);
            }));
        }

        return ids.Count;
    }
}
