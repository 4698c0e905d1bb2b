namespace OrleansScim.Grains.Throttling;

/// <summary>A token bucket: <see cref="RequestsPerSecond"/> sustained, up to <see cref="Burst"/> at once.</summary>
[GenerateSerializer, Immutable, Alias("scim.RateLimit")]
public sealed record RateLimit([property: Id(0)] double RequestsPerSecond, [property: Id(1)] int Burst);

/// <summary>Permits handed to one front end, or when to come back if there are none.</summary>
[GenerateSerializer, Immutable, Alias("scim.PermitLease")]
public sealed record PermitLease([property: Id(0)] int Granted, [property: Id(1)] TimeSpan RetryAfter, [property: Id(2)] RateLimit Limit);

/// <summary>The effective limit of a tenant and whether it is the tenant's own or the service default.</summary>
[GenerateSerializer, Immutable, Alias("scim.TenantLimit")]
public sealed record TenantLimit([property: Id(0)] RateLimit Limit, [property: Id(1)] bool IsOverride);
