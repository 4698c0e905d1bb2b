namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// A host whose groups move their members to member buckets beyond two members, so the provisioning
/// replays with groups also run against the large-group code path.
/// </summary>
public sealed class LargeGroupHostFactory : ScimHostFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Scim:InlineGroupMemberLimit"] = "2",
    };
}

[CollectionDefinition(Name)]
public sealed class LargeGroupHostCollection : ICollectionFixture<LargeGroupHostFactory>
{
    public const string Name = "large group host";
}
