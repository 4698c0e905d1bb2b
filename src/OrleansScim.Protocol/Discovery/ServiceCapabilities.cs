namespace OrleansScim.Protocol.Discovery;

/// <summary>
/// What this deployment really supports; <see cref="ServiceProviderConfigDocument"/> renders it, so
/// /ServiceProviderConfig advertises exactly what the endpoints do (RFC 7643 §5).
/// </summary>
public sealed record ServiceCapabilities
{
    public bool Patch { get; init; } = true;

    public bool ChangePassword { get; init; } = true;

    public bool Sort { get; init; }

    public bool ETag { get; init; } = true;

    public int FilterMaxResults { get; init; } = 1000;

    public bool Bulk { get; init; }

    public int BulkMaxOperations { get; init; }

    public int BulkMaxPayloadSize { get; init; }

    public bool CursorPagination { get; init; }

    public int DefaultPageSize { get; init; } = 100;

    public int MaxPageSize { get; init; } = 1000;

    public int CursorTimeoutSeconds { get; init; } = 3600;

    public string? DocumentationUri { get; init; }
}
