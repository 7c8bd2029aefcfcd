using System.Diagnostics;
using InclusionNetwork.Runtime;
using InclusionNetwork.Runtime.Bench;
using Microsoft.Extensions.DependencyInjection;

// Measures the grain runtime in-process, without a database (no state, no reminders):
//   1. calls per second on one activation, one caller awaiting each call (latency-bound);
//   2. calls per second on one activation, many callers at once (queue throughput);
//   3. calls per second spread over 10,000 keys;
//   4. managed memory per idle activation.
const int KeyCount = 10_000;
const int MemoryKeys = 100_000;

await using var services = new ServiceCollection()
    .AddGrainRuntime(options => options.MaxActivations = 1_000_000)
    .AddGrain<ICounterGrain, CounterGrain>()
    .BuildServiceProvider();
var grains = services.GetRequiredService<IGrainFactory>();
var runtime = services.GetRequiredService<GrainRuntime>();

Console.WriteLine($"Grain runtime load driver: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

await SequentialOnOneKeyAsync(20_000); // warm-up: JIT and tiering
Report("one activation, 1 caller awaiting each call", 200_000, await SequentialOnOneKeyAsync(200_000));
Report("one activation, 64 concurrent callers", 640_000, await ConcurrentOnOneKeyAsync(callers: 64, callsEach: 10_000));
Report($"{KeyCount:N0} keys, one caller per key", KeyCount * 50, await AcrossKeysAsync(KeyCount, callsEach: 50));
Console.WriteLine($"{"memory per activation",-45} {await MemoryPerActivationAsync(MemoryKeys),12:N0} bytes  ({MemoryKeys:N0} idle activations, {runtime.ActivationCount:N0} live)");

async Task<TimeSpan> SequentialOnOneKeyAsync(int calls)
{
    var grain = grains.GetGrain<ICounterGrain>(0);
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        await grain.IncrementAsync();
    }
    return watch.Elapsed;
}

async Task<TimeSpan> ConcurrentOnOneKeyAsync(int callers, int callsEach)
{
    var grain = grains.GetGrain<ICounterGrain>(1);
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
    {
        for (var i = 0; i < callsEach; i++)
        {
            await grain.IncrementAsync();
        }
    }));
    return watch.Elapsed;
}

async Task<TimeSpan> AcrossKeysAsync(int keys, int callsEach)
{
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, keys).Select(async key =>
    {
        var grain = grains.GetGrain<ICounterGrain>(1_000 + key);
        for (var i = 0; i < callsEach; i++)
        {
            await grain.IncrementAsync();
        }
    }));
    return watch.Elapsed;
}

async Task<long> MemoryPerActivationAsync(int keys)
{
    const long FirstKey = 1_000_000;
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var activations = new Task[keys];
    for (var i = 0; i < keys; i++)
    {
        activations[i] = grains.GetGrain<ICounterGrain>(FirstKey + i).IncrementAsync();
    }
    await Task.WhenAll(activations);
    Array.Clear(activations);
    var after = GC.GetTotalMemory(forceFullCollection: true);
    return (after - before) / keys;
}

static void Report(string scenario, int calls, TimeSpan elapsed) =>
    Console.WriteLine($"{scenario,-45} {calls / elapsed.TotalSeconds,12:N0} calls/s  ({calls:N0} calls in {elapsed.TotalMilliseconds:N0} ms)");
