using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>
/// One real host process (<c>dotnet OrleansScim.Host.dll</c>: Kestrel plus a co-hosted silo) on its
/// own loopback ports, with its stdout and stderr kept for assertion messages. Disposing kills it.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Stopwatch _age = Stopwatch.StartNew();

    private SiloProcess(string name, int httpPort, int siloPort, int gatewayPort, IReadOnlyDictionary<string, string> settings, bool exactly = false)
    {
        Name = name;
        HttpPort = httpPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        Http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = BaseAddress,
            // Above Orleans' 30 s response timeout: a hung request shows up as the service's 503, not ours.
            Timeout = TimeSpan.FromSeconds(45),
        };

        var hostDll = HostBinary.Dll();
        var startInfo = new ProcessStartInfo(HostBinary.Dotnet())
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(hostDll);
        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key] = value;
        }

        if (!exactly)
        {
            startInfo.ArgumentList.Add("--urls");
            startInfo.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
            startInfo.Environment["Cluster__SiloName"] = name;
            startInfo.Environment["Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
            startInfo.Environment["Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        }

        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(e.Data, null);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, "stderr: ");
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client of this silo's HTTP front end only.</summary>
    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the host with the given settings (environment variables) on fresh ports; does not wait.</summary>
    public static SiloProcess Start(string name, IReadOnlyDictionary<string, string> settings) =>
        new(name, FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), settings);

    /// <summary>
    /// Starts the host with exactly <paramref name="environment"/> and no arguments (a pod's environment, whose
    /// ASPNETCORE_URLS must listen on <paramref name="httpPort"/>); does not wait.
    /// </summary>
    public static SiloProcess StartWithEnvironment(string name, int httpPort, IReadOnlyDictionary<string, string> environment) =>
        new(name, httpPort, 0, 0, environment, exactly: true);

    /// <summary>Waits until <c>/health/ready</c> says the silo is an active cluster member.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"Silo {Name} exited with code {_process.ExitCode} before it was ready:\n{Output()}");
            }

            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await Http.GetAsync("/health/ready", attempt.Token);
                if (response.IsSuccessStatusCode)
                {
                    Log($"ready after {clock.Elapsed.TotalSeconds:F1} s");
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"Silo {Name} was not ready within {ReadyTimeout.TotalSeconds} s:\n{Output()}");
            }

            // Polling interval of the readiness probe, not a wait for a guessed duration.
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the process dies at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        Log("SIGKILL");
        _process.Kill(entireProcessTree: true);
    }

    /// <summary>SIGTERM, as Kubernetes sends before a pod's grace period: the host stops gracefully.</summary>
    public void Terminate()
    {
        Log("SIGTERM");
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({_process.Id}, SIGTERM) failed");
        }
    }

    /// <summary>Waits for the process to exit; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// The process's output so far for assertion messages: all of it, or when longer than
    /// <paramref name="maxChars"/>, its start (how it started and joined) and its end (how it failed).
    /// </summary>
    public string Output(int maxChars = 16_000)
    {
        const int head = 4_000;
        lock (_output)
        {
            return _output.Length <= maxChars
                ? _output.ToString()
                : _output.ToString(0, head) + "\n[...]\n" + _output.ToString(_output.Length - (maxChars - head), maxChars - head);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Http.Dispose();
    }

    public override string ToString() => $"{Name} ({BaseAddress}, silo port {SiloPort})";

    private void Log(string line) => Append($"[test {_age.Elapsed.TotalSeconds:F2} s] {line}", null);

    private void Append(string? line, string? prefix)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Append(prefix).AppendLine(line);
            }
        }
    }

    /// <summary>The host built in the same configuration as this test assembly (building this project builds it).</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
