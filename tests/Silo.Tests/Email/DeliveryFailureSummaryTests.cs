using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace InclusionNetwork.Silo.Tests.Email;

/// <summary>
/// Messages that fail for good reach admins as one summary a day, through a real SMTP server
/// that refuses one domain: each failure is reported once, and a tick that runs again the same
/// day writes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeliveryFailureSummaryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Admins_get_one_summary_a_day_of_the_messages_that_failed_since_the_last()
    {
        var smtp = TestSmtpServer.Start(refusedDomain: "bounce.example");
        await using var _ = smtp;
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            [.. smtp.Settings, new("Email:MaxAttempts", "1"), new("App:PublicBaseUrl", "https://inclusion.county.example")]);
        var summary = world.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeliveryFailureSummaryGrain>(DeliveryFailureSummaryGrain.ClusterKey);

        Assert.Equal(0, await summary.SummariseAsync()); // nothing failed: nothing said
        await FailAsync(world, "first@bounce.example", "second@bounce.example");
        Assert.Equal(2, await summary.SummariseAsync());
        Assert.Equal(0, await summary.SummariseAsync()); // the tick again, the same day
        var received = await smtp.WaitForAsync(1, m => m.Headers["X-Outbox-Kind"] == "DELIVERY_FAILURES");
        var message = Assert.Single(received);
        Assert.Equal("admin@world.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("2 messages could not be delivered", message.Subject);
        Assert.Contains("TEST_NOTICE to first@bounce.example: ", message.TextBody);
        Assert.Contains("TEST_NOTICE to second@bounce.example: ", message.TextBody);
        Assert.Contains("https://inclusion.county.example/admin/outbox?status=FAILED", message.TextBody);

        // A failure later the same day waits for tomorrow's summary, which lists only it.
        await FailAsync(world, "third@bounce.example");
        Assert.Equal(0, await summary.SummariseAsync());
        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await summary.SummariseAsync());
        var next = (await smtp.WaitForAsync(2, m => m.Headers["X-Outbox-Kind"] == "DELIVERY_FAILURES"))[1];
        Assert.Equal("1 message could not be delivered", next.Subject);
        Assert.Contains("third@bounce.example", next.TextBody);
        Assert.DoesNotContain("first@bounce.example", next.TextBody);
        Assert.Equal(2, await world.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'DELIVERY_FAILURES'"));
    }

    /// <summary>Writes a message to each address and waits until the dispatcher has given up on them.</summary>
    private static async Task FailAsync(PeerReviewWorld world, params string[] addresses)
    {
        var outbox = world.Silo.Services.GetRequiredService<Outbox>();
        var composer = world.Silo.Services.GetRequiredService<EmailComposer>();
        await using (var connection = await world.Db.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var address in addresses)
            {
                await outbox.EnqueueAsync(connection, transaction, "TEST_NOTICE", address, composer.Compose("Someone", "A notice", ["Words."]));
            }
            await transaction.CommitAsync();
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await world.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'TEST_NOTICE' AND status <> 'FAILED'") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the dispatcher gives up on refused messages after one attempt");
            await Task.Delay(50);
        }
    }
}
