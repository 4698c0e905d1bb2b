using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansScim.Testing;

/// <summary>
/// A server process started for the tests on a free loopback port, in its own temporary folder;
/// its whole process tree is killed on dispose.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private LocalServer(Process process, StringBuilder output, int port, string directory)
    {
        _process = process;
        _output = output;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>The full path of <paramref name="program"/> in a folder of PATH, or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts <paramref name="fileName"/> and returns once its port accepts connections.</summary>
    public static async Task<LocalServer> StartAsync(string fileName, Func<int, string, IEnumerable<string>> arguments)
    {
        var port = FreePorts.Next();
        var directory = System.IO.Directory.CreateTempSubdirectory("orleansscim-test-").FullName;
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments(port, directory))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new LocalServer(process, output, port, directory);
        try
        {
            await server.WaitUntilListeningAsync(Path.GetFileName(fileName));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
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
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(string name)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // Without a timeout this also waits until the redirected output is fully read.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"{name} exited with code {_process.ExitCode} before listening on port {Port}:\n{Output()}");
            }

            using var client = new TcpClient();
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                await client.ConnectAsync(IPAddress.Loopback, Port, attempt.Token);
                return;
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                if (deadline.Elapsed > StartTimeout)
                {
                    throw new TimeoutException($"{name} did not listen on port {Port} within {StartTimeout.TotalSeconds} s:\n{Output()}");
                }
            }

            // Polling interval between connection attempts, not a wait for a guessed duration.
            await Task.Delay(50);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
