using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Membership;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Resources.Writes;

/// <summary>
/// PUT and PATCH: the new attributes and the notices they imply are computed from the committed ones,
/// new unique values are claimed, and the change is written under the record's gate, unless a membership
/// notice changed the attributes meanwhile, in which case it is computed again (a few times, then 409).
/// </summary>
public static class UpdateResource
{
    /// <summary>How often an update computes again when membership notices keep changing the attributes under it.</summary>
    private const int MaxCommitAttempts = 5;

    public static async Task<ResourceResult> RunAsync(ResourceParts parts, ResourceRequest request, bool isPatch, bool withRepresentation, CancellationToken cancellationToken)
    {
        var record = parts.Record;
        ResourcePreconditions.ThrowIfMissing(parts);
        ResourcePreconditions.EnsureIfMatch(parts, request.IfMatch);
        var change = new ResourceChange(isPatch, ScimJson.ParseObject(request.Body));
        var schemas = await parts.Catalog.GetAsync(parts.Tenant.TenantKey, cancellationToken);
        var type = parts.Kind.TypeIn(schemas);
        var rules = schemas.NewInputRules();
        for (var attempt = 1; ; attempt++)
        {
            var revision = record.Revision;
            var before = record.Attributes;
            var (after, notices) = await parts.Members.ComputeChangeAsync(type, rules, before, change, cancellationToken);
            var oldValues = parts.IndexValuesOf(before).ToList();
            var newValues = parts.IndexValuesOf(after).ToList();
            var added = newValues.Except(oldValues).ToList();
            var removed = oldValues.Except(newValues).ToList();
            try
            {
                await parts.Claims.ClaimAsync(added, cancellationToken);
                await parts.Claims.AddLookupsAsync(added);
                using (await record.LockAsync(cancellationToken))
                {
                    ResourcePreconditions.ThrowIfMissing(parts);
                    if (revision != record.Revision)
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
                        await record.CommitAsync(after, notices, parts.Members.OnCommitting, cancellationToken);
                    }
                }
            }
            finally
            {
                // Until the commit, index owner checks must see the values being claimed as held.
                parts.Claims.EndClaiming();
            }

            await parts.Claims.ReleaseAsync(removed);
            await CommittedChange.FinishAsync(parts, type, cancellationToken);
            ResourceLog.IgnoredInput(parts.Logger, parts.Kind.TypeName, parts.ResourceId, rules);
            var response = withRepresentation
                ? await ResourceResponder.RespondAsync(parts, ResourceOutcome.Found, type, rules, request, cancellationToken)
                : new ResourceResult { Outcome = ResourceOutcome.ChangedQuietly, Version = ResourceMeta.FormatETag(record.State.Version) };
            record.ReleaseParsedAttributes();
            return response;
        }
    }
}
