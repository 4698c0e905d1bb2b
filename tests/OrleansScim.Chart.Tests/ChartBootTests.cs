using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrleansScim.Chart.Tests.Infrastructure;
using OrleansScim.Cluster.Tests.Infrastructure;

namespace OrleansScim.Chart.Tests;

/// <summary>
/// The single-silo example's rendered pod environment, as Kubernetes would resolve it (fieldRefs to a pod's
/// values, here loopback; secretKeyRefs from the rendered Secret; <c>$(VAR)</c> references), boots the real
/// host, which then serves SCIM. A value the host cannot bind (the chart once rendered
/// <c>Scim__MaxRequestBodyBytes: "1.048576e+06"</c>) stops it, and fails this test.
/// </summary>
public sealed partial class ChartBootTests
{
    private const string AdminKey = "chart-boot-admin-key-0123456789abcdefgh";

    [Fact]
    public async Task SingleSiloExample_PodEnvironment_BootsTheHost_WhichServesScim()
    {
        var httpPort = FreePorts.Next();
        var chart = Helmlite.Render(
            "-f", Helmlite.ExamplePath("single-silo-memory.yaml"),
            "--set", $"secrets.adminApiKey={AdminKey}",
            "--set", $"service.targetPort={httpPort}",
            "--set", $"cluster.siloPort={FreePorts.Next()}",
            "--set", $"cluster.gatewayPort={FreePorts.Next()}");
        var environment = PodEnvironment(chart);
        Assert.Equal(AdminKey, environment["Admin__ApiKey"]);

        await using var pod = SiloProcess.StartWithEnvironment("chart-pod", httpPort, environment);
        await pod.WaitUntilReadyAsync();

        pod.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var created = await (await pod.Http.PostAsJsonAsync("/admin/tenants", new { tenantId = "chart-boot" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tenants/chart-boot/scim/v2/Users")
        {
            Content = new StringContent("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"booted@example.com"}""", Encoding.UTF8, "application/scim+json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)created!["token"]!);
        var response = await pod.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, pod.Output());

        // The chart's default log format: one JSON object per line.
        var lines = pod.Output().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("[test ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.NotNull(JsonNode.Parse(line.StartsWith("stderr: ", StringComparison.Ordinal) ? line[8..] : line)!["Category"]));
    }

    [Fact]
    public async Task AFloatRenderedNumber_StopsTheHost_SayingWhichSetting()
    {
        var httpPort = FreePorts.Next();
        var environment = PodEnvironment(Helmlite.Render(
            "-f", Helmlite.ExamplePath("single-silo-memory.yaml"),
            "--set", $"service.targetPort={httpPort}",
            "--set", $"cluster.siloPort={FreePorts.Next()}",
            "--set", $"cluster.gatewayPort={FreePorts.Next()}"));
        environment["Scim__MaxRequestBodyBytes"] = "1.048576e+06";

        await using var pod = SiloProcess.StartWithEnvironment("float-pod", httpPort, environment);
        Assert.True(await pod.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host kept running with an unbindable setting");
        Assert.NotEqual(0, pod.ExitCode);
        Assert.Contains("Scim:MaxRequestBodyBytes", pod.Output(), StringComparison.Ordinal);
    }

    /// <summary>The container's environment as the kubelet resolves it in a pod on this machine.</summary>
    private static Dictionary<string, string> PodEnvironment(Manifests chart)
    {
        var secret = chart.OfKind("Secret").SingleOrDefault();
        var environment = new Dictionary<string, string>();
        foreach (var (name, entry) in chart.Env)
        {
            string? value = entry["value"] is { } literal
                ? Expand((string)literal!, environment)
                : entry["valueFrom"] switch
                {
                    { } from when from["fieldRef"] is { } field => FieldValue((string)field["fieldPath"]!),
                    { } from when from["secretKeyRef"] is { } key => SecretValue(secret, (string)key["key"]!, key["optional"]?.GetValue<bool>() ?? false),
                    _ => throw new NotSupportedException($"{name}: {entry.ToJsonString()}"),
                };
            if (value is not null)
            {
                environment[name] = value;
            }
        }

        return environment;
    }

    private static string FieldValue(string path) => path switch
    {
        "metadata.name" => "scim-orleans-scim-5d8c7b9f4-x2x7q",
        "metadata.namespace" => Helmlite.Namespace,
        "status.podIP" => "127.0.0.1",
        _ => throw new NotSupportedException(path),
    };

    private static string? SecretValue(JsonObject? secret, string key, bool optional)
    {
        if (secret?["stringData"]?[key] is { } text)
        {
            return (string)text!;
        }

        if (secret?["data"]?[key] is { } encoded)
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String((string)encoded!));
        }

        // An optional key that is missing leaves the variable unset; a required one keeps the pod from starting.
        return optional ? null : throw new InvalidOperationException($"The pod would not start: Secret key '{key}' is missing.");
    }

    /// <summary>Kubernetes' <c>$(VAR)</c>: a variable defined earlier in the list, else left as written.</summary>
    private static string Expand(string value, Dictionary<string, string> defined) =>
        Reference().Replace(value, m => defined.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
