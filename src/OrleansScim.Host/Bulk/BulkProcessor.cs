using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Errors;
using OrleansScim.Host.Endpoints;

namespace OrleansScim.Host.Bulk;

/// <summary>
/// Runs the operations of one bulk request in order (RFC 7644 §3.7), each as the same grain call the
/// single-resource endpoint makes (so validation, PATCH, ETags and uniqueness are exactly theirs), and
/// stops after failOnErrors errors. It lives in the front end rather than in a grain: a bulk request
/// then costs no extra hop, holds no activation busy while it runs, and is not cut short by a grain
/// call's response timeout (a thousand operations can outlast one); it only sequences calls.
/// </summary>
public sealed class BulkProcessor(IGrainFactory grains, string tenantKey, string baseUrl, Func<CancellationToken, ValueTask> waitForPermit)
{
    public async Task<IReadOnlyList<BulkOperationResult>> RunAsync(BulkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var references = new BulkIdReferences();
        var bulkIds = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<BulkOperationResult>(request.Operations.Count);
        var errors = 0;
        foreach (var operation in request.Operations)
        {
            if (results.Count > 0)
            {
                await waitForPermit(cancellationToken);
            }

            var result = await RunAsync(operation, references, bulkIds, cancellationToken);
            results.Add(result);
            if (result.IsError && ++errors >= request.FailOnErrors)
            {
                break;
            }
        }

        return results;
    }

    private async Task<BulkOperationResult> RunAsync(BulkOperation operation, BulkIdReferences references, HashSet<string> bulkIds, CancellationToken cancellationToken)
    {
        try
        {
            if (operation.Invalid is { } invalid)
            {
                throw invalid;
            }

            if (operation.BulkId is { } duplicate && !bulkIds.Add(duplicate))
            {
                throw ScimException.InvalidValue($"bulkId '{duplicate}' is already used by an earlier operation of this request.");
            }

            var method = operation.Method!;
            var target = BulkTarget.Parse(method, references.ResolvePath(operation.Path!));
            var id = target.Id ?? Guid.NewGuid().ToString("D");
            var request = new ResourceRequest
            {
                BaseUrl = baseUrl,
                Body = operation.Data is null ? null : references.ResolveData(operation.Data).ToJsonString(),
                IfMatch = method == BulkOperation.Post ? null : operation.Version,
            };
            var location = GrainKeys.Location(baseUrl, target.Endpoint, id);
            if (!GrainKeys.CanBeResourceId(id))
            {
                return BulkOperationResult.From(operation, ScimResponses.NotFound(target.ResourceType, id), location);
            }

            var grain = new TenantGrains(grains, tenantKey).Resource(target.ResourceType, id);
            var result = method switch
            {
                BulkOperation.Post => await grain.CreateAsync(request, cancellationToken),
                BulkOperation.Put => await grain.ReplaceAsync(request, cancellationToken),
                BulkOperation.Patch => await grain.PatchAsync(request, cancellationToken),
                _ => await grain.DeleteAsync(request, cancellationToken),
            };
            if (method == BulkOperation.Post && result.IsSuccess)
            {
                references.Created(operation.BulkId!, id);
            }

            return BulkOperationResult.From(operation, ScimResults.From(result, baseUrl, target.Endpoint, id), location);
        }
        catch (ScimException e)
        {
            return BulkOperationResult.Failed(operation, e);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // One unreachable grain fails its operation, not the operations already done.
            return BulkOperationResult.Failed(operation, new ScimException(503, null, "The service did not complete this operation; retry it."));
        }
    }
}
