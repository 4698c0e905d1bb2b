using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>
/// One request of a load: where it went, when (seconds on the load's clock: started, fully written to
/// the connection when known, ended) and how it ended.
/// </summary>
public sealed record RequestRecord(string Silo, string Operation, double Start, double? Sent, double End, HttpStatusCode? Status, string? Error)
{
    public bool Succeeded => Status is { } status && (int)status is >= 200 and < 300;

    /// <summary>What a client may see while a silo fails: a 5xx, a connection error or a timeout.</summary>
    public bool IsTransientFailure => Error is not null || (Status is { } status && (int)status >= 500);

    public override string ToString() =>
        $"{Start,7:F2}-{End,7:F2} s{(Sent is { } sent ? $" (sent {sent:F2} s)" : string.Empty)} {Silo} {Operation}: {(Status is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : Error)}";
}

/// <summary>Every request of a load, timed on one clock, so assertions can talk about "before the kill" and "after the window".</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestRecord> _records = new();

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public double Now => Clock.Elapsed.TotalSeconds;

    public IReadOnlyList<RequestRecord> Records => [.. _records.OrderBy(r => r.Start)];

    /// <summary>
    /// Sends a request and records how it ended; null when it failed without an HTTP answer.
    /// <paramref name="sent"/> tells when the request was fully written, where the caller knows.
    /// </summary>
    public async Task<Reply?> SendAsync(SiloProcess silo, string operation, Func<Task<Reply>> send, Func<double?>? sent = null)
    {
        var start = Now;
        try
        {
            var reply = await send();
            _records.Enqueue(new RequestRecord(silo.Name, operation, start, sent?.Invoke(), Now, reply.Status, null));
            return reply;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            _records.Enqueue(new RequestRecord(silo.Name, operation, start, sent?.Invoke(), Now, null, $"{e.GetType().Name}: {e.Message}"));
            return null;
        }
    }

    public static string Describe(IEnumerable<RequestRecord> records, int max = 60)
    {
        var list = records.ToList();
        var text = new StringBuilder();
        foreach (var record in list.Take(max))
        {
            text.AppendLine(record.ToString());
        }

        if (list.Count > max)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"... and {list.Count - max} more");
        }

        return text.ToString();
    }
}
