using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrleansScim.Chart.Tests.Infrastructure;

namespace OrleansScim.Chart.Tests;

/// <summary>
/// The chart as `helm template` renders it (helmlite, strict parsing): the defaults and every example, what
/// each deploys, and the set-ups it refuses with a message saying why.
/// </summary>
public sealed partial class ChartRenderTests
{
    private const string AdminKey = "chart-test-admin-key-0123456789abcdef";

    public static TheoryData<string> Examples() => [.. Helmlite.Examples()];

    [Fact]
    public void Defaults_OneSiloInMemory_LocalhostClustering_AdminApiOff_NoSecretNeeded()
    {
        var chart = Helmlite.Render();
        Assert.Equal(1, (long)chart.Deployment["spec"]!["replicas"]!);
        Assert.Equal("Memory", chart.EnvValue("Storage__Provider"));
        Assert.Equal("Localhost", chart.EnvValue("Cluster__Provider"));
        Assert.DoesNotContain("Admin__ApiKey", chart.Env.Keys);
        Assert.DoesNotContain(chart.Env.Values, e => e["valueFrom"]?["secretKeyRef"] is not null);
        AssertNoFloatNotation(chart);
    }

    /// <summary>How long idle users and groups stay in memory reaches the host (the boot test starts it with the defaults).</summary>
    [Fact]
    public void ResourceCollectionAge_ReachesTheHost()
    {
        Assert.Equal("00:00:30", Helmlite.Render().EnvValue("Cluster__ResourceCollectionAge"));
        Assert.Equal("00:02:00", Helmlite.Render("--set", "cluster.resourceCollectionAge=00:02:00").EnvValue("Cluster__ResourceCollectionAge"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExample_Renders_WithIntegersAsIntegers(string example)
    {
        var chart = Helmlite.Render("-f", Helmlite.ExamplePath(example));
        AssertNoFloatNotation(chart);
        Assert.DoesNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", chart.Env.Keys);
        Assert.All(chart.Env.Values, e => Assert.True(e["value"] is null || e["value"]!.GetValueKind() == System.Text.Json.JsonValueKind.String, $"{e["name"]} is not a string"));

        // With the Prometheus Operator's API present, the ServiceMonitor renders too (when the example asks for it).
        AssertNoFloatNotation(Helmlite.Render("-f", Helmlite.ExamplePath(example), "--api-versions", "monitoring.coreos.com/v1"));
    }

    [Fact]
    public void ThreeSilos_OnAzureStorage_ShareOneAccountForStateAndMembership_FromTheExistingSecret()
    {
        var chart = Helmlite.Render("-f", Helmlite.ExamplePath("three-silos-azure-storage.yaml"));
        Assert.Equal(3, (long)chart.Deployment["spec"]!["replicas"]!);
        Assert.Equal("AzureTable", chart.EnvValue("Storage__Provider"));
        Assert.Equal("AzureTable", chart.EnvValue("Cluster__Provider"));
        var existingSecret = (string)ChartValues.Load(Helmlite.ExamplePath("three-silos-azure-storage.yaml"))["existingSecret"]!;
        var connection = chart.Env["Storage__ConnectionString"]["valueFrom"]!["secretKeyRef"]!;
        Assert.Equal(existingSecret, (string)connection["name"]!);
        Assert.Null(connection["optional"]);
        Assert.Empty(chart.OfKind("Secret"));
        Assert.Equal("true", (string?)chart.Env["Admin__ApiKey"]["valueFrom"]!["secretKeyRef"]!["optional"]?.ToString().ToLowerInvariant());
        Assert.Contains("Admin__SecondaryApiKey", chart.Env.Keys);
    }

    [Fact]
    public void OrleansKubernetesHosting_GetsItsLabels_Environment_AndExactlyThePodVerbsItsAgentUses()
    {
        var chart = Helmlite.Render("-f", Helmlite.ExamplePath("three-silos-azure-storage.yaml"));
        var podLabels = chart.Deployment["spec"]!["template"]!["metadata"]!["labels"]!;
        Assert.Equal(chart.EnvValue("Cluster__ServiceId"), (string?)podLabels["orleans/serviceId"]);
        Assert.Equal(chart.EnvValue("Cluster__ClusterId"), (string?)podLabels["orleans/clusterId"]);
        Assert.Equal(chart.EnvValue("Cluster__ClusterId"), chart.EnvValue("ORLEANS_CLUSTER_ID"));
        Assert.Equal(chart.EnvValue("Cluster__ServiceId"), chart.EnvValue("ORLEANS_SERVICE_ID"));
        Assert.Equal("metadata.name", (string?)chart.Env["POD_NAME"]["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("metadata.namespace", (string?)chart.Env["POD_NAMESPACE"]["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("status.podIP", (string?)chart.Env["POD_IP"]["valueFrom"]!["fieldRef"]!["fieldPath"]);

        Assert.Equal(["get", "list", "patch", "watch"], PodVerbs(chart));
        Assert.Equal((string?)chart.One("ServiceAccount")["metadata"]!["name"], (string?)chart.PodSpec["serviceAccountName"]);
        Assert.Equal((string?)chart.One("Role")["metadata"]!["name"], (string?)chart.One("RoleBinding")["roleRef"]!["name"]);

        var deleting = Helmlite.Render("-f", Helmlite.ExamplePath("three-silos-azure-storage.yaml"), "--set", "kubernetes.deleteDefunctSiloPods=true");
        Assert.Equal(["delete", "get", "list", "patch", "watch"], PodVerbs(deleting));
        Assert.Equal("true", deleting.EnvValue("Cluster__Kubernetes__DeleteDefunctSiloPods"));
    }

    [Fact]
    public void ClusterId_IsTheConfiguredValue_NeverTheRevision()
    {
        var chart = Helmlite.Render("-f", Helmlite.ExamplePath("three-silos-azure-storage.yaml"));
        var values = ChartValues.Merged(ChartValues.Load(Helmlite.ExamplePath("three-silos-azure-storage.yaml")));
        Assert.Equal((string?)values["cluster"]!["clusterId"], chart.EnvValue("Cluster__ClusterId"));
        Assert.Equal((string?)values["cluster"]!["serviceId"], chart.EnvValue("Cluster__ServiceId"));
        Assert.DoesNotContain("Revision", File.ReadAllText(Path.Combine(Helmlite.ChartDirectory, "templates", "deployment.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Autoscaling_WithIngress_AndASeparateAdminPort()
    {
        var chart = Helmlite.Render("-f", Helmlite.ExamplePath("autoscaling-ingress-admin-port.yaml"));
        Assert.Null(chart.Deployment["spec"]!["replicas"]);
        var hpa = chart.One("HorizontalPodAutoscaler");
        Assert.NotNull(hpa["spec"]!["behavior"]!["scaleDown"]);
        Assert.Single(chart.OfKind("Ingress"));
        Assert.Single(chart.OfKind("PodDisruptionBudget"));

        var adminPort = chart.Container["ports"]!.AsArray().Single(p => (string?)p!["name"] == "admin")!["containerPort"]!.GetValue<long>();
        Assert.Equal($"http://+:{adminPort}", chart.EnvValue("Admin__Urls"));
        Assert.NotNull(chart.EnvValue("ForwardedHeaders__KnownNetworks__0"));

        // The Ingress routes to the SCIM Service only, never to the admin port.
        var backends = chart.One("Ingress").ToJsonString();
        Assert.DoesNotContain("admin", backends, StringComparison.Ordinal);

        var notes = Helmlite.Notes("-f", Helmlite.ExamplePath("autoscaling-ingress-admin-port.yaml"));
        Assert.DoesNotContain("replicaCount", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void NetworkPolicy_OpensEachPortOnlyToItsCallers()
    {
        var chart = Helmlite.Render("-f", Helmlite.ExamplePath("autoscaling-ingress-admin-port.yaml"), "--set", "metrics.enabled=true");
        var rules = chart.One("NetworkPolicy")["spec"]!["ingress"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var ports = chart.Container["ports"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!["containerPort"]!.GetValue<long>());

        // Every source allowed to a port, over all rules naming it (by name or number).
        List<JsonNode> From(string port) =>
            [.. rules.Where(r => r["ports"]!.AsArray().Any(p => (string?)p!["port"]?.ToString() == port || p!["port"]!.ToString() == ports[port].ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .SelectMany(r => r["from"]!.AsArray().OfType<JsonNode>())];

        var selectorLabels = chart.Deployment["spec"]!["selector"]!["matchLabels"]!.ToJsonString();
        Assert.All(From("silo"), f => Assert.Equal(selectorLabels, f!["podSelector"]!["matchLabels"]!.ToJsonString()));
        Assert.All(From("gateway"), f => Assert.Equal(selectorLabels, f!["podSelector"]!["matchLabels"]!.ToJsonString()));
        Assert.NotEmpty(From("http"));
        Assert.NotEmpty(From("admin"));
        Assert.Contains(From("admin"), f => f!["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]?.ToString() == "monitoring");
        Assert.All(rules, r => Assert.NotEmpty(r["from"]!.AsArray()));
    }

    [Fact]
    public void SecurityBaseline_NonRoot_ReadOnlyRoot_NoPrivilegeEscalation_NoCapabilities_RuntimeDefaultSeccomp()
    {
        var chart = Helmlite.Render();
        var pod = chart.PodSpec["securityContext"]!;
        Assert.True((bool)pod["runAsNonRoot"]!);
        Assert.True(pod["runAsUser"]!.GetValue<long>() > 0);
        Assert.Equal("RuntimeDefault", (string?)pod["seccompProfile"]!["type"]);
        var container = chart.Container["securityContext"]!;
        Assert.False((bool)container["allowPrivilegeEscalation"]!);
        Assert.True((bool)container["readOnlyRootFilesystem"]!);
        Assert.Equal("[\"ALL\"]", container["capabilities"]!["drop"]!.ToJsonString());
        var tmp = chart.Container["volumeMounts"]!.AsArray().Single(m => (string?)m!["mountPath"] == "/tmp")!;
        Assert.Contains(chart.PodSpec["volumes"]!.AsArray(), v => (string?)v!["name"] == (string?)tmp["name"] && v["emptyDir"] is not null);
    }

    [Fact]
    public void AChangedSecret_ChangesThePodTemplate_SoThePodsRoll()
    {
        string Checksum(string key) => (string)Helmlite.Render("--set", $"secrets.adminApiKey={key}").Deployment["spec"]!["template"]!["metadata"]!["annotations"]!["checksum/secret"]!;
        Assert.NotEqual(Checksum(AdminKey), Checksum(AdminKey + "-rotated"));
    }

    [Fact]
    public void EveryValue_IsDocumentedInTheChartReadme()
    {
        var readme = File.ReadAllText(Path.Combine(Helmlite.ChartDirectory, "README.md"));
        var missing = Leaves(string.Empty, ChartValues.Defaults()).Where(key => !readme.Contains($"| `{key}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "README.md has no row for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("needs durable grain state", "replicaCount=2")]
    [InlineData("needs durable grain state", "autoscaling.enabled=true")]
    [InlineData("needs a membership provider the pods share", "replicaCount=3", "storage.provider=AzureTable", "cluster.provider=Localhost", "existingSecret=s")]
    [InlineData("must exceed preStopSleepSeconds + cluster.shutdownTimeoutSeconds", "terminationGracePeriodSeconds=45")]
    [InlineData("at least 32 characters", "secrets.adminApiKey=short")]
    [InlineData("at least 32 characters", "secrets.adminApiKeySecondary=short")]
    [InlineData("secrets.storageConnectionString is required", "storage.provider=AzureTable")]
    [InlineData("not both", "storage.provider=AzureTable", "storage.tableServiceUri=https://a.table.core.windows.net", "secrets.storageConnectionString=x")]
    [InlineData("needs an account of its own", "storage.provider=Redis", "cluster.provider=AzureTable", "existingSecret=s")]
    [InlineData("must be a valid label value", "cluster.clusterId=rev-{{ .Release.Revision }}")]
    [InlineData("must all differ", "admin.separatePort=true", "admin.port=8080")]
    [InlineData("secrets.redisConnectionString is required", "storage.provider=Redis", "secrets.storageConnectionString=r:6379")]
    public void ImpossibleSetUps_FailTheRender_SayingWhy(string message, params string[] settings)
    {
        var failure = Helmlite.RenderFailure([.. settings.SelectMany(s => new[] { "--set", s })]);
        Assert.Contains(message, failure, StringComparison.Ordinal);
    }

    private static List<string> PodVerbs(Manifests chart) =>
        [.. chart.One("Role")["rules"]!.AsArray().Single(r => r!["resources"]!.AsArray().Any(x => (string?)x == "pods"))!["verbs"]!.AsArray().Select(v => (string)v!).Order()];

    private static void AssertNoFloatNotation(Manifests chart) =>
        Assert.False(FloatNotation().IsMatch(chart.Text), "a number rendered in exponent notation: " + FloatNotation().Match(chart.Text).Value);

    /// <summary>Value keys as the README's table names them (maps of free-form settings are one row).</summary>
    private static IEnumerable<string> Leaves(string prefix, JsonNode? value)
    {
        string[] opaque = ["resources", "autoscaling.behavior", "podSecurityContext", "securityContext"];
        if (value is JsonObject { Count: > 0 } map && !opaque.Contains(prefix) && !prefix.EndsWith("Selector", StringComparison.Ordinal))
        {
            return map.SelectMany(p => Leaves(prefix.Length > 0 ? $"{prefix}.{p.Key}" : p.Key, p.Value));
        }

        return [prefix];
    }

    [GeneratedRegex(@"\d\.\d+e\+\d\d")]
    private static partial Regex FloatNotation();
}
