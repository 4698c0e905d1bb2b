using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project load/benchmarks/OrleansScim.Benchmarks -- --filter '*' [--job short|dry]
// See ../RESULTS.md. Median is shown next to Mean: on a shared, noisy machine it is the steadier of the two.
// "state-sizes" prints the serialized sizes of the grain state samples instead (GrainStateSerializerBenchmarks).
if (args is ["state-sizes"])
{
    OrleansScim.Benchmarks.GrainStateSamples.PrintSizes();
    return;
}

var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
