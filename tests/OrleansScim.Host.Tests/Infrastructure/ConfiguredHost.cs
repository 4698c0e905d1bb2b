namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>A host of its own with some settings changed, e.g. to see it refuse them at start.</summary>
public sealed class ConfiguredHost(Dictionary<string, string?> settings) : ScimHostFactory
{
    protected override IDictionary<string, string?> Settings => settings;

    /// <summary>Starts the host and returns why it would not start (the failure with its inner ones as one text).</summary>
    public string StartFailure() => Flatten(Assert.ThrowsAny<Exception>(() => CreateClient()));

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten)) : exception.ToString();
}
