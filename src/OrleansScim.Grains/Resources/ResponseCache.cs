using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;

namespace OrleansScim.Grains.Resources;

/// <summary>
/// A resource's whole-representation response, kept per SCIM base URL: the common read (whole resource,
/// same base URL as last time) is then answered without any allocation, which is what provisioning
/// clients and GET-heavy load do most. Also the directory's copy (no location), which filters answered from
/// an index read for each candidate. Cleared whenever the representation may have changed; an activation
/// holds them only while it is in use (idle users and groups are deactivated after half a minute).
/// </summary>
public sealed class ResponseCache
{
    private string? _baseUrl;
    private byte[]? _body;
    private Task<ResourceResult>? _get;
    private DirectoryDocument? _document;

    /// <summary>The cached answer to a plain GET (no attributes, no If-None-Match) at the cached base URL, else null.</summary>
    public Task<ResourceResult>? TryGet(ResourceRequest request) =>
        _get is { } cached && request is { Attributes: null, ExcludedAttributes: null, IfNoneMatch: null } && request.BaseUrl == _baseUrl
            ? cached
            : null;

    /// <summary>The serialized whole representation at <paramref name="baseUrl"/>, composed by <paramref name="serialize"/> when not cached.</summary>
    public byte[] BodyFor(string baseUrl, Func<byte[]> serialize)
    {
        if (_body is null || _baseUrl != baseUrl)
        {
            _body = serialize();
            _baseUrl = baseUrl;
            _get = null;
        }

        return _body;
    }

    /// <summary>Keeps a whole-representation answer made from <see cref="BodyFor"/> for <see cref="TryGet"/>.</summary>
    public void KeepGetResponse(ResourceResult response) => _get = Task.FromResult(response);

    /// <summary>The directory's copy of version <paramref name="version"/> when it is cached, else null.</summary>
    public DirectoryDocument? TryGetDocument(long version) => _document is { } cached && cached.Version == version ? cached : null;

    /// <summary>The directory's copy of version <paramref name="version"/>, composed by <paramref name="compose"/> when not cached.</summary>
    public DirectoryDocument DocumentFor(long version, Func<DirectoryDocument> compose)
    {
        return TryGetDocument(version) ?? (_document = compose());
    }

    public void Clear()
    {
        _document = null;
        _body = null;
        _baseUrl = null;
        _get = null;
    }
}
