using Npgsql;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>
/// One step of the demo county, run once per database inside one transaction and recorded
/// in <c>demo_data_steps</c>. Steps run in <see cref="Order"/>, so a step can rely on the
/// data of the steps before it (courses need schools and staff; reviews need clusters).
/// </summary>
public interface IDemoDataStep
{
    /// <summary>Recorded in demo_data_steps; never rename a step that has shipped.</summary>
    string Name { get; }

    int Order { get; }

    Task LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DemoContext context, CancellationToken cancellationToken);
}

/// <summary>What every step may use: the demo password's hash, the clock's now, and a seeded random source.</summary>
public sealed record DemoContext(string PasswordHash, DateTimeOffset Now)
{
    /// <summary>A random source seeded by the step's name, so each step's data is the same on every load.</summary>
    public Random RandomFor(string step) => new(StableSeed(step));

    private static int StableSeed(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }
        return hash;
    }
}
