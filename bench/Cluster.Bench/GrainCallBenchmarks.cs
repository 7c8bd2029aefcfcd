using System.Diagnostics;
using Orleans;

namespace InclusionNetwork.Cluster.Bench;

/// <summary>
/// Grain calls per second and bytes per idle activation, beside the retired stand-in runtime's
/// published figures (measured the same way on its own, in-memory, runtime).
/// </summary>
internal static class GrainCallBenchmarks
{
    private const double StandInOneCaller = 1_589_365;
    private const double StandInConcurrentCallers = 1_335_498;
    private const double StandInAcrossKeys = 668_510;
    private const double StandInBytesPerActivation = 563;

    private const int ConcurrentCallers = 64;

    public sealed record CallRates(double OneCaller, double ConcurrentCallers, double AcrossKeys);

    public static async Task<CallRates> CallRatesAsync(IGrainFactory grains, BenchSizes sizes)
    {
        var keys = sizes.Keys;
        var one = grains.GetGrain<ICounterGrain>(0);
        var oneCaller = await WarmThenMeasureAsync(1, _ => one);
        var concurrent = await WarmThenMeasureAsync(ConcurrentCallers, _ => one);

        // Every key active before timing starts, so the figure is calls, not activations.
        var keyed = Enumerable.Range(1, keys).Select(k => grains.GetGrain<ICounterGrain>(k)).ToArray();
        await Task.WhenAll(keyed.Select(g => g.IncrementAsync()));
        var acrossKeys = await WarmThenMeasureAsync(ConcurrentCallers, call => keyed[call % keys]);
        return new CallRates(oneCaller, concurrent, acrossKeys);

        // Each shape warmed on its own, so tiered JIT has settled on the code it times.
        async Task<double> WarmThenMeasureAsync(int callers, Func<int, ICounterGrain> target)
        {
            await CallsPerSecondAsync(callers, target, sizes.Warmup);
            return await CallsPerSecondAsync(callers, target, sizes.Measured);
        }
    }

    /// <param name="asShipped">On a silo configured as the Silo's (grain-call logging and the dashboard).</param>
    /// <param name="bare">On the same silo without them.</param>
    public static void Print(CallRates asShipped, CallRates bare, double bytesPerActivation, BenchSizes sizes)
    {
        Console.WriteLine();
        Console.WriteLine($"Grain calls (one silo on PostgreSQL, as the Silo configures it; {sizes.Measured.TotalSeconds:0.#} s each, after {sizes.Warmup.TotalSeconds:0.#} s warm-up each)");
        Console.WriteLine($"  {"",-44} {"ours",12} {"stand-in",12} {"ours/stand-in",14} {"bare Orleans",13}");
        Row("one activation, one caller (calls/s)", asShipped.OneCaller, StandInOneCaller, bare.OneCaller);
        Row($"one activation, {ConcurrentCallers} callers (calls/s)", asShipped.ConcurrentCallers, StandInConcurrentCallers, bare.ConcurrentCallers);
        Row($"{sizes.Keys:N0} keys, {ConcurrentCallers} callers (calls/s)", asShipped.AcrossKeys, StandInAcrossKeys, bare.AcrossKeys);
        Row($"bytes per idle activation ({sizes.IdleActivations:N0})", bytesPerActivation, StandInBytesPerActivation, null);
        Console.WriteLine("  (bare Orleans: the same silo without the grain-call logging filter and the dashboard)");
    }

    private static void Row(string what, double ours, double standIn, double? bare) =>
        Console.WriteLine($"  {what,-44} {ours,12:N0} {standIn,12:N0} {ours / standIn,13:F3}x {(bare is { } b ? b.ToString("N0") : "-"),13}");

    /// <summary>
    /// <paramref name="callers"/> loops, each awaiting one call at a time, for <paramref name="duration"/>;
    /// caller c's i-th call goes to <c>target(c + i * callers)</c>, so keys are visited in turn.
    /// </summary>
    private static async Task<double> CallsPerSecondAsync(int callers, Func<int, ICounterGrain> target, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            long calls = 0;
            for (var call = caller; clock.Elapsed < duration; call += callers)
            {
                await target(call).IncrementAsync();
                calls++;
            }
            return calls;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Managed heap after a full collection, before and after activating grains that then sit idle.</summary>
    public static async Task<double> BytesPerIdleActivationAsync(IGrainFactory grains, BenchSizes sizes)
    {
        var idleActivations = sizes.IdleActivations;
        const int firstKey = 1_000_000;
        const int batch = 1_000;
        var before = SettledHeap();
        for (var start = 0; start < idleActivations; start += batch)
        {
            await Task.WhenAll(Enumerable.Range(firstKey + start, batch).Select(k => grains.GetGrain<ICounterGrain>(k).IncrementAsync()));
        }
        var after = SettledHeap();
        // Checks the activations are still alive (Orleans collects idle ones only after its collection age).
        var reactivated = await grains.GetGrain<ICounterGrain>(firstKey).IncrementAsync();
        if (reactivated != 2)
        {
            throw new InvalidOperationException($"The first idle activation was collected during the measurement (count {reactivated}).");
        }
        return (double)(after - before) / idleActivations;
    }

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
