using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// A host whose log lines are kept for tests to read: its own (OrleansScim categories) from Information up,
/// everyone else's (ASP.NET Core, Orleans, storage) from Warning up.
/// </summary>
public sealed class LogCapturingHostFactory : ScimHostFactory
{
    private readonly CapturingLoggerProvider _provider = new();

    /// <summary>Lines of the authentication categories.</summary>
    public IReadOnlyCollection<string> AuthenticationLog => [.. _provider.Lines.Where(l => l.Category.StartsWith("OrleansScim.Host.Auth", StringComparison.Ordinal)).Select(l => l.Text)];

    /// <summary>Every captured line with its level and category.</summary>
    public IReadOnlyCollection<LogLine> Log => _provider.Lines;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:OrleansScim"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(_provider));
    }

    public sealed record LogLine(LogLevel Level, string Category, string Text);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogLine> _lines = new();

        public IReadOnlyCollection<LogLine> Lines => _lines;

        public ILogger CreateLogger(string categoryName) =>
            new Logger(categoryName, categoryName.StartsWith("OrleansScim", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, LogLevel minimum, ConcurrentQueue<LogLine> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue(new LogLine(logLevel, category, $"{category}: {formatter(state, exception)} {exception}"));
                }
            }
        }
    }
}
