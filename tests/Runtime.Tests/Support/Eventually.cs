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
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {Deadline.TotalSeconds} s waiting until {description}.");
            }
            await Task.Delay(10);
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition, string description)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
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
