namespace OrleansScim.Protocol.Errors;

/// <summary>
/// A failure that maps to one SCIM error response (RFC 7644 §3.12). Thrown by the pure protocol
/// functions; grains translate it to a serializable outcome before it crosses a grain boundary.
/// </summary>
public sealed class ScimException : Exception
{
    public ScimException(int status, string? scimType, string detail)
        : base(detail)
    {
        Status = status;
        ScimType = scimType;
    }

    public ScimException()
        : this(500, null, "Internal error.")
    {
    }

    public ScimException(string message)
        : this(400, null, message)
    {
    }

    public ScimException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
    }

    public int Status { get; }

    public string? ScimType { get; }

    public string Detail => Message;

    public static ScimException BadRequest(string scimType, string detail) => new(400, scimType, detail);

    public static ScimException InvalidValue(string detail) => new(400, ScimErrorType.InvalidValue, detail);

    public static ScimException InvalidSyntax(string detail) => new(400, ScimErrorType.InvalidSyntax, detail);

    public static ScimException InvalidPath(string detail) => new(400, ScimErrorType.InvalidPath, detail);

    public static ScimException InvalidFilter(string detail) => new(400, ScimErrorType.InvalidFilter, detail);

    public static ScimException Mutability(string detail) => new(400, ScimErrorType.Mutability, detail);

    public static ScimException NoTarget(string detail) => new(400, ScimErrorType.NoTarget, detail);

    public static ScimException Uniqueness(string detail) => new(409, ScimErrorType.Uniqueness, detail);

    public static ScimException NotFound(string detail) => new(404, null, detail);

    public static ScimException PreconditionFailed(string detail) => new(412, null, detail);
}
