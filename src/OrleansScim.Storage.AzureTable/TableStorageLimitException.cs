namespace OrleansScim.Storage.AzureTable;

/// <summary>
/// A key or a state does not fit in an Azure Table entity. Thrown before anything is sent, so the
/// stored record, if any, is left as it was.
/// </summary>
public sealed class TableStorageLimitException : Exception
{
    public TableStorageLimitException()
    {
    }

    public TableStorageLimitException(string message)
        : base(message)
    {
    }

    public TableStorageLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableStorageLimitException(string message, long actualSize, long limit)
        : base(message)
    {
        ActualSize = actualSize;
        Limit = limit;
    }

    /// <summary>Size of the key (characters) or of the serialized state (bytes).</summary>
    public long ActualSize { get; }

    /// <summary>The limit that <see cref="ActualSize"/> exceeds, in the same unit.</summary>
    public long Limit { get; }
}
