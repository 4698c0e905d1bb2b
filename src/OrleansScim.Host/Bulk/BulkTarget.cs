using OrleansScim.Grains.Directory;
using OrleansScim.Protocol.Errors;

namespace OrleansScim.Host.Bulk;

/// <summary>What an operation's path names: <c>/Users</c> or <c>/Groups</c> for POST, <c>/Users/{id}</c> or <c>/Groups/{id}</c> otherwise.</summary>
public sealed record BulkTarget(string ResourceType, string Endpoint, string? Id)
{
    public static BulkTarget Parse(string method, string path)
    {
        var segments = path.Trim().Trim('/').Split('/');
        var (resourceType, endpoint) = segments[0] switch
        {
            var s when string.Equals(s, "Users", StringComparison.OrdinalIgnoreCase) => (ResourceTypeNames.User, "Users"),
            var s when string.Equals(s, "Groups", StringComparison.OrdinalIgnoreCase) => (ResourceTypeNames.Group, "Groups"),
            _ => throw ScimException.NotFound($"No resource endpoint at '{path}'; bulk operations address /Users and /Groups."),
        };
        if (segments.Length > 2 || (segments.Length == 2 && segments[1].Length == 0))
        {
            throw ScimException.NotFound($"No resource endpoint at '{path}'.");
        }

        var id = segments.Length == 2 ? Uri.UnescapeDataString(segments[1]) : null;
        if (method == BulkOperation.Post && id is not null)
        {
            throw ScimException.InvalidSyntax($"A POST operation's path is the resource endpoint ('/{endpoint}'), not '{path}'.");
        }

        if (method != BulkOperation.Post && id is null)
        {
            throw ScimException.InvalidSyntax($"A {method} operation's path names one resource, e.g. '/{endpoint}/{{id}}'.");
        }

        return new BulkTarget(resourceType, endpoint, id);
    }
}
