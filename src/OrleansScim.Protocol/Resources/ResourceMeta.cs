using System.Globalization;

namespace OrleansScim.Protocol.Resources;

/// <summary>The service-managed part of a resource's <c>meta</c> (RFC 7643 §3.1).</summary>
public sealed record ResourceMeta(string ResourceType, DateTimeOffset Created, DateTimeOffset LastModified, long Version)
{
    /// <summary>The weak entity tag used for <c>meta.version</c> and the HTTP ETag header (RFC 7644 §3.14).</summary>
    public string ETag => FormatETag(Version);

    public static string FormatETag(long version) => "W/\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";
}
