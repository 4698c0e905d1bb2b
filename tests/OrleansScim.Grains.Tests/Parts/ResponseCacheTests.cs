using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Resources;

namespace OrleansScim.Grains.Tests.Parts;

/// <summary>The whole-representation response a resource keeps for plain GETs at one base URL.</summary>
public sealed class ResponseCacheTests
{
    private readonly ResponseCache _cache = new();

    [Fact]
    public void APlainGet_AtTheCachedBaseUrl_IsAnsweredFromTheCache_AnythingElseIsNot()
    {
        var body = _cache.BodyFor("https://a/scim", () => [1, 2, 3]);
        _cache.KeepGetResponse(new ResourceResult { Outcome = ResourceOutcome.Found, Document = body });

        Assert.NotNull(_cache.TryGet(Request("https://a/scim")));
        Assert.Null(_cache.TryGet(Request("https://b/scim")));
        Assert.Null(_cache.TryGet(Request("https://a/scim") with { Attributes = "userName" }));
        Assert.Null(_cache.TryGet(Request("https://a/scim") with { ExcludedAttributes = "emails" }));
        Assert.Null(_cache.TryGet(Request("https://a/scim") with { IfNoneMatch = "W/\"1\"" }));
    }

    [Fact]
    public void TheBody_IsSerializedOncePerBaseUrl_AndAgainAfterClear()
    {
        var serialized = 0;
        byte[] Serialize() { serialized++; return [(byte)serialized]; }

        _cache.BodyFor("https://a/scim", Serialize);
        _cache.BodyFor("https://a/scim", Serialize);
        Assert.Equal(1, serialized);

        _cache.BodyFor("https://b/scim", Serialize);
        Assert.Equal(2, serialized);

        _cache.KeepGetResponse(new ResourceResult { Outcome = ResourceOutcome.Found });
        _cache.Clear();
        Assert.Null(_cache.TryGet(Request("https://b/scim")));
        _cache.BodyFor("https://b/scim", Serialize);
        Assert.Equal(3, serialized);
    }

    private static ResourceRequest Request(string baseUrl) => new() { BaseUrl = baseUrl };
}
