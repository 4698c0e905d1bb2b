using Azure.Data.Tables;
using OrleansScim.Cluster.Tests.Infrastructure;

namespace OrleansScim.Cluster.Tests;

/// <summary>
/// A durable multi-silo deployment needs one Azure Storage account and nothing else: hosts given only
/// the providers, the connection string and their own ports (everything else at its default) find each
/// other through the membership table in that account and form one cluster.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OneStorageAccountTests(ClusterServers servers)
{
    [Fact]
    public async Task TwoHostsWithOnlyTheProvidersAndOneConnectionString_FormOneCluster()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "AzureTable",
            ["Cluster__Provider"] = "AzureTable",
            ["Storage__ConnectionString"] = servers.StorageConnectionString,
        };
        await using var first = SiloProcess.Start("first", settings);
        await using var second = SiloProcess.Start("second", settings);
        await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());

        // The default ClusterId ("orleans-scim") in the default membership table; no other test uses the defaults.
        var membership = new TableClient(servers.StorageConnectionString, "OrleansSiloInstances");
        var rows = await Eventually.UntilAsync(
            async () => (await membership.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"orleans-scim"}")).ToListAsync())
                .Where(row => row.GetString("Status") == "Active")
                .Select(row => row.GetString("Port"))
                .ToList(),
            ports => ports.Count == 2,
            "both silos are active members of one cluster");

        Assert.Equal(new[] { first.SiloPort, second.SiloPort }.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), rows.Order());
        Assert.Contains("Clustering: AzureTable; grain storage: AzureTable", first.Output(int.MaxValue), StringComparison.Ordinal);
    }
}
