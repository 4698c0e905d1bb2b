using System.ComponentModel.DataAnnotations;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// Section <c>Cluster</c>: how this process joins (or forms) a cluster. (Not <c>Orleans</c>: Orleans
/// reads that section itself and expects its own provider schema there.)
/// </summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// Bound as it is to Orleans' <c>ClusterMembershipOptions</c> (failure detection), e.g.
    /// <c>Cluster__Membership__ProbeTimeout=00:00:02</c>; unset keys keep Orleans' defaults.
    /// </summary>
    public const string MembershipSection = "Cluster:Membership";

    /// <summary>
    /// <c>Localhost</c> (one process), or several silos sharing a membership table: <c>AzureTable</c> or
    /// <c>Redis</c>.
    /// </summary>
    public ClusteringProvider Provider { get; set; } = ClusteringProvider.Localhost;

    /// <summary>StackExchange.Redis configuration string for Redis membership, e.g. <c>redis:6379</c>.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>
    /// Azure Storage connection string for AzureTable membership; when neither this nor
    /// <see cref="TableServiceUri"/> is set, the grain storage's account (<c>Storage:*</c>) is used. A secret.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>AzureTable membership with <c>DefaultAzureCredential</c>: the table service's URI (instead of <see cref="ConnectionString"/>).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Storage keys start with the ids (the official providers' layout); bounded so keys stay below Azure's 1 KiB.</summary>
    [StringLength(64, MinimumLength = 1)]
    public string ClusterId { get; set; } = "orleans-scim";

    [StringLength(64, MinimumLength = 1)]
    public string ServiceId { get; set; } = "orleans-scim";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>IP address other silos reach this one at (a pod's IP); defaults to loopback for Localhost clustering.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Silo name in logs and membership; a pod name on Kubernetes.</summary>
    public string? SiloName { get; set; }

    /// <summary>Idle grains are deactivated after this long, so memory follows the active set.</summary>
    public TimeSpan GrainCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Idle user and group grains are deactivated after this long (their state stays in storage and is read
    /// again on the next request). Provisioning touches a resource in a burst (create, then its group
    /// memberships) and then not again until the next cycle, tens of minutes later: kept for the general
    /// <see cref="GrainCollectionAge"/>, a million freshly created users held about 9 GB of activations.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResourceCollectionAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Memory use (percent of what the process may use, container limits included) above which idle
    /// grains are deactivated early, down to ten points below; 0 turns this off.
    /// </summary>
    [Range(0, 99)]
    public int MemoryLimitPercent { get; set; } = 80;

    /// <summary>
    /// Grain locations each silo caches (Orleans' grain directory cache). Orleans' default is a million,
    /// which a soak of ids that do not exist (or a provisioning run) fills to a few hundred MB that stay;
    /// a tenth of that keeps the cache's memory bounded at a few tens of MB while hot grains stay cached.
    /// </summary>
    [Range(0, 10_000_000)]
    public int DirectoryCacheSize { get; set; } = 100_000;

    /// <summary>
    /// How long a stop (SIGTERM, Ctrl+C) may take in all: draining in-flight HTTP requests, then
    /// deactivating grains and leaving the membership table. Keep it below Kubernetes'
    /// <c>terminationGracePeriodSeconds</c>, or the pod is killed before it has left the cluster.
    /// </summary>
    [Range(1, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 45;
}

public enum ClusteringProvider
{
    Localhost,
    Redis,

    /// <summary>Orleans' official Azure Table membership (Microsoft.Orleans.Clustering.AzureStorage).</summary>
    AzureTable,
}
