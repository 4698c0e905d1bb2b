using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Membership;
using OrleansScim.Grains.Resources.Kinds;
using OrleansScim.Grains.Resources.Writes;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Resources;

/// <summary>
/// A user or group: runs the SCIM operations on one resource over its parts (<see cref="ResourceParts"/>),
/// in the order that keeps them crash-safe: unique values are claimed and a directory place reserved
/// before the state is written; notices, buckets and the directory copy follow the write and are replayed
/// or settled if they fail. What differs between users and groups is in <see cref="IResourceKind"/> and
/// <see cref="IMemberList"/>. Requests run one at a time (the grain is not reentrant); the calls that
/// interleave (membership notices, read-only checks) write through <see cref="ResourceRecord"/>'s gate.
/// </summary>
public abstract class ResourceGrain(
    IPersistentState<ResourceState> state,
    IResourceKind kind,
    Func<ResourceParts, IMemberList> memberList,
    ITenantSchemaCatalog catalog,
    IOptions<ScimGrainOptions> options,
    TimeProvider time,
    ILogger logger) : Grain, IResourceGrain
{
    private readonly ResourceRecord _record = new(state, time);
    private readonly QuietDeactivation _quietDeactivation = new();

    protected ResourceParts Parts { get; private set; } = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var tenant = new TenantGrains(GrainFactory, GrainKeys.TenantKeyOf(key));
        var id = GrainKeys.LastPartOf(key);
        Parts = new ResourceParts
        {
            Kind = kind,
            ResourceId = id,
            Tenant = tenant,
            Record = _record,
            Claims = new UniquenessClaims(ServiceProvider.GetRequiredService<IndexStore>(), tenant.TenantKey, id, kind.TypeName),
            Directory = new DirectoryPublication(tenant, kind.TypeName, id, options.Value.SegmentSize),
            Outbox = new MembershipOutbox(tenant, id, logger),
            Responses = new ResponseCache(),
            Catalog = catalog,
            Options = options.Value,
            Logger = logger,
        };
        Parts.Members = memberList(Parts);
        _record.AttributesChanged = Parts.Responses.Clear;
        if (_record.State.PendingNotices.Count > 0)
        {
            await CommittedChange.DeliverNoticesAsync(Parts, cancellationToken);
        }

        try
        {
            await EnsureIndexedAsync(cancellationToken);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or Orleans.Storage.InconsistentStateException)
        {
            // The resource still answers; its entries move on its next activation or the tenant's reindex.
            ResourceLog.ReindexFailed(logger, e, kind.TypeName, id);
        }
    }

    /// <summary>
    /// Entries written before index keys were hashed and names normalized move to the current keys. Two
    /// resources whose names became one name by normalization cannot both hold it: the later one is logged
    /// (ids only) and is then found by a filter scan, not the index, until one is renamed.
    /// </summary>
    public async Task EnsureIndexedAsync(CancellationToken cancellationToken = default)
    {
        if (!_record.Exists || _record.State.IndexVersion >= IndexMigration.CurrentVersion)
        {
            return;
        }

        var attributes = _record.Attributes;
        var conflicts = await Parts.Claims.MigrateAsync(Parts.IndexValuesOf(attributes), kind.IndexValuesOf(attributes, IndexMigration.LegacyFold).ToList(), cancellationToken);
        foreach (var (value, heldBy) in conflicts)
        {
            ResourceLog.IndexConflict(logger, kind.TypeName, Parts.ResourceId, value.Index, heldBy);
        }

        await _record.SetIndexVersionAsync(IndexMigration.CurrentVersion, cancellationToken);
    }

    public Task<ResourceResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(CreateResource.RunAsync(Parts, request, time, cancellationToken));

    public Task<ResourceResult> GetAsync(ResourceRequest request, CancellationToken cancellationToken = default) =>
        Parts.Responses.TryGet(request) ?? AnswerAsync(GetUncachedAsync(request, cancellationToken));

    public Task<ResourceResult> ReplaceAsync(ResourceRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(UpdateResource.RunAsync(Parts, request, isPatch: false, withRepresentation: true, cancellationToken));

    public Task<ResourceResult> PatchAsync(ResourceRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(UpdateResource.RunAsync(Parts, request, isPatch: true, withRepresentation: kind.PatchReturnsRepresentation(request), cancellationToken));

    public async Task<ResourceResult> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken = default)
    {
        var response = await AnswerAsync(DeleteResource.RunAsync(Parts, request, cancellationToken));
        if (response.Outcome == ResourceOutcome.Deleted)
        {
            ForgetSoon();
        }

        return response;
    }

    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        if (!_record.WriteInProgress && !_record.Exists)
        {
            // Members are checked as a user and as a group: the wrong guess must not stay in memory.
            ForgetIfNothingHere();
            return Task.FromResult(false);
        }

        return Task.FromResult(true);
    }

    public async Task<ResourceSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        // Filters answered from an index ask each candidate for this: a document cached for the committed
        // version needs neither the tenant's schema nor a compose.
        if (_record.Exists && !_record.WriteInProgress && Parts.Responses.TryGetDocument(_record.State.Version) is { } cached)
        {
            return new ResourceSnapshot(SnapshotState.Committed, cached);
        }

        var type = _record.Exists && !_record.WriteInProgress ? await Parts.TypeAsync(cancellationToken) : null;

        // Checked after the await: this call interleaves with writes. From here on nothing yields, so the
        // document below is composed from one committed state.
        if (_record.WriteInProgress)
        {
            return new ResourceSnapshot(SnapshotState.InProgress, null);
        }

        if (!_record.Exists || type is null)
        {
            if (!_record.Exists)
            {
                // Members are checked as a user and as a group: the wrong guess must not stay in memory.
                ForgetIfNothingHere();
            }

            return new ResourceSnapshot(SnapshotState.Missing, null);
        }

        // Kept with the cached responses (the activation itself goes after half a minute idle).
        return new ResourceSnapshot(SnapshotState.Committed, Parts.Responses.DocumentFor(_record.State.Version, () => Parts.DocumentOf(type, _record.AttributesUncached)));
    }

    public Task<bool> HoldsIndexEntryAsync(string indexGrainKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(Parts.Claims.Holds(indexGrainKey, _record.Exists ? Parts.IndexValuesOf(_record.Attributes) : []));

    public Task<IReadOnlyList<string>> GetGroupIdsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_record.Exists ? [.. _record.State.MemberOf] : []);

    public async Task PurgeAsync(CancellationToken cancellationToken = default)
    {
        await Parts.Members.PurgeAsync(cancellationToken);
        if (_record.Exists)
        {
            await Parts.Claims.ReleaseAsync(Parts.IndexValuesOf(_record.Attributes).ToList());
        }

        await _record.ClearAsync(cancellationToken);
        ForgetSoon();
    }

    /// <summary>Changes <see cref="ResourceState.MemberOf"/> (the other side of a group's membership); false when this resource does not exist.</summary>
    protected async Task<bool> ChangeMemberOfAsync(string groupId, bool joined, CancellationToken cancellationToken)
    {
        var change = await _record.ChangeMemberOfAsync(groupId, joined, cancellationToken);
        if (change == RecordChange.Changed)
        {
            await Parts.PublishAsync(cancellationToken);
        }

        return change != RecordChange.Missing;
    }

    private async Task<ResourceResult> GetUncachedAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        ResourcePreconditions.ThrowIfMissing(Parts);
        var etag = ResourceMeta.FormatETag(_record.State.Version);
        if (ETags.Matches(request.IfNoneMatch, etag))
        {
            return new ResourceResult { Outcome = ResourceOutcome.NotModified, Version = etag };
        }

        var schemas = await catalog.GetAsync(Parts.Tenant.TenantKey, cancellationToken);
        return await ResourceResponder.RespondAsync(Parts, ResourceOutcome.Found, kind.TypeIn(schemas), schemas.NewInputRules(), request, cancellationToken);
    }

    /// <summary>
    /// A refused request becomes its SCIM error. One that found nothing here (a guessed or deleted id, a
    /// member id tried as the other resource type, a refused create) leaves an activation that goes once idle.
    /// </summary>
    private async Task<ResourceResult> AnswerAsync(Task<ResourceResult> request)
    {
        try
        {
            return await request;
        }
        catch (ScimException e)
        {
            ForgetIfNothingHere();
            return ResourceResult.Refused(e);
        }
    }

    /// <summary>The activation goes shortly after the last request that found nothing here, if nothing has been created meanwhile.</summary>
    private void ForgetIfNothingHere()
    {
        if (NothingHere())
        {
            _quietDeactivation.Request(this, NothingHere);
        }
    }

    private bool NothingHere() => !_record.Exists && !_record.WriteInProgress && _record.State.PendingNotices.Count == 0;

    /// <summary>
    /// After a delete or purge: the activation goes shortly unless the resource was created again meanwhile.
    /// Undelivered membership notices do not keep it: the next activation delivers them.
    /// </summary>
    private void ForgetSoon() => _quietDeactivation.Request(this, () => !_record.Exists && !_record.WriteInProgress);
}
