using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Silo.Email;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Email;

/// <summary>The dispatcher against real PostgreSQL and a real SMTP server (or a real folder).</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxDispatcherTests(PostgresFixture postgres)
{
    private static readonly DomainClock Clock = new(TimeProvider.System);

    private static EmailOptions Settings(int maxAttempts = 6) => new()
    {
        From = "County inclusion service <no-reply@county.example>",
        ServiceName = "County inclusion service",
        CouncilContact = "inclusion@county.example",
        MaxAttempts = maxAttempts,
        RetryDelay = TimeSpan.Zero,
        BatchSize = 5,
    };

    private static OutboxDispatcher Dispatcher(NpgsqlDataSource dataSource, EmailOptions settings, IMailTransport transport) =>
        new(dataSource, Clock, Options.Create(settings), transport, NullLogger<OutboxDispatcher>.Instance);

    private static async Task EnqueueAsync(NpgsqlDataSource dataSource, EmailOptions settings, int count, Func<int, string>? recipient = null)
    {
        var composer = new EmailComposer(Options.Create(settings));
        var outbox = new Outbox(Clock, composer, Options.Create(new PeopleOptions()));
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < count; i++)
        {
            var email = composer.Compose($"Person {i}", $"Message {i}", [$"This is message {i}."], new Uri($"https://inclusion.example/invitations/t{i}"),
                ["The link works for 7 days."]);
            await outbox.EnqueueAsync(connection, transaction, "INVITATION", recipient?.Invoke(i) ?? $"person{i}@school.example", email);
        }
        await transaction.CommitAsync();
    }

    private static async Task<List<(string Status, int Attempts, string? LastError)>> RowsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT status, attempts, last_error FROM notifications ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return rows;
    }

    [Fact]
    public async Task A_reminder_is_written_once_per_event_not_at_all_when_turned_off_and_sent_with_its_invitation_and_unsubscribe_link()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await using var smtp = TestSmtpServer.Start();
        var settings = Settings();
        var composer = new EmailComposer(Options.Create(settings));
        var outbox = new Outbox(Clock, composer, Options.Create(new PeopleOptions { PublicBaseUrl = "https://inclusion.example" }));
        const string Ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
        OutboxItem Reminder(string to) => new("COURSE_STARTS_SOON", to, composer.Compose("Sam", "Your course starts on Monday", ["You are booked."])
            with { Invitation = new CalendarInvitation(CalendarInvitation.Request, Ics) })
        { Category = NotificationCategory.Reminder, EventKey = "run:7:starts:2027-01-04" };
        await using (var setup = dataSource.CreateCommand("INSERT INTO notification_preferences (email, reminders, prompts, updated_at) VALUES ('off@school.example', false, true, now())"))
        {
            await setup.ExecuteNonQueryAsync();
        }

        var written = new List<bool>();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            written.Add(await outbox.EnqueueAsync(connection, transaction, Reminder("sam@school.example")));
            written.Add(await outbox.EnqueueAsync(connection, transaction, Reminder("Sam@School.example")));
            written.Add(await outbox.EnqueueAsync(connection, transaction, Reminder("off@school.example")));
            await transaction.CommitAsync();
        }
        settings.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None };
        await Dispatcher(dataSource, settings, new SmtpMailTransport(settings.Smtp, TimeSpan.FromSeconds(30))).DispatchDueAsync(CancellationToken.None);

        Assert.Equal([true, false, false], written);
        var message = Assert.Single(smtp.Received);
        var header = message.Headers["List-Unsubscribe"];
        Assert.NotNull(header);
        var link = header.Trim('<', '>');
        Assert.StartsWith("https://inclusion.example/unsubscribe/", link);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(link, message.TextBody);
        Assert.Contains(link, message.HtmlBody);
        var calendar = Assert.Single(message.BodyParts.OfType<TextPart>(), p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Equal(Ics.ReplaceLineEndings("\n"), calendar.Text.ReplaceLineEndings("\n"));
        Assert.Single(message.Attachments, a => a.ContentType.IsMimeType("application", "ics"));
        await using var tokens = dataSource.CreateCommand("SELECT email, category FROM unsubscribe_tokens");
        await using var reader = await tokens.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("sam@school.example", "REMINDER"), (reader.GetString(0), reader.GetString(1)));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Two_dispatchers_on_one_outbox_send_every_message_exactly_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await using var smtp = TestSmtpServer.Start();
        var settings = Settings();
        await EnqueueAsync(dataSource, settings, 40);
        settings.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None };
        var first = Dispatcher(dataSource, settings, new SmtpMailTransport(settings.Smtp, TimeSpan.FromSeconds(30)));
        var second = Dispatcher(dataSource, settings, new SmtpMailTransport(settings.Smtp, TimeSpan.FromSeconds(30)));

        async Task<int> DrainAsync(OutboxDispatcher dispatcher)
        {
            var total = 0;
            while (await dispatcher.DispatchDueAsync(CancellationToken.None) is var claimed and > 0)
            {
                total += claimed;
            }
            return total;
        }
        var claimedBy = await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        Assert.Equal(40, claimedBy.Sum());
        Assert.All(claimedBy, c => Assert.True(c > 0, "each dispatcher took a share"));
        var received = smtp.Received;
        Assert.Equal(40, received.Count);
        Assert.Equal(40, received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await RowsAsync(dataSource), row => Assert.Equal(("SENT", 1), (row.Status, row.Attempts)));
    }

    [Fact]
    public async Task One_dispatch_round_sends_its_messages_over_one_connection_and_a_refused_message_does_not_break_it()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await using var smtp = TestSmtpServer.Start(refusedDomain: "refused.example");
        var settings = Settings();
        settings.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None };
        var dispatcher = Dispatcher(dataSource, settings, new SmtpMailTransport(settings.Smtp, TimeSpan.FromSeconds(30)));
        // A round with nothing to send opens no connection.
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, smtp.Connections);
        await EnqueueAsync(dataSource, settings, 4, i => i == 1 ? "person1@refused.example" : $"person{i}@school.example");

        Assert.Equal(4, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(["person0@school.example", "person2@school.example", "person3@school.example"],
            smtp.Received.Select(m => m.To.Mailboxes.Single().Address));
        Assert.Equal(1, smtp.Refused);
        Assert.Equal(1, smtp.Connections);
        Assert.Equal(["SENT", "PENDING", "SENT", "SENT"], (await RowsAsync(dataSource)).Select(r => r.Status));

        // The next round (the refused message's retry) opens a connection of its own.
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(2, smtp.Connections);
    }

    [Fact]
    public async Task A_message_is_sent_as_plain_text_and_html_from_the_configured_sender_with_the_council_contact()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await using var smtp = TestSmtpServer.Start();
        var settings = Settings();
        await EnqueueAsync(dataSource, settings, 1);
        settings.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None };

        await Dispatcher(dataSource, settings, new SmtpMailTransport(settings.Smtp, TimeSpan.FromSeconds(30))).DispatchDueAsync(CancellationToken.None);

        var message = Assert.Single(smtp.Received);
        Assert.Equal("no-reply@county.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("County inclusion service", message.From.Mailboxes.Single().Name);
        Assert.Equal("person0@school.example", message.To.Mailboxes.Single().Address);
        Assert.Equal("Message 0", message.Subject);
        Assert.Equal("INVITATION", message.Headers["X-Outbox-Kind"]);
        Assert.Contains("Dear Person 0,", message.TextBody);
        Assert.Contains("https://inclusion.example/invitations/t0", message.TextBody);
        Assert.Contains("contact inclusion@county.example", message.TextBody);
        Assert.Contains("County inclusion service", message.TextBody);
        Assert.Contains("<a href=\"https://inclusion.example/invitations/t0\">", message.HtmlBody);
        Assert.Contains("contact inclusion@county.example", message.HtmlBody);
    }

    [Fact]
    public async Task A_refused_message_is_retried_and_after_the_last_attempt_marked_failed_with_the_reason()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await using var smtp = TestSmtpServer.Start(refuse: true);
        var settings = Settings(maxAttempts: 3);
        await EnqueueAsync(dataSource, settings, 1);
        settings.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None };
        var dispatcher = Dispatcher(dataSource, settings, new SmtpMailTransport(settings.Smtp, TimeSpan.FromSeconds(30)));

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var afterFirst = Assert.Single(await RowsAsync(dataSource));
        Assert.Equal(("PENDING", 1), (afterFirst.Status, afterFirst.Attempts));
        Assert.Contains("Mailbox unavailable for this test", afterFirst.LastError);
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var final = Assert.Single(await RowsAsync(dataSource));
        Assert.Equal(("FAILED", 3), (final.Status, final.Attempts));
        Assert.Contains("Mailbox unavailable for this test", final.LastError);
        Assert.Equal(3, smtp.Refused);
    }

    [Fact]
    public async Task A_failed_attempt_waits_its_back_off_before_the_next()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await using var smtp = TestSmtpServer.Start(refuse: true);
        var settings = Settings();
        settings.RetryDelay = TimeSpan.FromMinutes(1);
        await EnqueueAsync(dataSource, settings, 1);
        settings.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None };
        var dispatcher = Dispatcher(dataSource, settings, new SmtpMailTransport(settings.Smtp, TimeSpan.FromSeconds(30)));

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        await using var wait = dataSource.CreateCommand("SELECT next_attempt_at - now() FROM notifications");
        var untilNext = (TimeSpan)(await wait.ExecuteScalarAsync())!;
        Assert.InRange(untilNext, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
    }

    [Fact]
    public async Task With_no_smtp_server_messages_are_written_as_eml_files_to_the_pickup_directory()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        var directory = Path.Combine(Path.GetTempPath(), "inclusion-network-tests", "pickup", Guid.NewGuid().ToString("N"));
        var settings = Settings();
        await EnqueueAsync(dataSource, settings, 2);

        await Dispatcher(dataSource, settings, new PickupDirectoryMailTransport(directory)).DispatchDueAsync(CancellationToken.None);

        var files = Directory.GetFiles(directory).Order().ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.EndsWith(".eml", f));
        var message = await MimeMessage.LoadAsync(files[0]);
        Assert.Equal("Message 0", message.Subject);
        Assert.Contains("https://inclusion.example/invitations/t0", message.TextBody);
        Assert.Contains("https://inclusion.example/invitations/t0", message.HtmlBody);
        Assert.All(await RowsAsync(dataSource), row => Assert.Equal("SENT", row.Status));
        Directory.Delete(directory, recursive: true);
    }
}
