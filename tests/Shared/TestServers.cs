using System.Globalization;

namespace OrleansScim.Testing;

/// <summary>
/// The real servers storage tests run against, each started on a free loopback port with its data in a
/// temp folder: Azurite's table service (from the repository's node_modules) and redis-server. Missing
/// servers fail with how to install them (scripts/install-test-deps.sh); nothing is skipped.
/// </summary>
public static class TestServers
{
    /// <summary>Azurite's well-known development account key (public, not a secret; as in Azurite's source).</summary>
    public const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string AzuriteConnectionString(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static string RedisConnectionString(int port) => $"127.0.0.1:{port}";

    public static Task<LocalServer> StartAzuriteAsync()
    {
        var root = RepositoryRoot.Find();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed ({azurite} is missing): run `npm ci` in {root} (or scripts/install-test-deps.sh).");
        }

        return LocalServer.StartAsync(azurite, (port, directory) =>
        [
            "--tableHost", "127.0.0.1",
            "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--location", directory,
            "--skipApiVersionCheck",
            "--disableTelemetry",
            "--silent",
        ]);
    }

    public static Task<LocalServer> StartRedisAsync()
    {
        var redisServer = LocalServer.FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not on PATH: install it (Debian: apt-get install redis-server, or run scripts/install-test-deps.sh).");
        return LocalServer.StartAsync(redisServer, (port, directory) =>
        [
            "--save", "",
            "--appendonly", "no",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", directory,
        ]);
    }
}
