using System.Text.Json.Nodes;
using OrleansScim.Grains.Resources;
using OrleansScim.Protocol.Input;
using OrleansScim.Protocol.Resources;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Membership;

/// <summary>A user's member list: it has none; its own notices are only the ones it sends as a deleted member.</summary>
public sealed class NoMemberList(MembershipOutbox outbox) : IMemberList
{
    public bool HasExternalMembers => false;

    public Task<List<MembershipNotice>> PrepareCreateAsync(JsonObject attributes, InputRules rules, CancellationToken cancellationToken) =>
        Task.FromResult(new List<MembershipNotice>());

    public Task<(JsonObject After, List<MembershipNotice> Notices)> ComputeChangeAsync(
        ResourceTypeDefinition type, InputRules rules, JsonObject before, ResourceChange change, CancellationToken cancellationToken) =>
        Task.FromResult((ResourceUpdate.Apply(before, change.IsPatch, change.Body, type, rules), new List<MembershipNotice>()));

    public List<MembershipNotice> DeletionNotices() => [];

    public void OnCommitting(ResourceState committing, IReadOnlyList<MembershipNotice> notices)
    {
    }

    public Task<bool> DeliverAsync(MembershipNotice notice, CancellationToken cancellationToken) => outbox.SendAsync(notice, cancellationToken);

    public Task OnTargetMissingAsync(MembershipNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AfterChangeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AddExternalMembersAsync(JsonObject document, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PurgeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
