using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;
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

    /// <summary>The directory's copy that index-answered filters ask each candidate for: composed once per version.</summary>
    [Fact]
    public void TheDirectoryDocument_IsComposedOncePerVersion_AndAgainAfterClear()
    {
        var composed = 0;
        DirectoryDocument Compose(long version) { composed++; return new DirectoryDocument(7, "id", version, [(byte)composed]); }

        Assert.Null(_cache.TryGetDocument(1));
        var first = _cache.DocumentFor(1, () => Compose(1));
        Assert.Same(first, _cache.DocumentFor(1, () => Compose(1)));
        Assert.Same(first, _cache.TryGetDocument(1));
        Assert.Null(_cache.TryGetDocument(2));
        Assert.Equal(1, composed);

        Assert.Equal(2, _cache.DocumentFor(2, () => Compose(2)).Version);
        _cache.Clear();
        _cache.DocumentFor(2, () => Compose(2));
        Assert.Equal(3, composed);
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
