using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace InclusionNetwork.Runtime.Tests;

/// <summary>
/// One silo for a test: a started generic host with the grain runtime, this assembly's test
/// grains, a <see cref="GrainProbe"/> and an <see cref="NpgsqlDataSource"/> on the given
/// database. Two of these on one database are two silos.
/// </summary>
public sealed class RuntimeHost : IAsyncDisposable
{
    private readonly IHost host;

    private RuntimeHost(IHost host)
    {
        this.host = host;
    }

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public GrainRuntime Runtime => host.Services.GetRequiredService<GrainRuntime>();

    public GrainProbe Probe => host.Services.GetRequiredService<GrainProbe>();

    public static async Task<RuntimeHost> StartAsync(
        string connectionString,
        Action<GrainRuntimeOptions>? configure = null,
        TimeProvider? clock = null,
        GrainProbe? probe = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton(probe ?? new GrainProbe());
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
        builder.Services.AddGrainRuntime(options =>
        {
            options.ReminderPollInterval = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(options);
        });
        builder.Services.AddGrainsFromAssembly(typeof(RuntimeHost).Assembly);
        var host = builder.Build();
        await host.StartAsync();
        return new RuntimeHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
