using System.Reflection;

namespace OrleansScim.Testing;

/// <summary>Where the built host is and how to run it as its own process (<c>dotnet OrleansScim.Host.dll</c>).</summary>
public static class HostBinary
{
    /// <summary>The host built in the configuration the tests were built in.</summary>
    public static string Dll()
    {
        var configuration = typeof(HostBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(RepositoryRoot.Find(), "src", "OrleansScim.Host", "bin", configuration, "net10.0", "OrleansScim.Host.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The host is not built at {path}: run `dotnet build -c {configuration}` (building this test project builds it).");
    }

    /// <summary>The dotnet executable running the tests, so the host runs on the same runtime.</summary>
    public static string Dotnet()
    {
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
