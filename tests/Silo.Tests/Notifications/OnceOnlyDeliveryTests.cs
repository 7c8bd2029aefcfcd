using System.Net;
using System.Net.Sockets;
using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Notifications;

/// <summary>
/// Two silos on one database share one outbox: one dies while its batch is out at an SMTP
/// server that never answers, and the other, once the dead one's lease has run out, sends
/// what it had claimed. Every message arrives once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OnceOnlyDeliveryTests(PostgresFixture postgres)
{
    private const int Messages = 30;

    [Fact]
    public async Task A_silo_killed_mid_dispatch_leaves_its_claimed_messages_to_the_survivor_and_each_arrives_once()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var clock = new ManualClock(BookingWorld.Today);
        await using var smtp = TestSmtpServer.Start();
        // A server that accepts connections and never says a word: the doomed silo's send hangs there.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var silentPort = ((IPEndPoint)silent.LocalEndpoint).Port;
        KeyValuePair<string, string>[] common =
        [
            new("Email:PollInterval", "00:00:00.1"),
            new("Email:BatchSize", "10"),
            new("Email:Lease", "00:02:00"),
            new("Email:Smtp:Security", "None"),
            new("Email:Smtp:Host", "127.0.0.1"),
        ];
        var doomed = await SiloHost.StartAsync(database, clock: clock, settings: [.. common, new("Email:Smtp:Port", silentPort.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var doomedStopped = false;
        try
        {
            await EnqueueAsync(doomed, database);
            // The doomed silo claims a batch and is stuck sending it.
            await WaitUntilAsync(database, "SELECT count(*) FROM notifications WHERE leased_until IS NOT NULL", n => n > 0);
            await doomed.DisposeAsync();
            doomedStopped = true;
            var stranded = await CountAsync(database, "SELECT count(*) FROM notifications WHERE status = 'PENDING' AND leased_until > @now", clock.GetUtcNow());
            Assert.True(stranded > 0, "the dead silo left messages claimed under its lease");

            await using var survivor = await SiloHost.StartAsync(database, clock: clock, settings: [.. common, .. smtp.Settings]);
            // The survivor sends the unclaimed ones now, and the stranded ones once the lease has run out.
            await smtp.WaitForAsync(Messages - (int)stranded, timeout: TimeSpan.FromSeconds(60));
            clock.Advance(TimeSpan.FromMinutes(3));
            var received = await smtp.WaitForAsync(Messages, timeout: TimeSpan.FromSeconds(60));

            Assert.Equal(Messages, received.Count);
            Assert.Equal(Messages, received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
            await WaitUntilAsync(database, "SELECT count(*) FROM notifications WHERE status = 'SENT'", n => n == Messages);
            Assert.Equal(Messages, smtp.Received.Count);
        }
        finally
        {
            if (!doomedStopped)
            {
                await doomed.DisposeAsync();
            }
        }
    }

    private static async Task EnqueueAsync(SiloHost silo, string database)
    {
        var outbox = silo.Services.GetRequiredService<Outbox>();
        var composer = silo.Services.GetRequiredService<EmailComposer>();
        await using var source = NpgsqlDataSource.Create(database);
        await using var connection = await source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < Messages; i++)
        {
            await outbox.EnqueueAsync(connection, transaction, new OutboxItem("TEST", $"person{i}@school.example",
                composer.Compose($"Person {i}", $"Message {i}", ["Something happened."])) { EventKey = $"test:{i}" });
        }
        await transaction.CommitAsync();
    }

    private static async Task<long> CountAsync(string database, string sql, DateTimeOffset? now = null)
    {
        await using var source = NpgsqlDataSource.Create(database);
        await using var command = source.CreateCommand(sql);
        if (now is { } at)
        {
            command.Parameters.AddWithValue("now", at);
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(string database, string sql, Func<long, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!done(await CountAsync(database, sql)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still waiting for: {sql}");
            await Task.Delay(50);
        }
    }
}
