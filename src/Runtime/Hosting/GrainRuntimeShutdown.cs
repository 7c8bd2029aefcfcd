using Microsoft.Extensions.Hosting;

namespace InclusionNetwork.Runtime;

/// <summary>On host stop, deactivates every grain so each can save state in <see cref="Grain.OnDeactivateAsync"/>.</summary>
internal sealed class GrainRuntimeShutdown(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => runtime.DeactivateAllAsync(cancellationToken);
}
