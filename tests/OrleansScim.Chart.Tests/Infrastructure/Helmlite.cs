using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OrleansScim.Chart.Tests.Infrastructure;

/// <summary>
/// Renders helm/orleans-scim with helmlite, the offline renderer of the <c>helm template</c> subset that the
/// build machines carry at <c>../shared/tools/helmlite/helmlite</c> beside the repository (no helm binary or
/// cluster exists there). <c>HELMLITE</c> names another copy. Always with <c>--check</c>: every document
/// must parse strictly and be a well-formed object, as kubectl would require.
/// </summary>
public static class Helmlite
{
    public const string Release = "scim";
    public const string Namespace = "identity";

    public static string ChartDirectory => Path.Combine(RepositoryRoot.Find(), "helm", "orleans-scim");

    public static string ExamplePath(string name) => Path.Combine(ChartDirectory, "examples", name);

    public static IEnumerable<string> Examples() =>
        Directory.EnumerateFiles(Path.Combine(ChartDirectory, "examples"), "*.yaml").Select(Path.GetFileName).Order()!;

    /// <summary>Renders with the given arguments (<c>-f</c>, <c>--set</c> …); throws with helmlite's message when it fails.</summary>
    public static Manifests Render(params string[] arguments)
    {
        var (exitCode, output, error) = Run(arguments);
        return exitCode == 0 ? new Manifests(output) : throw new InvalidOperationException($"helmlite exited with {exitCode}: {error}{output}");
    }

    /// <summary>The failure message of a render that must fail (a chart <c>fail</c> or <c>required</c>).</summary>
    public static string RenderFailure(params string[] arguments)
    {
        var (exitCode, output, error) = Run(arguments);
        Assert.True(exitCode != 0, $"expected the render to fail, it rendered:\n{output}");
        return error + output;
    }

    public static string Notes(params string[] arguments)
    {
        var (exitCode, output, error) = Run([.. arguments, "--notes"]);
        return exitCode == 0 ? output : throw new InvalidOperationException($"helmlite exited with {exitCode}: {error}");
    }

    private static (int ExitCode, string Output, string Error) Run(string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ChartDirectory, "--name", Release, "-n", Namespace, "--kube-version", "v1.30.0", "--check" }.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static string Executable()
    {
        if (Environment.GetEnvironmentVariable("HELMLITE") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(RepositoryRoot.Find()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "tools", "helmlite", "helmlite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // The build machines' own copy, wherever the repository was cloned.
        const string machineCopy = "/work/shared/tools/helmlite/helmlite";
        return File.Exists(machineCopy)
            ? machineCopy
            : throw new InvalidOperationException("helmlite was not found in shared/tools/helmlite/ above the repository or in /work/shared; set HELMLITE to its path.");
    }
}

/// <summary>The rendered documents, looked up by kind (and name).</summary>
public sealed class Manifests(string text)
{
    public string Text { get; } = text;

    public IReadOnlyList<JsonObject> All { get; } = [.. Yaml.ParseAll(text).OfType<JsonObject>()];

    public IEnumerable<JsonObject> OfKind(string kind) => All.Where(d => (string?)d["kind"] == kind);

    public JsonObject One(string kind) => Assert.Single(OfKind(kind));

    public JsonObject Deployment => One("Deployment");

    public JsonObject PodSpec => Deployment["spec"]!["template"]!["spec"]!.AsObject();

    public JsonObject Container => PodSpec["containers"]![0]!.AsObject();

    /// <summary>The container's env entries by name (value, or the valueFrom object).</summary>
    public IReadOnlyDictionary<string, JsonObject> Env => Container["env"]!.AsArray().Select(e => e!.AsObject()).ToDictionary(e => (string)e["name"]!);

    public string? EnvValue(string name) => Env.TryGetValue(name, out var entry) ? (string?)entry["value"] : null;
}
