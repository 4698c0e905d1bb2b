namespace OrleansScim.Host.Tests.Throttling;

/// <summary>
/// Tests that compare accepted requests with wall-clock time run alone, not next to other test
/// collections competing for the same two cores, so a count measures the limiter, not the machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "timing sensitive";
}
