namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Tests that compare the process's managed heap at two moments run alone: the heap is the whole test process's,
/// and a neighbouring collection's hosts allocating in parallel would pass for growth (CI saw 75 → 122 MiB
/// with other collections running beside the soak; alone it grows ~9 MiB).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemorySensitiveCollection
{
    public const string Name = "memory sensitive";
}
