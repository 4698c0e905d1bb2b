using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Serialization;
using OrleansScim.Host.Hosting;

namespace OrleansScim.Host.Tests.Storage;

/// <summary>
/// The silo configuration the host builds from Storage:* and Cluster:* for Azure Table storage and
/// membership: which account each uses, and the credential path (a table service URI with
/// DefaultAzureCredential). Azure itself is not reachable here, so the credential path is shown to be the
/// one in use by the authentication failure of a request made through the configured client.
/// </summary>
public sealed class AzureTableSettingsTests
{
    private const string StorageAccount = "DefaultEndpointsProtocol=https;AccountName=stateaccount;AccountKey=c3RhdGU=;EndpointSuffix=core.windows.net";
    private const string MembershipAccount = "DefaultEndpointsProtocol=https;AccountName=membersaccount;AccountKey=bWVtYmVycw==;EndpointSuffix=core.windows.net";

    [Fact]
    public void OneConnectionString_ServesGrainStateAndMembership()
    {
        var services = Configure(new()
        {
            ["Storage:Provider"] = "AzureTable",
            ["Storage:ConnectionString"] = StorageAccount,
            ["Cluster:Provider"] = "AzureTable",
        });

        Assert.Equal("stateaccount", StateClient(services).AccountName);
        Assert.Equal("stateaccount", MembershipClient(services).AccountName);
        Assert.Equal(StorageOptions.DefaultTableName, StateOptions(services).TableName);
        Assert.True(StateOptions(services).DeleteStateOnClear);
    }

    [Fact]
    public void ClusterConnectionString_GivesMembershipAnAccountOfItsOwn()
    {
        var services = Configure(new()
        {
            ["Storage:Provider"] = "AzureTable",
            ["Storage:ConnectionString"] = StorageAccount,
            ["Storage:TableName"] = "ScimState",
            ["Cluster:Provider"] = "AzureTable",
            ["Cluster:ConnectionString"] = MembershipAccount,
        });

        Assert.Equal("stateaccount", StateClient(services).AccountName);
        Assert.Equal("ScimState", StateOptions(services).TableName);
        Assert.Equal("membersaccount", MembershipClient(services).AccountName);
    }

    [Fact]
    public async Task TableServiceUri_UsesDefaultAzureCredential_ForStateAndMembership()
    {
        var uri = new Uri("https://scimaccount.table.core.windows.net/");
        var services = Configure(new()
        {
            ["Storage:Provider"] = "AzureTable",
            ["Storage:TableServiceUri"] = uri.ToString(),
            ["Cluster:Provider"] = "AzureTable",
        });

        var state = StateClient(services);
        Assert.Equal(uri, state.Uri);
        Assert.Equal(uri, MembershipClient(services).Uri);

        // No managed identity, workload identity, environment credentials or Azure CLI login here: the
        // request stops at DefaultAzureCredential, before any connection to the account is tried.
        var error = await Assert.ThrowsAnyAsync<AuthenticationFailedException>(() => state.GetPropertiesAsync());
        Assert.Contains("DefaultAzureCredential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisState_WithAzureTableMembership_NeedsTheClustersOwnAccount()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configure(new()
        {
            ["Storage:Provider"] = "Redis",
            ["Storage:ConnectionString"] = "127.0.0.1:6379",
            ["Cluster:Provider"] = "AzureTable",
        }));

        Assert.Contains("Cluster:ConnectionString or Cluster:TableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "Storage:ConnectionString or Storage:TableServiceUri")]
    [InlineData(StorageAccount, "https://scimaccount.table.core.windows.net/", "not both")]
    public void AzureTableState_WithoutOrWithBothCredentials_StopsTheHostSayingWhich(string? connectionString, string? uri, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configure(new()
        {
            ["Storage:Provider"] = "AzureTable",
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TableServiceUri"] = uri,
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Configure(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var silo = new SiloBuilderProbe(new ServiceCollection(), configuration);
        SiloConfiguration.Configure(silo, configuration);

        // What a real silo adds before the host's configuration: Orleans' serializer (the grain state serializer needs it).
        silo.Services.AddSerializer();
        return silo.Services.BuildServiceProvider();
    }

    private static AzureTableStorageOptions StateOptions(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get(OrleansScim.Grains.GrainStorage.Name);

    private static TableServiceClient StateClient(IServiceProvider services) => StateOptions(services).TableServiceClient!;

    private static TableServiceClient MembershipClient(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AzureStorageClusteringOptions>>().Value.TableServiceClient!;

    /// <summary>The two members of a silo builder the host's configuration uses; nothing is started.</summary>
    private sealed class SiloBuilderProbe(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }
}
