using System.Net;
using System.Text;

namespace OrleansScim.Storage.AzureTable.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP server answering every request with the next status of a script (the last one
/// repeats) and counting requests: a way to make a real Azure SDK client meet failures that Azurite
/// cannot be made to produce.
/// </summary>
internal sealed class ScriptedTableServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int[] _statuses;
    private readonly Task _serving;
    private int _requests;

    public ScriptedTableServer(params int[] statuses)
    {
        _statuses = statuses;
        Port = FreePorts.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = Interlocked.Increment(ref _requests);
            var status = _statuses[Math.Min(request, _statuses.Length) - 1];
            var code = status switch
            {
                404 => "ResourceNotFound",
                409 => "EntityAlreadyExists",
                412 => "UpdateConditionNotSatisfied",
                _ => "ServerBusy",
            };
            var body = Encoding.UTF8.GetBytes("{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"scripted\"}}}");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
            context.Response.Headers["x-ms-error-code"] = code;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
