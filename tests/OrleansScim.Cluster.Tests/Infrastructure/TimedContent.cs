using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>
/// A JSON request body that notes when it has been fully written to the connection, and can stop
/// halfway until released: a request that is certainly in flight on the server (headers and half
/// the body received) for as long as the test wants.
/// </summary>
internal sealed class TimedContent : HttpContent
{
    private readonly byte[] _body;
    private readonly RequestLog _log;
    private readonly bool _pauseHalfway;
    private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimedContent(string json, RequestLog log, bool pauseHalfway = false)
    {
        _body = Encoding.UTF8.GetBytes(json);
        _log = log;
        _pauseHalfway = pauseHalfway;
        Headers.ContentType = new MediaTypeHeaderValue(Reply.ScimMediaType) { CharSet = "utf-8" };
    }

    /// <summary>On the load's clock: when the whole request had been written, or null if it never was.</summary>
    public double? SentAt { get; private set; }

    /// <summary>Completes once the headers and the first half of the body are on the wire.</summary>
    public Task HalfSent => _halfSent.Task;

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var half = _pauseHalfway ? _body.Length / 2 : _body.Length;
        await stream.WriteAsync(_body.AsMemory(0, half));
        if (_pauseHalfway)
        {
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _released.Task;
            await stream.WriteAsync(_body.AsMemory(half));
        }

        await stream.FlushAsync();
        SentAt = _log.Now;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
