using System.Collections.Concurrent;
using System.Diagnostics;

namespace InclusionNetwork.Silo.Cluster;

/// <summary>
/// Every grain call this silo runs is counted by grain and method; a failure is logged at
/// once with the grain, method and elapsed time as structured fields, and the counts are
/// logged once a minute, so operators see load and faults per grain in the logs they already
/// collect (the dashboard shows the same live).
/// </summary>
public sealed partial class GrainCallLogging(ILogger<GrainCallLogging> logger, TimeProvider time) : IIncomingGrainCallFilter, IHostedService, IDisposable
{
    private static readonly TimeSpan SummaryPeriod = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Grain, string Method), CallCounts> counts = new();
    private ITimer? summary;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        // Orleans' own system calls are not the application's load.
        if (!ApplicationGrainCalls.IsApplicationCall(context.InterfaceMethod))
        {
            await context.Invoke();
            return;
        }
        var entry = counts.GetOrAdd((context.InterfaceMethod!.DeclaringType!.Name, context.InterfaceMethod.Name), _ => new CallCounts());
        var started = Stopwatch.GetTimestamp();
        try
        {
            await context.Invoke();
            Interlocked.Increment(ref entry.Calls);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref entry.Calls);
            Interlocked.Increment(ref entry.Failures);
            LogFailure(e, context.InterfaceMethod!.DeclaringType!.Name, context.TargetId.Key.ToString(), context.InterfaceMethod.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        summary = time.CreateTimer(_ => LogSummary(), null, SummaryPeriod, SummaryPeriod);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogSummary();
        return Task.CompletedTask;
    }

    public void Dispose() => summary?.Dispose();

    private void LogSummary()
    {
        foreach (var ((grain, method), entry) in counts)
        {
            var calls = Interlocked.Exchange(ref entry.Calls, 0);
            var failures = Interlocked.Exchange(ref entry.Failures, 0);
            if (calls > 0)
            {
                LogCounts(grain, method, calls, failures);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain call {Grain}.{Method} on {GrainKey} failed after {ElapsedMs:0.0} ms")]
    private partial void LogFailure(Exception exception, string grain, string grainKey, string method, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain calls in the last minute: {Grain}.{Method} {Calls} calls, {Failures} failed")]
    private partial void LogCounts(string grain, string method, long calls, long failures);

    private sealed class CallCounts
    {
        public long Calls;
        public long Failures;
    }
}
