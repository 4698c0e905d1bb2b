namespace OrleansScim.Host.Tests.Telemetry;

/// <summary>Telemetry tests run alone: OpenTelemetry selects meters by name, and every host in the process has one named OrleansScim.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
