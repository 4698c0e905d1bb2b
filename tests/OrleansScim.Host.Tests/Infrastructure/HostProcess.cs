using System.Diagnostics;
using System.Text;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// The host run as a user runs it (<c>dotnet OrleansScim.Host.dll</c>, its own process, real Kestrel), for
/// what the in-memory test server cannot show: listeners, ports, Kestrel's own limits. Killed on dispose.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process) => _process = process;

    /// <summary>Starts the host with these arguments and environment (fresh silo ports added) and waits until <paramref name="probe"/> answers.</summary>
    public static async Task<HostProcess> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Uri probe)
    {
        var dll = HostBinary.Dll();
        var startInfo = new ProcessStartInfo(HostBinary.Dotnet())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["Cluster__SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["Cluster__GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["Cluster__ClusterId"] = "proc-" + Guid.NewGuid().ToString("N");
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var host = new HostProcess(new Process { StartInfo = startInfo });
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilAnswersAsync(probe);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilAnswersAsync(Uri probe)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before answering {probe}:\n{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(probe);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The host did not answer {probe} within {StartTimeout.TotalSeconds} s:\n{Output()}");
            }

            // Polling interval of the start-up probe, not a wait for a guessed duration.
            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
