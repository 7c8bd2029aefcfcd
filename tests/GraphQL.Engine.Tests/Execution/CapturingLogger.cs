using Microsoft.Extensions.Logging;

namespace InclusionNetwork.GraphQL.Engine.Tests.Execution;

/// <summary>Keeps what is logged, so tests can check that failures are logged with their details.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add(new Entry(logLevel, formatter(state, exception), exception));
        }
    }

    public sealed record Entry(LogLevel Level, string Message, Exception? Exception);
}
