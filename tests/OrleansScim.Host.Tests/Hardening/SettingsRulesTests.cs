using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Settings the grains cannot work with stop the host at start, naming the setting, instead of failing
/// later (a segment size of 0 divided by zero on the first create; a fan-out of 0 never finished a query).
/// </summary>
public sealed class SettingsRulesTests
{
    [Theory]
    [InlineData("Scim:SegmentSize", "0", "Scim:SegmentSize must be between 1 and 65536")]
    [InlineData("Scim:SegmentFlushInterval", "00:00:00", "Scim:SegmentFlushInterval must be more than 0")]
    [InlineData("Scim:MaxPageSize", "0", "Scim:MaxPageSize must be at least 1")]
    [InlineData("Scim:DefaultPageSize", "5000", "Scim:DefaultPageSize must be between 1 and Scim:MaxPageSize (1000)")]
    [InlineData("Scim:InlineGroupMemberLimit", "0", "Scim:InlineGroupMemberLimit must be at least 1")]
    [InlineData("Scim:QueryFanOut", "0", "Scim:QueryFanOut must be between 1 and 1024")]
    public void AGrainSettingOutOfRange_StopsTheHostAtStart_SayingWhich(string setting, string value, string message)
    {
        using var host = new ConfiguredHost(new() { [setting] = value });

        Assert.Contains(message, host.StartFailure(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAzureTableName_AzureWouldRefuse_StopsTheHostAtStart()
    {
        using var host = new ConfiguredHost(new()
        {
            ["Storage:Provider"] = "AzureTable",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:TableName"] = "grain-state",
        });

        // The official provider checks the name itself (Orleans' AzureTableStorageOptions validation).
        Assert.Contains("Table name \"grain-state\" is invalid", host.StartFailure(), StringComparison.Ordinal);
    }
}
