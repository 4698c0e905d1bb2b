namespace OrleansScim.GrainStorage.Tests.Grains;

[GenerateSerializer]
[Alias("OrleansScim.GrainStorage.Tests.TestState")]
public sealed class TestState
{
    [Id(0)]
    public string Text { get; set; } = string.Empty;

    [Id(1)]
    public int Counter { get; set; }
}
