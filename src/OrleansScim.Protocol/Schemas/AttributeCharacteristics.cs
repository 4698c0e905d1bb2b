namespace OrleansScim.Protocol.Schemas;

/// <summary>RFC 7643 §2.3 data types.</summary>
#pragma warning disable CA1720 // The members are named after the RFC 7643 data types they stand for.
public enum AttributeType
{
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Binary,
    Reference,
    Complex,
}
#pragma warning restore CA1720

/// <summary>RFC 7643 §7 "mutability".</summary>
public enum Mutability
{
    ReadWrite,
    ReadOnly,
    Immutable,
    WriteOnly,
}

/// <summary>RFC 7643 §7 "returned".</summary>
public enum Returned
{
    Default,
    Always,
    Never,
    Request,
}

/// <summary>RFC 7643 §7 "uniqueness".</summary>
public enum Uniqueness
{
    None,
    Server,
    Global,
}
