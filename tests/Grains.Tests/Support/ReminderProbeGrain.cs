using InclusionNetwork.Grains.Common;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace InclusionNetwork.Grains.Tests.Support;

/// <summary>
/// Registers a due reminder the way the domain's grains do, and on each tick records which
/// silo delivered it in <c>reminder_deliveries</c> (created by the test), then clears it.
/// </summary>
public sealed class ReminderProbeGrain(NpgsqlDataSource database, ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public Task ArmAsync(TimeSpan dueIn) => this.SetDueReminderAsync(ReminderName, dueIn);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await using var insert = database.CreateCommand("INSERT INTO reminder_deliveries (probe, silo) VALUES (@probe, @silo)");
        insert.Parameters.AddWithValue("probe", this.GetPrimaryKeyLong());
        insert.Parameters.AddWithValue("silo", silo.SiloAddress.ToString());
        await insert.ExecuteNonQueryAsync();
        await this.ClearDueReminderAsync(ReminderName);
    }
}
