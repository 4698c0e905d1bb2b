using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// What allocates in a trace taken with `dotnet-trace collect -p PID --profile gc-verbose`: the sampled
// allocation bytes (GCAllocationTick, about one sample per 100 KB) by type, and by type and the first
// OrleansScim frame on the allocating stack (or the first frame outside System.*).
// Usage: dotnet run -c Release --project load/profiling/OrleansScim.AllocationReport -- TRACE.nettrace [ROWS]
var rows = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byType = new Dictionary<string, long>();
var bySite = new Dictionary<string, long>();
long total = 0;
foreach (var data in log.Events)
{
    if (data is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    var frames = new List<string>();
    for (var frame = data.CallStack(); frame != null && frames.Count < 40; frame = frame.Caller)
    {
        if (!string.IsNullOrEmpty(frame.CodeAddress.FullMethodName))
        {
            frames.Add(frame.CodeAddress.FullMethodName);
        }
    }

    var site = frames.FirstOrDefault(f => f.Contains("OrleansScim", StringComparison.Ordinal))
        ?? frames.FirstOrDefault(f => !f.StartsWith("System.", StringComparison.Ordinal)) ?? "?";
    var size = tick.AllocationAmount64;
    total += size;
    byType[tick.TypeName] = byType.GetValueOrDefault(tick.TypeName) + size;
    var key = tick.TypeName + "  @ " + (site.Length > 110 ? site[..110] : site);
    bySite[key] = bySite.GetValueOrDefault(key) + size;
}

Console.WriteLine($"sampled allocation bytes: {total:N0}");
Console.WriteLine("== by type");
foreach (var (type, bytes) in byType.OrderByDescending(x => x.Value).Take(rows))
{
    Console.WriteLine($"{100.0 * bytes / total,5:F1}% {type}");
}

Console.WriteLine("== by type and call site");
foreach (var (site, bytes) in bySite.OrderByDescending(x => x.Value).Take(rows))
{
    Console.WriteLine($"{100.0 * bytes / total,5:F1}% {site}");
}
