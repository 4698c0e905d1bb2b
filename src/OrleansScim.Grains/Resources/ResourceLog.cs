using Microsoft.Extensions.Logging;
using OrleansScim.Protocol.Input;

namespace OrleansScim.Grains.Resources;

/// <summary>The log lines of resource writes: ids and attribute names only, never values.</summary>
public static partial class ResourceLog
{
    /// <summary>What tolerant reading skipped: names only (at most ten, each cut short), never values.</summary>
    public static void IgnoredInput(ILogger logger, string resourceType, string resourceId, InputRules rules)
    {
        if (rules.IgnoredNames.Count > 0)
        {
            // The logging generator writes a list as "a, b, c".
            Ignored(logger, resourceType, resourceId, rules.IgnoredNames);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ResourceType} {ResourceId}: ignored attributes no schema of the tenant defines: {Names}")]
    private static partial void Ignored(ILogger logger, string resourceType, string resourceId, IReadOnlyList<string> names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ResourceType} {ResourceId}: its {Index} value is, once normalized, the value of {HeldBy}; only {HeldBy} is found by that index until one is renamed")]
    public static partial void IndexConflict(ILogger logger, string resourceType, string resourceId, string index, string? heldBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ResourceType} {ResourceId}: moving its index entries to the current keys failed; it is retried on its next activation")]
    public static partial void ReindexFailed(ILogger logger, Exception exception, string resourceType, string resourceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ResourceType} {ResourceId} created")]
    public static partial void Created(ILogger logger, string resourceType, string resourceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ResourceType} {ResourceId} deleted")]
    public static partial void Deleted(ILogger logger, string resourceType, string resourceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ResourceType} {ResourceId} was saved, but updating the directory or its memberships failed; it is retried later")]
    public static partial void FollowUpFailed(ILogger logger, Exception exception, string resourceType, string resourceId);
}
