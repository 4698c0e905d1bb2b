using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Throttling;

/// <summary>A host with the production-like limiter settings the throttling tests need.</summary>
public sealed class ThrottledHostFactory : ScimHostFactory
{
    public const int AnonymousBurst = 4;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throttling:RequestsPerSecond"] = "1000",
        ["Throttling:Burst"] = "1000",
        ["Throttling:UnauthenticatedRequestsPerSecond"] = "1",
        ["Throttling:UnauthenticatedBurst"] = AnonymousBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Runs alone (not beside other collections): its accuracy test compares accepted requests with wall-clock time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThrottledHostCollection : ICollectionFixture<ThrottledHostFactory>
{
    public const string Name = "throttled host";
}
