using Microsoft.Extensions.Logging;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;

namespace OrleansScim.Grains.Membership;

/// <summary>
/// Tells other resources about membership changes of one resource. The notices are written with the
/// change that implies them (<see cref="ResourceState.PendingNotices"/>) and delivered after it; a notice
/// that fails stays pending and is delivered again on the next activation, so both sides of a membership
/// agree even after a crash between the write and the delivery.
/// </summary>
public sealed partial class MembershipOutbox(TenantGrains tenant, string senderId, ILogger logger)
{
    /// <summary>How many notices are delivered at once.</summary>
    private const int Concurrency = 64;

    /// <summary>
    /// Delivers <paramref name="notices"/> with <paramref name="deliver"/> (false: the target does not
    /// exist, then <paramref name="onTargetMissing"/> runs) and returns those that are done.
    /// </summary>
    public async Task<List<MembershipNotice>> DeliverAsync(
        IReadOnlyList<MembershipNotice> notices,
        Func<MembershipNotice, CancellationToken, Task<bool>> deliver,
        Func<MembershipNotice, CancellationToken, Task> onTargetMissing,
        CancellationToken cancellationToken)
    {
        var delivered = new List<MembershipNotice>();
        foreach (var batch in notices.Chunk(Concurrency))
        {
            var results = await Task.WhenAll(batch.Select(async notice =>
            {
                try
                {
                    if (!await deliver(notice, cancellationToken))
                    {
                        await onTargetMissing(notice, cancellationToken);
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

        return delivered;
    }

    /// <summary>Tells the notice's target (a member that joined or left, a group whose member was deleted); false when the target does not exist.</summary>
    public async Task<bool> SendAsync(MembershipNotice notice, CancellationToken cancellationToken)
    {
        var isUser = notice.TargetType == ResourceTypeNames.User;
        switch (notice.Kind)
        {
            case NoticeKind.Joined:
                return isUser
                    ? await tenant.User(notice.TargetId).JoinGroupAsync(senderId, cancellationToken)
                    : await tenant.Group(notice.TargetId).JoinGroupAsync(senderId, cancellationToken);
            case NoticeKind.Left:
                await (isUser
                    ? tenant.User(notice.TargetId).LeaveGroupAsync(senderId, cancellationToken)
                    : tenant.Group(notice.TargetId).LeaveGroupAsync(senderId, cancellationToken));
                return true;
            default:
                await tenant.Group(notice.TargetId).RemoveMemberAsync(senderId, cancellationToken);
                return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Membership notice {Kind} to {TargetType} {TargetId} failed; it stays pending")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, NoticeKind kind, string targetType, string targetId);
}
