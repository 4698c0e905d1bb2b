using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Filters;
using OrleansScim.Protocol.Listing;

namespace OrleansScim.Grains.Directory;

/// <summary>
/// Two states: <c>entries</c> (which resources this segment holds, written before each create and
/// delete completes) and <c>documents</c> (cached representations, written behind on a timer and on
/// deactivation). Entries caught mid-change, and every entry after an unclean shutdown, are checked
/// against their resource grains before the segment answers a query, so the cache heals itself.
/// </summary>
public sealed class DirectorySegmentGrain(
    [PersistentState("entries", GrainStorage.Name)] IPersistentState<SegmentEntriesState> entries,
    [PersistentState("documents", GrainStorage.Name)] IPersistentState<SegmentDocumentsState> documents,
    ITenantSchemaCatalog catalog,
    IOptions<ScimGrainOptions> options) : Grain, IDirectorySegmentGrain
{
    private readonly QuietDeactivation _quietDeactivation = new();
    private string _tenantKey = "";
    private string _resourceType = "";
    private long _segment;
    private bool _checkAll;
    private SegmentWriteBehind? _writeBehind;
    private long _reportGeneration;
    private int _reportedCount = -1;
    private readonly GroupCommit _entriesCommit = new(() =>
    {
        entries.State.Generation++;
        entries.State.Pack();
        return entries.WriteStateAsync(CancellationToken.None);
    });

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var parts = key.Split('/');
        _tenantKey = parts[0];
        _resourceType = parts[1];
        _segment = long.Parse(parts[2], CultureInfo.InvariantCulture);
        if (entries.State.Entries.Count > 0)
        {
            // Documents written by a clean deactivation can be trusted; otherwise recheck every entry.
            _checkAll = !documents.State.Clean || !PersistDocuments;
            if (documents.State.Clean && PersistDocuments)
            {
                // PublishAsync settles an entry in memory only, so the last resources created before a clean
                // deactivation are still stored as "adding"; their documents prove they were committed.
                foreach (var (sequence, entry) in entries.State.Entries.Where(e => e.Value.Status == EntryStatus.Adding && documents.State.Documents.ContainsKey(e.Key)).ToList())
                {
                    entries.State.Entries[sequence] = entry with { Status = EntryStatus.Present };
                }

                documents.State.Clean = false;
                await documents.WriteStateAsync(cancellationToken);
            }
            else
            {
                // After a crash the stored entries may lag their resources: settle them now, so the counts this
                // segment reports (totalResults, admin counts) are right from the first request on.
                await SettleEntriesAsync(cancellationToken);
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!PersistDocuments)
        {
            return;
        }

        if (entries.State.Entries.Count == 0)
        {
            if (documents.RecordExists)
            {
                await documents.ClearStateAsync(cancellationToken);
            }

            return;
        }

        documents.State.Clean = !_checkAll;
        await documents.WriteStateAsync(cancellationToken);
    }

    public async Task AddPendingAsync(long sequence, string id, CancellationToken cancellationToken = default)
    {
        entries.State.Entries[sequence] = new SegmentEntry(id, EntryStatus.Adding);
        await WriteEntriesAsync(cancellationToken);
    }

    public async Task PublishAsync(DirectoryDocument document, CancellationToken cancellationToken = default)
    {
        if (!entries.State.Entries.TryGetValue(document.Sequence, out var entry) || entry.Status == EntryStatus.Removing)
        {
            // The entry was dropped while its resource was being created (or never recorded): record it now.
            entries.State.Entries[document.Sequence] = new SegmentEntry(document.Id, EntryStatus.Present);
            await WriteEntriesAsync(cancellationToken);
        }
        else if (entry.Status == EntryStatus.Adding)
        {
            // Settled in memory; the stored entry stays "adding" until the next write and is rechecked if the silo dies first.
            entries.State.Entries[document.Sequence] = entry with { Status = EntryStatus.Present };
            await ReportCountAsync(cancellationToken);
        }

        StoreDocument(document);
    }

    public async Task MarkRemovingAsync(long sequence, CancellationToken cancellationToken = default)
    {
        if (entries.State.Entries.TryGetValue(sequence, out var entry))
        {
            entries.State.Entries[sequence] = entry with { Status = EntryStatus.Removing };
            await WriteEntriesAsync(cancellationToken);
        }
    }

    public async Task RemoveAsync(long sequence, CancellationToken cancellationToken = default)
    {
        if (documents.State.Documents.Remove(sequence))
        {
            MarkDocumentsDirty();
        }

        if (entries.State.Entries.Remove(sequence))
        {
            await WriteEntriesAsync(cancellationToken);
        }

        if (entries.State.Entries.Count == 0)
        {
            // Creates and deletes move through segments (sequences only grow): an emptied segment has
            // nothing to keep in memory until a query or a new resource needs it again.
            _quietDeactivation.Request(this, () => entries.State.Entries.Count == 0);
        }
    }

    /// <summary>Resources that exist: creates still in flight (or that died) are not counted.</summary>
    public Task<int> GetCountAsync(long generationHint = 0, CancellationToken cancellationToken = default) =>
        Task.FromResult(PresentCount());

    public async Task<SegmentMatches> MatchAsync(string? filter, long afterSequence, int limit, string? sortBy = null, CancellationToken cancellationToken = default)
    {
        await SettleEntriesAsync(cancellationToken);
        ScimFilter? bound = null;
        SortSpec? sort = null;
        if (filter is not null || sortBy is not null)
        {
            var schemas = await catalog.GetAsync(_tenantKey, cancellationToken);
            var type = _resourceType == ResourceTypeNames.User ? schemas.User : schemas.Group;
            bound = filter is null ? null : ScimFilter.Parse(filter, type, schemas.NewInputRules().FilterOptions);
            sort = SortSpec.Create(type, sortBy, null);
        }

        return SegmentMatcher.Match(entries.State.Entries, documents.State.Documents, bound, sort, afterSequence, limit);
    }

    public async Task<IReadOnlyList<DirectoryDocument>> GetDocumentsAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        await SettleEntriesAsync(cancellationToken);
        var result = new List<DirectoryDocument>(sequences.Count);
        foreach (var sequence in sequences)
        {
            if (documents.State.Documents.TryGetValue(sequence, out var document))
            {
                result.Add(document);
            }
        }

        return result;
    }

    public async Task PurgeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var batch in entries.State.Entries.ToList().Chunk(options.Value.QueryFanOut))
        {
            await Task.WhenAll(batch.Select(e => ResourceGrain(e.Value.Id).PurgeAsync(cancellationToken)));
        }

        entries.State.Entries.Clear();
        documents.State.Documents.Clear();
        await entries.ClearStateAsync(cancellationToken);
        await documents.ClearStateAsync(cancellationToken);
        _writeBehind?.Forget();
        DeactivateOnIdle();
    }

    /// <summary>Checks unsettled entries (or all, after an unclean shutdown) against their resources.</summary>
    private async Task SettleEntriesAsync(CancellationToken cancellationToken)
    {
        var unsettled = entries.State.Entries
            .Where(e => _checkAll || e.Value.Status != EntryStatus.Present || !documents.State.Documents.ContainsKey(e.Key))
            .ToList();
        if (unsettled.Count == 0)
        {
            _checkAll = false;
            return;
        }

        var entriesChanged = false;
        foreach (var batch in unsettled.Chunk(options.Value.QueryFanOut))
        {
            var snapshots = await Task.WhenAll(batch.Select(e => ResourceGrain(e.Value.Id).GetSnapshotAsync(cancellationToken)));
            for (var i = 0; i < batch.Length; i++)
            {
                var (sequence, entry) = batch[i];
                var snapshot = snapshots[i];
                switch (snapshot.State)
                {
                    case SnapshotState.Committed when snapshot.Document!.Sequence == sequence:
                        entriesChanged |= entry.Status != EntryStatus.Present;
                        entries.State.Entries[sequence] = entry with { Status = EntryStatus.Present };
                        StoreDocument(snapshot.Document);
                        break;
                    case SnapshotState.InProgress:
                        break;
                    default:
                        entriesChanged |= entries.State.Entries.Remove(sequence);
                        documents.State.Documents.Remove(sequence);
                        MarkDocumentsDirty();
                        break;
                }
            }
        }

        _checkAll = false;
        if (entriesChanged)
        {
            await WriteEntriesAsync(cancellationToken);
        }
    }

    private void StoreDocument(DirectoryDocument document)
    {
        if (documents.State.Documents.TryGetValue(document.Sequence, out var known) && known.Version > document.Version)
        {
            return;
        }

        documents.State.Documents[document.Sequence] = document;
        MarkDocumentsDirty();
    }

    private bool PersistDocuments => options.Value.PersistDirectoryDocuments;

    private void MarkDocumentsDirty() => (_writeBehind ??= new SegmentWriteBehind(this, documents, options.Value)).MarkDirty();

    /// <summary>
    /// Writes the entries as they are when the write starts; concurrent creates' pending entries share one
    /// write (<see cref="GroupCommit"/>). The shared write is not cancelled with any one caller's request.
    /// </summary>
    private async Task WriteEntriesAsync(CancellationToken cancellationToken)
    {
        await _entriesCommit.CommitAsync();
        await ReportCountAsync(cancellationToken);
    }

    /// <summary>Tells the directory root this segment's size when it changed.</summary>
    private async Task ReportCountAsync(CancellationToken cancellationToken)
    {
        var count = PresentCount();
        if (count == _reportedCount)
        {
            return;
        }

        // Persisted generations leave room for the in-memory reports between two writes.
        _reportGeneration = Math.Max(_reportGeneration + 1, entries.State.Generation * 1_000_000);
        await new TenantGrains(GrainFactory, _tenantKey).Directory(_resourceType)
            .ReportCountAsync(_segment, _reportGeneration, count, cancellationToken);
        _reportedCount = count;
    }

    private int PresentCount() => entries.State.Entries.Count(e => e.Value.Status == EntryStatus.Present);

    private IResourceGrain ResourceGrain(string id) => new TenantGrains(GrainFactory, _tenantKey).Resource(_resourceType, id);
}
