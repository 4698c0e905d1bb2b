using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Indexes;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Resources.Writes;

/// <summary>
/// POST: the resource's unique values are claimed and its directory place reserved before its state is
/// written, so a crash at any point leaves either nothing (claims are released or reclaimed, the pending
/// directory entry is settled against the missing resource) or the whole resource.
/// </summary>
public static class CreateResource
{
    public static async Task<ResourceResult> RunAsync(ResourceParts parts, ResourceRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = parts.Record;
        if (record.Exists || record.WriteInProgress)
        {
            throw new ScimException(409, ScimErrorType.Uniqueness, $"A {parts.Kind.TypeName} with id '{parts.ResourceId}' already exists.");
        }

        var schemas = await parts.Catalog.GetAsync(parts.Tenant.TenantKey, cancellationToken);
        var type = parts.Kind.TypeIn(schemas);
        var rules = schemas.NewInputRules();
        var attributes = ResourceNormalizer.Normalize(ScimJson.ParseObject(request.Body), type, rules);
        ResourceNormalizer.EnsureRequired(attributes, type);
        record.WriteInProgress = true;
        try
        {
            var indexValues = parts.IndexValuesOf(attributes).ToList();
            var (notices, sequence) = await PrepareAsync(parts, attributes, rules, indexValues, cancellationToken);
            try
            {
                using (await record.LockAsync(cancellationToken))
                {
                    var now = time.GetUtcNow();
                    var created = new ResourceState
                    {
                        Attributes = ScimJson.Serialize(attributes),
                        Created = now,
                        LastModified = now,
                        Version = 1,
                        Sequence = sequence,
                        PendingNotices = notices,
                        IndexVersion = IndexMigration.CurrentVersion,
                    };
                    parts.Members.OnCommitting(created, notices);
                    await record.WriteNewAsync(attributes, created, cancellationToken);
                }
            }
            catch
            {
                await parts.Claims.ReleaseAsync(indexValues.Where(v => v.Unique));
                throw;
            }
        }
        finally
        {
            record.WriteInProgress = false;
            parts.Claims.EndClaiming();
        }

        await CommittedChange.FinishAsync(parts, type, cancellationToken);
        ResourceLog.Created(parts.Logger, parts.Kind.TypeName, parts.ResourceId);
        ResourceLog.IgnoredInput(parts.Logger, parts.Kind.TypeName, parts.ResourceId, rules);
        var response = await ResourceResponder.RespondAsync(parts, ResourceOutcome.Created, type, rules, request, cancellationToken);
        record.ReleaseParsedAttributes();
        return response;
    }

    /// <summary>
    /// Everything that must be in place before the state is written, at once rather than one after another
    /// (each is a storage write with durable storage; in sequence they were most of a create's time): the
    /// members checked, the unique values claimed, the lookups added and the directory place reserved. None
    /// depends on another, and each is safe on its own if the create goes no further: a lookup or a pending
    /// directory entry whose resource never gets written is ignored by queries and settled against the missing
    /// resource. When one fails, what the others did is undone before the failure is answered.
    /// </summary>
    private static async Task<(List<MembershipNotice> Notices, long Sequence)> PrepareAsync(
        ResourceParts parts, JsonObject attributes, InputRules rules, List<IndexValue> indexValues, CancellationToken cancellationToken)
    {
        var members = parts.Members.PrepareCreateAsync(attributes, rules, cancellationToken);
        var claims = parts.Claims.ClaimAsync(indexValues, cancellationToken);
        var lookups = parts.Claims.AddLookupsAsync(indexValues);
        var reservation = parts.Directory.ReserveAsync(cancellationToken);
        try
        {
            await Task.WhenAll(members, claims, lookups, reservation);
            return (members.Result, reservation.Result);
        }
        catch
        {
            // WhenAll has waited for all four, so each one's outcome is known here.
            var undo = new List<Task> { parts.Claims.ReleaseAsync(indexValues.Where(v => !v.Unique)) };
            if (claims.IsCompletedSuccessfully)
            {
                undo.Add(parts.Claims.ReleaseAsync(indexValues.Where(v => v.Unique)));
            }

            if (reservation.IsCompletedSuccessfully)
            {
                undo.Add(parts.Directory.RemoveAsync(reservation.Result, cancellationToken));
            }

            await Task.WhenAll(undo);
            throw;
        }
    }
}
