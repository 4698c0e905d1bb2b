namespace OrleansScim.Grains.Hosting;

/// <summary>Tuning of the grain layer (section <c>Scim</c>).</summary>
public sealed class ScimGrainOptions
{
    public const string Section = "Scim";

    /// <summary>Resources per directory segment grain (listing shards); bounded so no grain state grows with the tenant.</summary>
    public int SegmentSize { get; set; } = 128;

    /// <summary>How often a directory segment writes its cached documents (write-behind; identities are written at once).</summary>
    public TimeSpan SegmentFlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether directory segments store their copy of each representation (write-behind). The host turns
    /// it off for in-memory grain storage, where that copy would only duplicate memory.
    /// </summary>
    public bool PersistDirectoryDocuments { get; set; } = true;

    /// <summary>Largest page a list or search returns (advertised as maxResults / maxPageSize).</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Page size when the client sends no count.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>
    /// A group keeps up to this many members in its own state; beyond it the members move to member
    /// buckets, so adding or removing one member never rewrites the whole list.
    /// </summary>
    public int InlineGroupMemberLimit { get; set; } = 256;

    /// <summary>How many segment grains a query asks at once.</summary>
    public int QueryFanOut { get; set; } = 32;
}
