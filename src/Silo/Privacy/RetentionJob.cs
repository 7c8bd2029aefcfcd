using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Silo.Privacy;

/// <summary>
/// Erases staff removed from their school more than <c>Privacy:ErasureAfter</c> ago. Durable
/// because its whole state is in the database (<c>staff.removed_at</c>, <c>staff.erased_at</c>):
/// every silo runs it, rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, and whatever one
/// run misses (a stopped silo) the next finds.
/// </summary>
public sealed class RetentionJob(PersonErasure erasure, DomainClock clock, IOptions<PrivacyOptions> options, ILogger<RetentionJob> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int erased;
                do
                {
                    erased = await erasure.EraseRemovedStaffAsync(clock.GetUtcNow() - options.Value.ErasureAfter, BatchSize, stoppingToken);
                    if (erased > 0)
                    {
                        logger.LogInformation("Erased {Count} members of staff removed more than {ErasureAfter} ago.", erased, options.Value.ErasureAfter);
                    }
                }
                while (erased == BatchSize);
                await Task.Delay(options.Value.RetentionCheckInterval, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "The retention check could not run; trying again later.");
                await Task.Delay(options.Value.RetentionCheckInterval, TimeProvider.System, CancellationToken.None);
            }
        }
    }
}
