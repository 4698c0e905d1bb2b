using OrleansScim.Protocol.Errors;

namespace OrleansScim.Grains.Resources.Writes;

/// <summary>What a request needs of the resource before it runs: that it exists, and that it is the version the client names.</summary>
public static class ResourcePreconditions
{
    public static ScimException NotFound(ResourceParts parts) => new(404, null, $"{parts.Kind.TypeName} '{parts.ResourceId}' not found.");

    /// <summary>Throws 404 unless the resource exists.</summary>
    public static void ThrowIfMissing(ResourceParts parts)
    {
        if (!parts.Record.Exists)
        {
            throw NotFound(parts);
        }
    }

    /// <summary>Throws 412 when an If-Match is given and does not match the current version.</summary>
    public static void EnsureIfMatch(ResourceParts parts, string? ifMatch)
    {
        var current = Protocol.Resources.ResourceMeta.FormatETag(parts.Record.State.Version);
        if (ifMatch is not null && !Protocol.Resources.ETags.Matches(ifMatch, current))
        {
            throw ScimException.PreconditionFailed($"If-Match {ifMatch} does not match the current version {current}.");
        }
    }
}
