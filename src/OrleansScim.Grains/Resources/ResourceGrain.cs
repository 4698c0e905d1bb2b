using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Patch;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Resources;

/// <summary>What an update asks for: a whole new representation (PUT) or a PatchOp (PATCH).</summary>
public sealed record ResourceChange(bool IsPatch, JsonObject Body);

/// <summary>
/// What users and groups share: the SCIM operations on one resource, its index entries, its directory
/// entry and its membership notices. Requests run one at a time (the grain is not reentrant); the only
/// calls that interleave are membership notices and read-only checks from other grains, and those
/// change state under <see cref="_gate"/>, which is never held across a call to another grain.
/// </summary>
#pragma warning disable CA1001 // SemaphoreSlim only needs disposing when its AvailableWaitHandle is used, which it never is here.
public abstract partial class ResourceGrain(
    IPersistentState<ResourceState> state,
    ITenantSchemaCatalog catalog,
    IOptions<ScimGrainOptions> options,
    TimeProvider time,
    ILogger logger) : Grain, IResourceGrain
#pragma warning restore CA1001
{
    private const int MaxCommitAttempts = 5;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _claimingIndexKeys = new(StringComparer.Ordinal);
    private readonly QuietDeactivation _quietDeactivation = new();
    private JsonObject? _attributes;
    private long _attributesRevision;
    private string? _cachedBaseUrl;
    private byte[]? _cachedBody;
    private Task<ScimResponse>? _cachedGetResponse;
    private bool _inProgress;

    protected string TenantKey { get; private set; } = "";

    protected string ResourceId { get; private set; } = "";

    protected abstract string ResourceTypeName { get; }

    /// <summary>The endpoint name under the SCIM base, e.g. "Users".</summary>
    protected abstract string EndpointName { get; }

    protected bool Exists => state.State.Attributes is not null;

    protected ResourceState State => state.State;

    protected ScimGrainOptions Options => options.Value;

    protected ILogger Logger => logger;

    private IndexStore Indexes => ServiceProvider.GetRequiredService<IndexStore>();

    /// <summary>
    /// The committed attributes; only valid while <see cref="Exists"/>. Parsed from the state on first use
    /// and dropped again once a request is done (<see cref="ReleaseParsedAttributes"/>), so an idle
    /// activation holds only its stored JSON.
    /// </summary>
    protected JsonObject Attributes => _attributes ??= ScimJson.ParseTrusted(state.State.Attributes!);

    /// <summary>This tenant's grains (other users and groups, its directories and segments).</summary>
    protected TenantGrains Tenant => new(GrainFactory, TenantKey);

    protected IDirectoryGrain Directory => Tenant.Directory(ResourceTypeName);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        TenantKey = GrainKeys.TenantKeyOf(key);
        ResourceId = GrainKeys.LastPartOf(key);
        if (state.State.PendingNotices.Count > 0)
        {
            await DeliverNoticesAsync(cancellationToken);
        }

        try
        {
            await EnsureIndexedAsync(cancellationToken);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or Orleans.Storage.InconsistentStateException)
        {
            // The resource still answers; its entries move on its next activation or the tenant's reindex.
            LogReindexFailed(logger, e, ResourceTypeName, ResourceId);
        }
    }

    /// <summary>
    /// Entries written before index keys were hashed and names normalized move to the current keys: each
    /// current value is claimed (unique) or added, then the old entries are released. Two resources whose
    /// names became one name by normalization cannot both hold it: the later one is logged (ids only) and
    /// is then found by a filter scan, not the index, until one is renamed.
    /// </summary>
    public async Task EnsureIndexedAsync(CancellationToken cancellationToken = default)
    {
        if (!Exists || state.State.IndexVersion >= IndexMigration.CurrentVersion)
        {
            return;
        }

        var legacy = IndexValuesOf(Attributes, IndexMigration.LegacyFold).ToList();
        foreach (var value in IndexValuesOf(Attributes))
        {
            if (!value.Unique)
            {
                await Indexes.AddAsync(IndexKey(value), ResourceId);
            }
            else if ((await Indexes.ClaimAsync(IndexKey(value), ResourceId, cancellationToken)) is { Claimed: false } taken)
            {
                LogIndexConflict(logger, ResourceTypeName, ResourceId, value.Index, taken.HeldBy);
            }
        }

        await Task.WhenAll(legacy.Select(v => Indexes.ReleaseAsync(GrainKeys.LegacyIndex(TenantKey, v.Index, v.Value), ResourceId)));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            state.State.IndexVersion = IndexMigration.CurrentVersion;
            await state.WriteStateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<ScimResponse> CreateAsync(ResourceRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            if (Exists || _inProgress)
            {
                return ScimResponses.Error(409, ScimErrorType.Uniqueness, $"A {ResourceTypeName} with id '{ResourceId}' already exists.");
            }

            var schemas = await catalog.GetAsync(TenantKey, cancellationToken);
            var type = ResourceTypeIn(schemas);
            var rules = schemas.NewInputRules();
            var body = ScimJson.ParseObject(request.Body);
            var attributes = ResourceNormalizer.Normalize(body, type, rules);
            ResourceNormalizer.EnsureRequired(attributes, type);
            _inProgress = true;
            try
            {
                var notices = await PrepareChangeAsync(null, attributes, rules, cancellationToken);
                var indexValues = IndexValuesOf(attributes).ToList();
                await ClaimAsync(indexValues, cancellationToken);
                try
                {
                    var sequence = await Directory.AllocateSequenceAsync(cancellationToken);
                    await SegmentOf(sequence).AddPendingAsync(sequence, ResourceId, cancellationToken);
                    await AddLookupsAsync(indexValues, cancellationToken);
                    await _gate.WaitAsync(cancellationToken);
                    try
                    {
                        var now = time.GetUtcNow();
                        state.State = new ResourceState
                        {
                            Attributes = ScimJson.Serialize(attributes),
                            Created = now,
                            LastModified = now,
                            Version = 1,
                            Sequence = sequence,
                            PendingNotices = notices,
                            IndexVersion = IndexMigration.CurrentVersion,
                        };
                        OnCommitting(state.State, notices);
                        await state.WriteStateAsync(cancellationToken);
                        SetAttributes(attributes);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
                catch
                {
                    await ReleaseAsync(indexValues.Where(v => v.Unique), CancellationToken.None);
                    throw;
                }
            }
            finally
            {
                _inProgress = false;
                _claimingIndexKeys.Clear();
            }

            await FinishCommittedChangeAsync(type, cancellationToken);
            LogCreated(logger, ResourceTypeName, ResourceId);
            LogIgnoredInput(rules);
            var created = await RespondAsync(201, type, rules, request, withLocation: true, cancellationToken);
            ReleaseParsedAttributes();
            return created;
        }
        catch (ScimException e)
        {
            // A refused create (bad body, taken userName) leaves nothing to keep in memory under this id.
            ForgetIfNothingHere();
            return ScimResponses.Error(e);
        }
    }

    public Task<ScimResponse> GetAsync(ResourceRequest request, CancellationToken cancellationToken = default)
    {
        // The common read (whole resource, same base URL as last time) is answered from the cached response
        // without any allocation: it is what provisioning clients and GET-heavy load do most.
        if (_cachedGetResponse is { } cached && request is { Attributes: null, ExcludedAttributes: null, IfNoneMatch: null } && request.BaseUrl == _cachedBaseUrl)
        {
            return cached;
        }

        return GetUncachedAsync(request, cancellationToken);
    }

    private async Task<ScimResponse> GetUncachedAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (!Exists)
            {
                return NotFound();
            }

            var etag = ResourceMeta.FormatETag(state.State.Version);
            if (ETags.Matches(request.IfNoneMatch, etag))
            {
                return ScimResponses.NotModified(etag);
            }

            var schemas = await catalog.GetAsync(TenantKey, cancellationToken);
            return await RespondAsync(200, ResourceTypeIn(schemas), schemas.NewInputRules(), request, withLocation: false, cancellationToken);
        }
        catch (ScimException e)
        {
            return ScimResponses.Error(e);
        }
    }

    public Task<ScimResponse> ReplaceAsync(ResourceRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(request, isPatch: false, successStatus: 200, cancellationToken);

    public Task<ScimResponse> PatchAsync(ResourceRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(request, isPatch: true, successStatus: PatchSuccessStatus(request), cancellationToken);

    public async Task<ScimResponse> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!Exists)
            {
                return NotFound();
            }

            EnsureIfMatch(request.IfMatch);
            var sequence = state.State.Sequence;
            var indexValues = IndexValuesOf(Attributes).ToList();
            _inProgress = true;
            try
            {
                await SegmentOf(sequence).MarkRemovingAsync(sequence, cancellationToken);
                var notices = await DeletionNoticesAsync(cancellationToken);
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    if (notices.Count == 0)
                    {
                        await state.ClearStateAsync(cancellationToken);
                    }
                    else
                    {
                        // A tombstone keeps the notices until they are delivered, so no group keeps a deleted member.
                        state.State = new ResourceState { PendingNotices = notices, Sequence = sequence, MemberBuckets = state.State.MemberBuckets };
                        await state.WriteStateAsync(cancellationToken);
                    }

                    SetAttributes(null);
                }
                finally
                {
                    _gate.Release();
                }

                await ReleaseAsync(indexValues, cancellationToken);
                await SegmentOf(sequence).RemoveAsync(sequence, cancellationToken);
            }
            finally
            {
                _inProgress = false;
            }

            await DeliverNoticesAsync(cancellationToken);
            LogDeleted(logger, ResourceTypeName, ResourceId);
            ForgetSoon();
            return ScimResponses.NoContent();
        }
        catch (ScimException e)
        {
            return ScimResponses.Error(e);
        }
    }

    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        if (!_inProgress && !Exists)
        {
            // Members are checked as a user and as a group: the wrong guess must not stay in memory.
            ForgetIfNothingHere();
            return Task.FromResult(false);
        }

        return Task.FromResult(true);
    }

    public async Task<ResourceSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var type = Exists && !_inProgress ? ResourceTypeIn(await catalog.GetAsync(TenantKey, cancellationToken)) : null;

        // Checked after the await: this call interleaves with writes. From here on nothing yields, so the
        // document below is composed from one committed state.
        if (_inProgress)
        {
            return new ResourceSnapshot(SnapshotState.InProgress, null);
        }

        if (!Exists || type is null)
        {
            if (!Exists)
            {
                // Members are checked as a user and as a group: the wrong guess must not stay in memory.
                ForgetIfNothingHere();
            }

            return new ResourceSnapshot(SnapshotState.Missing, null);
        }

        // Composed on demand (segments ask only when they settle after an unclean stop or rebuild their
        // documents) rather than kept per activation: an idle grain then holds its stored JSON only.
        var attributes = _attributes ?? ScimJson.ParseTrusted(state.State.Attributes!);
        var document = ScimJson.SerializeToUtf8(Compose(type, location: null, attributes));
        return new ResourceSnapshot(SnapshotState.Committed, new DirectoryDocument(state.State.Sequence, ResourceId, state.State.Version, document, HasExternalMembers));
    }

    public Task<bool> HoldsIndexEntryAsync(string indexGrainKey, CancellationToken cancellationToken = default)
    {
        if (_claimingIndexKeys.Contains(indexGrainKey))
        {
            return Task.FromResult(true);
        }

        return Task.FromResult(Exists && IndexValuesOf(Attributes).Any(v => IndexKey(v) == indexGrainKey));
    }

    public Task<IReadOnlyList<string>> GetGroupIdsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(Exists ? [.. state.State.MemberOf] : []);

    public async Task PurgeAsync(CancellationToken cancellationToken = default)
    {
        await OnPurgingAsync(cancellationToken);
        if (Exists)
        {
            await ReleaseAsync(IndexValuesOf(Attributes).ToList(), cancellationToken);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await state.ClearStateAsync(cancellationToken);
            SetAttributes(null);
        }
        finally
        {
            _gate.Release();
        }

        ForgetSoon();
    }

    /// <summary>
    /// 404 for a resource that does not exist; the activation goes away once idle, so requests for ids that
    /// do not exist (guessed, deleted, or a member id tried as the other resource type) hold no memory.
    /// </summary>
    private ScimResponse NotFound()
    {
        ForgetIfNothingHere();
        return ScimResponses.NotFound(ResourceTypeName, ResourceId);
    }

    /// <summary>The activation goes shortly after the last request that found nothing here, if nothing has been created meanwhile.</summary>
    private void ForgetIfNothingHere()
    {
        if (NothingHere())
        {
            _quietDeactivation.Request(this, NothingHere);
        }
    }

    private bool NothingHere() => !Exists && !_inProgress && state.State.PendingNotices.Count == 0;

    /// <summary>
    /// After a delete or purge: the activation goes shortly unless the resource was created again meanwhile.
    /// Undelivered membership notices do not keep it: the next activation delivers them.
    /// </summary>
    private void ForgetSoon() => _quietDeactivation.Request(this, () => !Exists && !_inProgress);

    /// <summary>The resource type definition (with the tenant's extensions) this grain serves.</summary>
    protected abstract ResourceTypeDefinition ResourceTypeIn(ScimSchemaSet schemas);

    /// <summary>The index values the attributes contribute, normalized for their index (names by their <see cref="IdentityKey"/>).</summary>
    protected IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes) => IndexValuesOf(attributes, IdentityKey.Of);

    /// <summary>The index values the attributes contribute, case-insensitive names folded by <paramref name="fold"/>.</summary>
    protected abstract IEnumerable<IndexValue> IndexValuesOf(JsonObject attributes, Func<string, string> fold);

    /// <summary>
    /// Validates a change before it is committed (e.g. that new group members exist) and returns the
    /// membership notices it implies. <paramref name="before"/> is null on create.
    /// </summary>
    protected virtual Task<List<MembershipNotice>> PrepareChangeAsync(JsonObject? before, JsonObject after, InputRules rules, CancellationToken cancellationToken) =>
        Task.FromResult(new List<MembershipNotice>());

    /// <summary>Notices to deliver when this resource is deleted.</summary>
    protected abstract Task<List<MembershipNotice>> DeletionNoticesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Computes the attributes an update leads to, and the membership notices it implies. Users and
    /// small groups apply the whole request to their attributes; a large group keeps its members
    /// outside them and overrides this.
    /// </summary>
    protected virtual async Task<(JsonObject After, List<MembershipNotice> Notices)> ComputeChangeAsync(
        ResourceTypeDefinition type, InputRules rules, JsonObject before, ResourceChange change, CancellationToken cancellationToken)
    {
        var after = change.IsPatch
            ? PatchEngine.Apply(before, change.Body, type, rules)
            : Replacement(type, rules, before, change.Body);
        return (after, await PrepareChangeAsync(before, after, rules, cancellationToken));
    }

    /// <summary>A PUT body as the resource's new attributes (RFC 7644 §3.5.1).</summary>
    protected static JsonObject Replacement(ResourceTypeDefinition type, InputRules rules, JsonObject before, JsonObject body)
    {
        var replacement = ResourceNormalizer.Normalize(body, type, rules);
        ResourceNormalizer.EnsureRequired(replacement, type);
        ImmutableAttributes.EnsureUnchanged(type, before, replacement);
        return replacement;
    }

    /// <summary>Adjusts the state about to be written with these notices (a large group records the buckets it uses).</summary>
    protected virtual void OnCommitting(ResourceState committing, IReadOnlyList<MembershipNotice> notices)
    {
    }

    /// <summary>Removes what a resource keeps outside its own state when its tenant is purged.</summary>
    protected virtual Task OnPurgingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after a change and its notices are done (a group moves a grown member list to buckets).</summary>
    protected virtual Task AfterChangeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether the representation's members live outside the attributes (a large group).</summary>
    protected virtual bool HasExternalMembers => false;

    /// <summary>Adds externally kept members to a composed representation.</summary>
    protected virtual Task AddExternalMembersAsync(JsonObject document, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Replaces the committed attributes without changing the representation (no new version), e.g.
    /// when a group moves its members out of its own state.
    /// </summary>
    protected async Task RestoreAttributesAsync(JsonObject attributes, Action<ResourceState> alsoChange, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            state.State.Attributes = ScimJson.Serialize(attributes);
            alsoChange(state.State);
            await state.WriteStateAsync(cancellationToken);
            SetAttributes(attributes);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds service-computed attributes (a user's "groups") to the representation.</summary>
    protected virtual void AddComputedAttributes(JsonObject document)
    {
    }

    /// <summary>The status of a successful PATCH: 200 with the resource, or 204 (RFC 7644 §3.5.2).</summary>
    protected virtual int PatchSuccessStatus(ResourceRequest request) => 200;

    /// <summary>A notice could not be applied because its target does not exist (e.g. a member deleted meanwhile).</summary>
    protected virtual Task OnNoticeTargetMissingAsync(MembershipNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Changes the committed attributes from a membership notice, serialized with everything else that writes.</summary>
    protected async Task<bool> ChangeAttributesAsync(Func<JsonObject, bool> change, CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!Exists)
            {
                return false;
            }

            var updated = (JsonObject)Attributes.DeepClone();
            if (!change(updated))
            {
                return true;
            }

            await CommitAsync(updated, [], cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        await PublishAsync(ResourceTypeIn(await catalog.GetAsync(TenantKey, cancellationToken)), cancellationToken);
        return true;
    }

    /// <summary>Changes <see cref="ResourceState.MemberOf"/> (the other side of a group's membership).</summary>
    protected async Task<bool> ChangeMemberOfAsync(string groupId, bool joined, CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!Exists)
            {
                return false;
            }

            var changed = joined ? state.State.MemberOf.Add(groupId) : state.State.MemberOf.Remove(groupId);
            if (!changed)
            {
                return true;
            }

            state.State.Version++;
            state.State.LastModified = time.GetUtcNow();
            await state.WriteStateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        await PublishAsync(ResourceTypeIn(await catalog.GetAsync(TenantKey, cancellationToken)), cancellationToken);
        return true;
    }

    private async Task<ScimResponse> UpdateAsync(ResourceRequest request, bool isPatch, int successStatus, CancellationToken cancellationToken)
    {
        try
        {
            if (!Exists)
            {
                return NotFound();
            }

            EnsureIfMatch(request.IfMatch);
            var change = new ResourceChange(isPatch, ScimJson.ParseObject(request.Body));
            var schemas = await catalog.GetAsync(TenantKey, cancellationToken);
            var type = ResourceTypeIn(schemas);
            var rules = schemas.NewInputRules();
            for (var attempt = 1; ; attempt++)
            {
                var revision = _attributesRevision;
                var before = Attributes;
                var (after, notices) = await ComputeChangeAsync(type, rules, before, change, cancellationToken);
                var oldValues = IndexValuesOf(before).ToList();
                var newValues = IndexValuesOf(after).ToList();
                var added = newValues.Except(oldValues).ToList();
                var removed = oldValues.Except(newValues).ToList();
                try
                {
                    await ClaimAsync(added, cancellationToken);
                    await AddLookupsAsync(added, cancellationToken);
                    await _gate.WaitAsync(cancellationToken);
                    try
                    {
                        if (!Exists)
                        {
                            return NotFound();
                        }

                        if (revision != _attributesRevision)
                        {
                            // A membership notice changed the attributes while this request waited: compute again.
                            if (attempt < MaxCommitAttempts)
                            {
                                continue;
                            }

                            throw new ScimException(409, null, "The resource changed concurrently; retry the request.");
                        }

                        if (!JsonNode.DeepEquals(before, after) || notices.Count > 0)
                        {
                            await CommitAsync(after, notices, cancellationToken);
                        }
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
                finally
                {
                    // Until the commit, index owner checks must see the values being claimed as held.
                    _claimingIndexKeys.Clear();
                }

                await ReleaseAsync(removed, cancellationToken);
                await FinishCommittedChangeAsync(type, cancellationToken);
                LogIgnoredInput(rules);
                var response = successStatus == 204
                    ? ScimResponses.NoContent(ResourceMeta.FormatETag(state.State.Version))
                    : await RespondAsync(successStatus, type, rules, request, withLocation: false, cancellationToken);
                ReleaseParsedAttributes();
                return response;
            }
        }
        catch (ScimException e)
        {
            return ScimResponses.Error(e);
        }
    }

    /// <summary>
    /// What follows a committed write: notices to other resources, moving a grown member list, and the
    /// directory copy. The change is already durable, so a failure here must not turn into an error for
    /// the client (a retry would then meet its own write as a conflict): pending notices are replayed on
    /// the next activation and a directory entry left unsettled is checked against this grain on the
    /// segment's next query.
    /// </summary>
    private async Task FinishCommittedChangeAsync(ResourceTypeDefinition type, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverNoticesAsync(cancellationToken);
            await AfterChangeAsync(cancellationToken);
            await PublishAsync(type, cancellationToken);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogFollowUpFailed(logger, e, ResourceTypeName, ResourceId);
        }
    }

    /// <summary>Writes new attributes; the caller holds <see cref="_gate"/>.</summary>
    private async Task CommitAsync(JsonObject attributes, List<MembershipNotice> notices, CancellationToken cancellationToken)
    {
        state.State.Attributes = ScimJson.Serialize(attributes);
        state.State.Version++;
        state.State.LastModified = time.GetUtcNow();
        state.State.PendingNotices = [.. state.State.PendingNotices, .. notices];
        OnCommitting(state.State, notices);
        await state.WriteStateAsync(cancellationToken);
        SetAttributes(attributes);
    }

    /// <summary>
    /// Drops the parsed attributes once a request is done: thousands of idle activations then hold their
    /// stored JSON and cached representation only, not a tree of JSON nodes each.
    /// </summary>
    protected void ReleaseParsedAttributes() => _attributes = null;

    /// <summary>Forgets cached responses, e.g. after a large group's members changed.</summary>
    protected void InvalidateResponses()
    {
        _cachedBody = null;
        _cachedBaseUrl = null;
        _cachedGetResponse = null;
    }

    private void SetAttributes(JsonObject? attributes)
    {
        _attributes = attributes;
        _attributesRevision++;
        _cachedBody = null;
        _cachedBaseUrl = null;
        _cachedGetResponse = null;
    }

    private async Task PublishAsync(ResourceTypeDefinition type, CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return;
        }

        _cachedBody = null;
        _cachedBaseUrl = null;
        _cachedGetResponse = null;
        var document = ScimJson.SerializeToUtf8(Compose(type, location: null));
        var sequence = state.State.Sequence;
        await SegmentOf(sequence).PublishAsync(new DirectoryDocument(sequence, ResourceId, state.State.Version, document, HasExternalMembers), cancellationToken);
    }

    private JsonObject Compose(ResourceTypeDefinition type, string? location, JsonObject? attributes = null)
    {
        var meta = new ResourceMeta(ResourceTypeName, state.State.Created, state.State.LastModified, state.State.Version);
        var document = ResourceDocument.Compose(type, ResourceId, attributes ?? Attributes, meta, location);
        AddComputedAttributes(document);
        return document;
    }

    private async Task<ScimResponse> RespondAsync(int status, ResourceTypeDefinition type, InputRules rules, ResourceRequest request, bool withLocation, CancellationToken cancellationToken)
    {
        var location = $"{request.BaseUrl}/{EndpointName}/{GrainKeys.Encode(ResourceId)}";
        var etag = ResourceMeta.FormatETag(state.State.Version);
        var projection = AttributeProjection.Create(type, request.Attributes, request.ExcludedAttributes, rules);
        if (HasExternalMembers && projection.Includes("members"))
        {
            // A large group's member list is read from its buckets only when the response shows it.
            var document = Compose(type, location);
            await AddExternalMembersAsync(document, cancellationToken);
            return ScimResponses.Json(status, projection.Apply(document), etag, withLocation ? location : null);
        }

        // Only whole-resource reads are cached below: a create's response (with Location) is sent once, and
        // keeping it would cost every freshly provisioned activation a second copy of the resource.
        if (!projection.IsDefault || withLocation)
        {
            return ScimResponses.Json(status, projection.Apply(Compose(type, location)), etag, withLocation ? location : null);
        }

        if (_cachedBody is null || _cachedBaseUrl != request.BaseUrl)
        {
            // Whole-resource responses are cached per SCIM base URL: a GET is then one memory copy.
            _cachedBody = ScimJson.SerializeToUtf8(projection.Apply(Compose(type, location)));
            _cachedBaseUrl = request.BaseUrl;
            _cachedGetResponse = null;
        }

        var response = ScimResponses.Bytes(status, _cachedBody, etag, withLocation ? location : null);
        if (status == 200 && !withLocation && !HasExternalMembers)
        {
            _cachedGetResponse = Task.FromResult(response);
        }

        return response;
    }

    private void EnsureIfMatch(string? ifMatch)
    {
        if (ifMatch is not null && !ETags.Matches(ifMatch, ResourceMeta.FormatETag(state.State.Version)))
        {
            throw ScimException.PreconditionFailed($"If-Match {ifMatch} does not match the current version {ResourceMeta.FormatETag(state.State.Version)}.");
        }
    }

    private IDirectorySegmentGrain SegmentOf(long sequence) => Tenant.Segment(ResourceTypeName, sequence / options.Value.SegmentSize);

    private string IndexKey(IndexValue value) => GrainKeys.Index(TenantKey, value.Index, value.Value);

    private async Task ClaimAsync(IEnumerable<IndexValue> values, CancellationToken cancellationToken)
    {
        var claimed = new List<IndexValue>();
        foreach (var value in values.Where(v => v.Unique))
        {
            var key = IndexKey(value);
            _claimingIndexKeys.Add(key);
            var result = await Indexes.ClaimAsync(key, ResourceId, cancellationToken);
            if (!result.Claimed)
            {
                await ReleaseAsync(claimed, CancellationToken.None);
                throw ScimException.Uniqueness($"{UniqueAttributeLabel(value.Index)} is already in use by {ResourceTypeName} '{result.HeldBy}'.");
            }

            claimed.Add(value);
        }
    }

    private Task AddLookupsAsync(IEnumerable<IndexValue> values, CancellationToken cancellationToken) =>
        Task.WhenAll(values.Where(v => !v.Unique).Select(v => Indexes.AddAsync(IndexKey(v), ResourceId)));

    private Task ReleaseAsync(IEnumerable<IndexValue> values, CancellationToken cancellationToken) =>
        Task.WhenAll(values.Select(v => Indexes.ReleaseAsync(IndexKey(v), ResourceId)));

    private static string UniqueAttributeLabel(string index) => index switch
    {
        IndexNames.UserName => "userName",
        IndexNames.GroupDisplayName => "displayName",
        _ => index,
    };

    /// <summary>Delivers pending membership notices; undelivered ones stay pending for the next activation.</summary>
    private async Task DeliverNoticesAsync(CancellationToken cancellationToken)
    {
        var notices = state.State.PendingNotices.ToList();
        if (notices.Count == 0)
        {
            return;
        }

        var delivered = new List<MembershipNotice>();
        foreach (var batch in notices.Chunk(64))
        {
            var results = await Task.WhenAll(batch.Select(async notice =>
            {
                try
                {
                    if (!await DeliverAsync(notice, cancellationToken))
                    {
                        await OnNoticeTargetMissingAsync(notice, cancellationToken);
                    }

                    return notice;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogNoticeFailed(logger, e, notice.Kind, notice.TargetType, notice.TargetId);
                    return null;
                }
            }));
            delivered.AddRange(results.OfType<MembershipNotice>());
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            state.State.PendingNotices.RemoveAll(delivered.Contains);
            if (!Exists && state.State.PendingNotices.Count == 0)
            {
                await state.ClearStateAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Delivers one notice; false when its target does not exist.</summary>
    protected virtual async Task<bool> DeliverAsync(MembershipNotice notice, CancellationToken cancellationToken)
    {
        var isUser = notice.TargetType == ResourceTypeNames.User;
        switch (notice.Kind)
        {
            case NoticeKind.Joined:
                return isUser
                    ? await Tenant.User(notice.TargetId).JoinGroupAsync(ResourceId, cancellationToken)
                    : await Tenant.Group(notice.TargetId).JoinGroupAsync(ResourceId, cancellationToken);
            case NoticeKind.Left:
                await (isUser
                    ? Tenant.User(notice.TargetId).LeaveGroupAsync(ResourceId, cancellationToken)
                    : Tenant.Group(notice.TargetId).LeaveGroupAsync(ResourceId, cancellationToken));
                return true;
            default:
                await Tenant.Group(notice.TargetId).RemoveMemberAsync(ResourceId, cancellationToken);
                return true;
        }
    }

    /// <summary>What tolerant reading skipped: names only (at most ten, each cut short), never values.</summary>
    private void LogIgnoredInput(InputRules rules)
    {
        if (rules.IgnoredNames.Count > 0)
        {
            // The logging generator writes a list as "a, b, c".
            LogIgnored(logger, ResourceTypeName, ResourceId, rules.IgnoredNames);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ResourceType} {ResourceId}: ignored attributes no schema of the tenant defines: {Names}")]
    private static partial void LogIgnored(ILogger logger, string resourceType, string resourceId, IReadOnlyList<string> names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ResourceType} {ResourceId}: its {Index} value is, once normalized, the value of {HeldBy}; only {HeldBy} is found by that index until one is renamed")]
    private static partial void LogIndexConflict(ILogger logger, string resourceType, string resourceId, string index, string? heldBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ResourceType} {ResourceId}: moving its index entries to the current keys failed; it is retried on its next activation")]
    private static partial void LogReindexFailed(ILogger logger, Exception exception, string resourceType, string resourceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ResourceType} {ResourceId} created")]
    private static partial void LogCreated(ILogger logger, string resourceType, string resourceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ResourceType} {ResourceId} deleted")]
    private static partial void LogDeleted(ILogger logger, string resourceType, string resourceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ResourceType} {ResourceId} was saved, but updating the directory or its memberships failed; it is retried later")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception, string resourceType, string resourceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Membership notice {Kind} to {TargetType} {TargetId} failed; it stays pending")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, NoticeKind kind, string targetType, string targetId);
}
