using System.ComponentModel.DataAnnotations;

namespace OrleansScim.Host.Hosting;

/// <summary>Section <c>Scim</c> (HTTP side).</summary>
public sealed class ScimHttpOptions
{
    public const string Section = "Scim";

    /// <summary>
    /// Absolute origin clients reach the service at (e.g. <c>https://scim.example.com</c>), used in
    /// <c>scimBaseUrl</c>, <c>Location</c> and <c>meta.location</c>. When empty, the request's own
    /// scheme and host are used (honouring X-Forwarded-* when ASPNETCORE_FORWARDEDHEADERS_ENABLED=true).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest total size of the request headers; larger ones get 431 with an error body.</summary>
    [Range(4 * 1024, RequestSizeLimits.HardHeadersBytes)]
    public int MaxRequestHeadersBytes { get; set; } = 16 * 1024;

    /// <summary>Longest request line (method, path and query); longer ones get 414 with an error body.</summary>
    [Range(1024, RequestSizeLimits.HardRequestLineBytes)]
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    public bool HasValidPublicBaseUrl() =>
        string.IsNullOrEmpty(PublicBaseUrl)
        || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
