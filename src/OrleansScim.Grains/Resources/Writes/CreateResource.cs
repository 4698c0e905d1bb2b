using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Indexes;
using OrleansScim.Protocol.Errors;
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
            var notices = await parts.Members.PrepareCreateAsync(attributes, rules, cancellationToken);
            var indexValues = parts.IndexValuesOf(attributes).ToList();
            await parts.Claims.ClaimAsync(indexValues, cancellationToken);
            try
            {
                var sequence = await parts.Directory.ReserveAsync(cancellationToken);
                await parts.Claims.AddLookupsAsync(indexValues);
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
}
