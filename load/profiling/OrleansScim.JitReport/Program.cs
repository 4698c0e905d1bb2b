using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// What the JIT compiled while a host warmed up, from a trace taken with
// `dotnet-trace collect -p PID --providers Microsoft-Windows-DotNETRuntime:0x10:5` (the JIT keyword, verbose:
// one MethodLoadVerbose event per compiled method, with its optimization tier). Prints the methods compiled
// per interval by tier (when tier 1 arrives is when the host reaches its steady speed), then the counts by
// tier and namespace.
// Usage: dotnet run -c Release --project load/profiling/OrleansScim.JitReport -- TRACE.nettrace [INTERVAL_S] [ROWS]
var interval = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
var rows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30;
using var source = new EventPipeEventSource(args[0]);
var byInterval = new SortedDictionary<int, Dictionary<string, int>>();
var byNamespace = new Dictionary<string, int>();
double start = -1;
source.Clr.MethodLoadVerbose += (MethodLoadUnloadVerboseTraceData method) =>
{
    if (start < 0)
    {
        start = method.TimeStampRelativeMSec;
    }

    var slot = (int)((method.TimeStampRelativeMSec - start) / (interval * 1000));
    var tier = method.OptimizationTier.ToString();
    if (!byInterval.TryGetValue(slot, out var tiers))
    {
        byInterval[slot] = tiers = [];
    }

    tiers[tier] = tiers.GetValueOrDefault(tier) + 1;
    var ns = string.IsNullOrEmpty(method.MethodNamespace) ? "(dynamic)" : string.Join('.', method.MethodNamespace.Split('.').Take(2));
    var key = $"{tier,-28} {ns}";
    byNamespace[key] = byNamespace.GetValueOrDefault(key) + 1;
};
source.Process();

Console.WriteLine($"methods compiled: {byNamespace.Values.Sum():N0}");
Console.WriteLine("== by interval (seconds from the first compiled method) and tier");
foreach (var (slot, tiers) in byInterval)
{
    Console.WriteLine($"{slot * interval,6:F0}s  " + string.Join("  ", tiers.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));
}

Console.WriteLine("== by tier and namespace");
foreach (var (key, count) in byNamespace.OrderByDescending(x => x.Value).Take(rows))
{
    Console.WriteLine($"{count,7} {key}");
}
