using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace InclusionNetwork.Grains.Tests.Cluster;

public sealed partial class OrleansProviderTests
{
    private IReminderTable Reminders => cluster.Silo.Services.GetRequiredService<IReminderTable>();

    /// <summary>Far in the future, so the running silo's reminder service never fires these.</summary>
    private static readonly DateTime DueLater = new(2031, 1, 6, 9, 30, 0, DateTimeKind.Utc);

    private static GrainId ProbeGrain(string key) => GrainId.Create("probe", key);

    private static ReminderEntry Reminder(GrainId grain, string name, DateTime startAt, TimeSpan period, string? etag = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = startAt,
        Period = period,
        ETag = etag,
    };

    private async Task<string> UpsertAsync(ReminderEntry entry)
    {
        var etag = await Reminders.UpsertRow(entry);
        Assert.NotNull(etag);
        return etag;
    }

    private async Task<ReminderEntry> ReadReminderAsync(GrainId grain, string name)
    {
        var entry = await Reminders.ReadRow(grain, name);
        Assert.NotNull(entry);
        return entry;
    }

    [Fact]
    public async Task A_reminder_is_written_read_and_replaced_with_a_new_etag_and_removed_only_with_the_current_one()
    {
        var grain = ProbeGrain("reminders-" + Guid.NewGuid().ToString("N"));

        var firstETag = await UpsertAsync(Reminder(grain, "offer-lapses", DueLater, TimeSpan.FromHours(1)));
        var first = await ReadReminderAsync(grain, "offer-lapses");
        Assert.Equal((grain, "offer-lapses", DueLater, TimeSpan.FromHours(1), firstETag), (first.GrainId, first.ReminderName, first.StartAt, first.Period, first.ETag));

        // Last writer wins, with a new ETag. A period beyond int milliseconds (30 days) fits.
        var secondETag = await UpsertAsync(Reminder(grain, "offer-lapses", DueLater.AddDays(1), TimeSpan.FromDays(30)));
        Assert.NotEqual(firstETag, secondETag);
        var second = await ReadReminderAsync(grain, "offer-lapses");
        Assert.Equal((DueLater.AddDays(1), TimeSpan.FromDays(30), secondETag), (second.StartAt, second.Period, second.ETag));

        await UpsertAsync(Reminder(grain, "self-evaluation-due", DueLater, TimeSpan.FromDays(7)));
        Assert.Equal(["offer-lapses", "self-evaluation-due"], (await Reminders.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Order());

        // A stale ETag removes nothing; the current one removes just that reminder.
        Assert.False(await Reminders.RemoveRow(grain, "offer-lapses", firstETag));
        await ReadReminderAsync(grain, "offer-lapses");
        Assert.True(await Reminders.RemoveRow(grain, "offer-lapses", secondETag));
        Assert.Null(await Reminders.ReadRow(grain, "offer-lapses"));
        Assert.False(await Reminders.RemoveRow(grain, "offer-lapses", secondETag));
        Assert.Equal("self-evaluation-due", Assert.Single((await Reminders.ReadRows(grain)).Reminders).ReminderName);

        // Removed and registered again: the old ETag does not come back.
        var thirdETag = await UpsertAsync(Reminder(grain, "offer-lapses", DueLater, TimeSpan.FromHours(1)));
        Assert.DoesNotContain(thirdETag, new[] { firstETag, secondETag });
    }

    [Fact]
    public async Task A_reminder_of_a_grain_with_a_long_key_is_stored()
    {
        var grain = ProbeGrain("long-" + new string('k', 400));

        var etag = await UpsertAsync(Reminder(grain, "digest", DueLater, TimeSpan.FromDays(1)));

        Assert.Equal(etag, (await ReadReminderAsync(grain, "digest")).ETag);
    }

    /// <summary>Orleans' ring range: begin excluded, end included, wrapping past the top; begin = end is the whole ring.</summary>
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    [Fact]
    public async Task Range_reads_exclude_begin_include_end_and_cross_the_signed_boundary_and_the_top_of_the_ring()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        var grains = Enumerable.Range(0, 64).Select(i => ProbeGrain($"ring-{batch}-{i}")).ToList();
        foreach (var grain in grains)
        {
            await UpsertAsync(Reminder(grain, "tick", DueLater, TimeSpan.FromHours(1)));
        }
        // Every reminder of the service (other tests' too), with the hash Orleans stored for each.
        var all = (await Reminders.ReadRows(0u, 0u)).Reminders.Select(r => (r.GrainId, r.ReminderName, Hash: r.GrainId.GetUniformHashCode())).ToList();
        Assert.True(grains.All(g => all.Any(r => r.GrainId.Equals(g))));
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var lowHalf = hashes.Where(h => h < 0x8000_0000u).ToList();
        var highHalf = hashes.Where(h => h >= 0x8000_0000u).ToList();
        Assert.True(lowHalf.Count >= 2 && highHalf.Count >= 2, "64 random hashes fall on both sides of the signed boundary");

        (uint Begin, uint End, string Case)[] ranges =
        [
            (lowHalf[0], lowHalf[^1], "within the non-negative signed values"),
            (highHalf[0], highHalf[^1], "within the negative signed values"),
            (lowHalf[^1], highHalf[0], "across the signed boundary (0x7FFFFFFF to 0x80000000)"),
            (highHalf[^1], lowHalf[0], "wrapping past the top of the ring"),
            (lowHalf[1], lowHalf[1], "begin = end: the whole ring"),
            (0u, 0u, "begin = end = 0: the whole ring"),
        ];
        foreach (var (begin, end, description) in ranges)
        {
            var read = (await Reminders.ReadRows(begin, end)).Reminders.Select(r => (r.GrainId, r.ReminderName)).ToHashSet();
            var expected = all.Where(r => InRange(r.Hash, begin, end)).Select(r => (r.GrainId, r.ReminderName)).ToHashSet();
            Assert.True(expected.SetEquals(read), $"{description}: expected {expected.Count} reminders, read {read.Count}");
            if (begin != end)
            {
                // The rows at the ends of the range: begin's is left out, end's is in.
                Assert.DoesNotContain(read, r => r.GrainId.GetUniformHashCode() == begin);
                Assert.Contains(read, r => r.GrainId.GetUniformHashCode() == end);
            }
            else
            {
                Assert.Equal(all.Count, read.Count);
            }
        }
    }
}
