using System.Text.RegularExpressions;
using InclusionNetwork.TestSupport;
using MimeKit;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>
/// The demo county on a Silo whose mail goes to a real SMTP server started by the test, on a
/// manual clock so links can be let lapse.
/// </summary>
public sealed partial class PeopleWorld : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://inclusion.county.example";

    private PeopleWorld(SiloHost silo, TestSmtpServer smtp, ManualClock clock, NpgsqlDataSource database)
    {
        Silo = silo;
        Smtp = smtp;
        Clock = clock;
        Database = database;
    }

    public SiloHost Silo { get; }

    public TestSmtpServer Smtp { get; }

    public ManualClock Clock { get; }

    public NpgsqlDataSource Database { get; }

    public static async Task<PeopleWorld> StartAsync(PostgresFixture postgres, params KeyValuePair<string, string>[] settings)
    {
        var today = Bookings.BookingWorld.Today;
        var connectionString = await postgres.CreateDemoDatabaseAsync(today);
        var clock = new ManualClock(today);
        var smtp = TestSmtpServer.Start();
        var silo = await SiloHost.StartAsync(connectionString, loadDemoData: true, clock: clock,
            settings:
            [
                .. smtp.Settings,
                new("App:PublicBaseUrl", PublicBaseUrl),
                new("Email:From", "Kent inclusion service <no-reply@kent.example>"),
                new("Email:ServiceName", "Kent inclusion service"),
                new("Email:CouncilContact", "inclusion@kent.example or 03000 000000"),
                new("Auth:SignInAttemptsPerMinute", "1000"),
                .. settings,
            ]);
        return new PeopleWorld(silo, smtp, clock, NpgsqlDataSource.Create(connectionString));
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A school that has a demo booker, and one of its current staff without an account.</summary>
    public async Task<(string Urn, long StaffId, string StaffName)> SchoolWithUnlinkedStaffAsync(string? notUrn = null)
    {
        await using var command = Database.CreateCommand("""
            SELECT s.school_urn, s.id, s.name FROM staff s
            WHERE s.removed_at IS NULL AND s.school_urn <> @not
              AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = s.id)
              AND EXISTS (SELECT 1 FROM accounts b WHERE lower(b.email) = 'booker.' || lower(s.school_urn) || '@demo.test')
            ORDER BY s.school_urn, s.id LIMIT 1
            """);
        command.Parameters.AddWithValue("not", notUrn ?? "");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the demo county has a school with a booker and staff without accounts");
        return (reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
    }

    /// <summary>Waits for the message to that address and returns it with the token of its link.</summary>
    public async Task<(MimeMessage Message, string Token)> LinkSentToAsync(string email, string path, int nth = 1)
    {
        var messages = await Smtp.WaitForAsync(nth, m => m.To.Mailboxes.Any(a => a.Address == email));
        var message = messages[nth - 1];
        var match = Regex.Match(message.TextBody ?? "", Regex.Escape(PublicBaseUrl + "/" + path + "/") + "([A-Za-z0-9_-]{43})");
        Assert.True(match.Success, $"the message carries a {path} link: {message.TextBody}");
        return (message, match.Groups[1].Value);
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }
}
