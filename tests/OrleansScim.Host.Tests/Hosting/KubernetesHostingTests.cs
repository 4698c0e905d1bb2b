using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using OrleansScim.Host.Hosting;

namespace OrleansScim.Host.Tests.Hosting;

/// <summary>
/// Orleans' Kubernetes hosting is used in a pod (KUBERNETES_SERVICE_HOST set) and nowhere else, and where its
/// environment (ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID) and the Cluster:* settings disagree, Cluster:* wins.
/// The silo is configured, not started: started, its agent would call the Kubernetes API, which is not here.
/// </summary>
public sealed class KubernetesHostingTests
{
    static KubernetesHostingTests()
    {
        // What the chart's Deployment sets; read by the package from the process environment.
        Environment.SetEnvironmentVariable("POD_NAME", "scim-7d9f-abcde");
        Environment.SetEnvironmentVariable("POD_NAMESPACE", "identity");
        Environment.SetEnvironmentVariable("POD_IP", "10.1.2.3");
        Environment.SetEnvironmentVariable("ORLEANS_CLUSTER_ID", "cluster-from-pod-environment");
        Environment.SetEnvironmentVariable("ORLEANS_SERVICE_ID", "service-from-pod-environment");
    }

    [Fact]
    public void InAPod_KubernetesHostingIsOn_AndClusterSettingsWin()
    {
        using var silo = Configure(new()
        {
            ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
            ["Cluster:Provider"] = "Redis",
            ["Cluster:RedisConnectionString"] = "127.0.0.1:1",
            ["Cluster:ClusterId"] = "orleans-scim",
            ["Cluster:ServiceId"] = "orleans-scim-prod",
            ["Cluster:Kubernetes:DeleteDefunctSiloPods"] = "true",
        });

        Assert.True(HasKubernetesAgent(silo.Descriptors));
        var cluster = silo.Provider.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal("orleans-scim", cluster.ClusterId);
        Assert.Equal("orleans-scim-prod", cluster.ServiceId);
        Assert.Equal("scim-7d9f-abcde", silo.Provider.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);

        // Without Cluster:AdvertisedIPAddress the silo must not advertise loopback (the default off Kubernetes):
        // other pods could not reach it. Orleans then takes the pod's own interface address.
        var advertised = silo.Provider.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress;
        Assert.NotNull(advertised);
        Assert.False(System.Net.IPAddress.IsLoopback(advertised), $"advertised {advertised}");
        Assert.True(silo.Provider.GetRequiredService<IOptions<KubernetesHostingOptions>>().Value.DeleteDefunctSiloPods);
    }

    [Fact]
    public void OutsideKubernetes_OrTurnedOff_ThePackageIsNotUsed()
    {
        using var local = Configure(new() { ["Cluster:ClusterId"] = "local" });
        Assert.False(HasKubernetesAgent(local.Descriptors));
        Assert.Equal("local", local.Provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId);

        using var off = Configure(new() { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["Cluster:KubernetesHosting"] = "false" });
        Assert.False(HasKubernetesAgent(off.Descriptors));
    }

    private static bool HasKubernetesAgent(IServiceCollection services) =>
        services.Any(d => d.ImplementationType?.Name == "KubernetesClusterAgent");

    private static ConfiguredSilo Configure(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOrleans(silo => SiloConfiguration.Configure(silo, configuration));
        return new ConfiguredSilo(services, services.BuildServiceProvider());
    }

    private sealed record ConfiguredSilo(IServiceCollection Descriptors, ServiceProvider Provider) : IDisposable
    {
        public void Dispose() => Provider.Dispose();
    }
}
