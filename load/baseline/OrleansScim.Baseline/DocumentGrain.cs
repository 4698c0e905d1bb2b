using Orleans.Concurrency;

namespace OrleansScim.Baseline;

[Alias("baseline.IDocumentGrain")]
public interface IDocumentGrain : IGrainWithStringKey
{
    [ReadOnly, Alias("Get")]
    Task<Document> GetAsync();
}

/// <summary>The answer's bytes; immutable, so a co-hosted call hands them over without a copy (as the SCIM grains' results are).</summary>
[GenerateSerializer, Immutable, Alias("baseline.Document")]
public sealed record Document([property: Id(0)] byte[] Bytes);

/// <summary>Answers with the same cached task every time, as a SCIM user grain answers a plain GET from its response cache.</summary>
public sealed class DocumentGrain : Grain, IDocumentGrain
{
    private Task<Document>? _answer;

    /// <summary>Set once at start from the --Document file.</summary>
    public static byte[] Bytes { get; set; } = [];

    public Task<Document> GetAsync() => _answer ??= Task.FromResult(new Document(Bytes));
}
