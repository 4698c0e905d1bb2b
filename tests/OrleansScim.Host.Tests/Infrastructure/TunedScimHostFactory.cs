namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// A host with small limits so multi-segment listing, page-size limits, a public base URL and a
/// configured body limit can be exercised with a handful of resources.
/// </summary>
public sealed class TunedScimHostFactory : ScimHostFactory
{
    public const string PublicBaseUrl = "https://scim.example.com";
    public const int SegmentSize = 4;
    public const int DefaultPageSize = 5;
    public const int MaxPageSize = 10;
    public const int MaxRequestBodyBytes = 4096;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Scim:PublicBaseUrl"] = PublicBaseUrl + "/",
        ["Scim:SegmentSize"] = SegmentSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Scim:DefaultPageSize"] = DefaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Scim:MaxPageSize"] = MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Scim:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Tests that share one <see cref="TunedScimHostFactory"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TunedScimHostCollection : ICollectionFixture<TunedScimHostFactory>
{
    public const string Name = "tuned scim host";
}
