using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrleansScim.Grains.Tenants;
using OrleansScim.Host.Auth;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// A host with production-like limits on failed authentications (5 at once, 1 a second per address and
/// scope), one trusted proxy, and token lookups counted (every lookup the silo's cache cannot answer is a
/// token-grain call, a storage read in durable mode).
/// </summary>
public sealed class GuardedHostFactory : ScimHostFactory
{
    public const int FailureBurst = 5;
    public const string TrustedProxy = "10.99.0.1";

    public CountingTokenRecordSource Lookups { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throttling:UnauthenticatedRequestsPerSecond"] = "1",
        ["Throttling:UnauthenticatedBurst"] = FailureBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
        ["Logging:LogLevel:Microsoft.AspNetCore.Authentication"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ITokenRecordSource>(sp =>
        {
            Lookups.Inner = new GrainTokenRecordSource(sp.GetRequiredService<IGrainFactory>());
            return Lookups;
        }));
    }

    /// <summary>Counts lookups per token id on their way to the token grains.</summary>
    public sealed class CountingTokenRecordSource : ITokenRecordSource
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new();

        public ITokenRecordSource? Inner { get; set; }

        public int Total => _counts.Values.Sum();

        public int For(string tokenId) => _counts.GetValueOrDefault(tokenId);

        public ValueTask<TokenRecord?> FindAsync(string tokenId, CancellationToken cancellationToken)
        {
            _counts.AddOrUpdate(tokenId, 1, (_, n) => n + 1);
            return Inner!.FindAsync(tokenId, cancellationToken);
        }
    }
}
