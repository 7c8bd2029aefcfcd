using System.Diagnostics;

namespace InclusionNetwork.Runtime.Tests;

/// <summary>
/// Waits for a condition with a generous deadline. A test only fails on the deadline if the
/// property under test does not hold, never because the machine is slow.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task HoldsAsync(Func<bool> condition, string description)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Deadline)
            {
                throw new TimeoutException($"Timed out after {Deadline.TotalSeconds} s waiting until {description}.");
            }
            await Task.Delay(10);
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition, string description)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Deadline)
            {
                throw new TimeoutException($"Timed out after {Deadline.TotalSeconds} s waiting until {description}.");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>The task, failing with <see cref="TimeoutException"/> past the deadline (for calls that would deadlock).</summary>
    public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Deadline);

    public static Task Within(Task task) => task.WaitAsync(Deadline);
}
