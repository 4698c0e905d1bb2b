using CsCheck;

namespace OrleansScim.Storage.AzureTable.Tests;

public sealed class GrainStateTableKeysTests
{
    private const string ServiceId = "svc";

    private static readonly Gen<string> HostileText =
        Gen.Char["/\\#?%'|~_7CF2globa"].Array[1, 8].Select(chars => new string(chars));

    [Fact]
    public void Keys_Layout_IsServiceAndTenantThenTypeKeyAndState()
    {
        var keys = GrainStateTableKeys.For("svc", GrainId.Create("user", "t1/alice/x"), "profile");

        Assert.Equal("svc|t1", keys.PartitionKey);
        Assert.Equal("user|t1~2Falice~2Fx|profile", keys.RowKey);
    }

    [Fact]
    public void Keys_GrainKeyWithoutSlash_GoesToTheGlobalPartition()
    {
        var keys = GrainStateTableKeys.For("svc", GrainId.Create("index", "t1_alice"), "s");

        Assert.Equal("svc|~global", keys.PartitionKey);
        Assert.Equal(GrainStateTableKeys.GlobalPartition("svc"), keys.PartitionKey);
    }

    [Theory]
    [InlineData("_global/x")]
    [InlineData("~global/x")]
    [InlineData("global/x")]
    [InlineData("/x")]
    public void PartitionKey_TenantsNamedLikeTheGlobalPartition_AreTheirOwn(string grainKey)
    {
        var keys = GrainStateTableKeys.For(ServiceId, GrainId.Create("t", grainKey), "s");

        Assert.NotEqual(GrainStateTableKeys.GlobalPartition(ServiceId), keys.PartitionKey);
    }

    [Fact]
    public void RowKey_DifferentIdentities_NeverCollide()
    {
        var identity = Gen.Select(HostileText, HostileText, HostileText);
        Gen.Select(identity, identity).Sample(
            (a, b) => a == b || RowKey(a) != RowKey(b),
            iter: 50_000);
    }

    [Fact]
    public void PartitionKey_IsTheSameExactlyForTheSameTenant()
    {
        Gen.Select(HostileText, HostileText).Sample(
            (a, b) => Tenant(a) == Tenant(b) == (PartitionKey(a) == PartitionKey(b)),
            iter: 50_000);
    }

    [Fact]
    public void PartitionKey_DifferentServices_NeverCollide()
    {
        Gen.Select(HostileText, HostileText).Sample(
            (a, b) => a == b
                || GrainStateTableKeys.TenantPartition(a, "t") != GrainStateTableKeys.TenantPartition(b, "t")
                && GrainStateTableKeys.GlobalPartition(a) != GrainStateTableKeys.GlobalPartition(b),
            iter: 20_000);
    }

    [Fact]
    public void Keys_ExactlyAtTheLimit_AreAccepted()
    {
        // "t|" + key + "|s" = 512 characters.
        var key = new string('k', GrainStateTableKeys.MaxKeyLength - 4);

        var keys = GrainStateTableKeys.For(ServiceId, GrainId.Create("t", key), "s");

        Assert.Equal(GrainStateTableKeys.MaxKeyLength, keys.RowKey.Length);
    }

    [Fact]
    public void Keys_OneCharacterOverTheLimit_FailWithSizeAndLimit()
    {
        var key = new string('k', GrainStateTableKeys.MaxKeyLength - 3);

        var error = Assert.Throws<TableStorageLimitException>(() => GrainStateTableKeys.For(ServiceId, GrainId.Create("t", key), "s"));

        Assert.Equal(513, error.ActualSize);
        Assert.Contains("513", error.Message, StringComparison.Ordinal);
        Assert.Contains("512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionKey_TenantTooLongAfterEscaping_Fails()
    {
        Assert.Throws<TableStorageLimitException>(() => GrainStateTableKeys.TenantPartition(ServiceId, new string('#', 200)));
    }

    private static string RowKey((string Type, string Key, string State) identity) =>
        GrainStateTableKeys.For(ServiceId, GrainId.Create(identity.Type, identity.Key), identity.State).RowKey;

    private static string PartitionKey(string grainKey) =>
        GrainStateTableKeys.For(ServiceId, GrainId.Create("t", grainKey), "s").PartitionKey;

    private static string? Tenant(string grainKey) =>
        grainKey.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? grainKey[..slash] : null;
}
