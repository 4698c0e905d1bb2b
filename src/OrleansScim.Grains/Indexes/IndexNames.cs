namespace OrleansScim.Grains.Indexes;

/// <summary>
/// The tenant-wide indexes. The prefix says which grain type owns the entries, so a unique index can
/// ask an owner whether it still holds a value (crash-safe reservations).
/// </summary>
public static class IndexNames
{
    public const string UserName = "users.userName";
    public const string UserExternalId = "users.externalId";
    public const string UserEmail = "users.emails";
    public const string GroupDisplayName = "groups.displayName";
    public const string GroupExternalId = "groups.externalId";

    public static bool IsUserIndex(string index) => index.StartsWith("users.", StringComparison.Ordinal);
}
