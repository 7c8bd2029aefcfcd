namespace InclusionNetwork.Silo.Tests;

/// <summary>
/// Something costly to start (a Silo, a world around one) started once for every test of a
/// class (an xunit class fixture) and disposed after the last. What it holds is typed by the
/// fixture itself, as some worlds are internal and a public fixture cannot name them in its base.
/// </summary>
public abstract class SharedFixture(string name) : IAsyncLifetime
{
    private IAsyncDisposable? started;

    /// <summary>Starts what the class's tests share.</summary>
    protected abstract Task<IAsyncDisposable> StartAsync();

    /// <summary>What <see cref="StartAsync"/> started.</summary>
    protected T Started<T>() where T : IAsyncDisposable =>
        (T)(started ?? throw new InvalidOperationException($"The shared {name} has not started."));

    public async Task InitializeAsync() => started = await StartAsync();

    public async Task DisposeAsync()
    {
        if (started is not null)
        {
            await started.DisposeAsync();
        }
    }
}
