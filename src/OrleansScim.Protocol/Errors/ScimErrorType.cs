namespace OrleansScim.Protocol.Errors;

/// <summary>The <c>scimType</c> values of RFC 7644 §3.12, table 9.</summary>
public static class ScimErrorType
{
    public const string InvalidFilter = "invalidFilter";
    public const string TooMany = "tooMany";
    public const string Uniqueness = "uniqueness";
    public const string Mutability = "mutability";
    public const string InvalidSyntax = "invalidSyntax";
    public const string InvalidPath = "invalidPath";
    public const string NoTarget = "noTarget";
    public const string InvalidValue = "invalidValue";
    public const string InvalidVersion = "invalidVers";
    public const string Sensitive = "sensitive";

    /// <summary>draft-ietf-scim-cursor-pagination §3: the cursor is not valid (unknown, expired or tampered).</summary>
    public const string InvalidCursor = "invalidCursor";

    /// <summary>draft-ietf-scim-cursor-pagination §3: the cursor has expired.</summary>
    public const string ExpiredCursor = "expiredCursor";
}
