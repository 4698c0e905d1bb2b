using System.ComponentModel.DataAnnotations;

namespace OrleansScim.Host.Bulk;

/// <summary>
/// Section <c>Scim</c>, the /Bulk limits (RFC 7644 §3.7.4). The payload limit is the service's request
/// body limit (<c>Scim:MaxRequestBodyBytes</c>), so /ServiceProviderConfig advertises that as maxPayloadSize.
/// </summary>
public sealed class BulkOptions
{
    public const string Section = "Scim";

    /// <summary>Most operations one bulk request may hold; more get 413 with scimType tooMany.</summary>
    [Range(1, 10_000)]
    public int BulkMaxOperations { get; set; } = 1000;
}
