namespace OrleansScim.Grains.Groups;

/// <summary>One member of a group as a member bucket stores it.</summary>
[GenerateSerializer, Immutable, Alias("scim.GroupMember")]
public sealed record GroupMember([property: Id(0)] string Id, [property: Id(1)] string Type, [property: Id(2)] string? Display = null);
