using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Silo.Tests.People;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Silo.Tests.Notifications;

/// <summary>
/// notificationPreferences, updateNotificationPreferences and the one-click unsubscribe link
/// (<c>/unsubscribe/{token}</c>) over HTTP, with reminders written to the outbox as the
/// reminder jobs write them and received by a real SMTP server.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NotificationPreferenceTests(PostgresFixture postgres)
{
    private const string Read = "{ me { notificationPreferences { reminders prompts } } }";

    private const string Update = """
        mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) {
          preferences { reminders prompts } errors { code message } } }
        """;

    [Fact]
    public async Task A_reminder_link_turns_reminders_off_once_without_signing_in_and_people_change_only_their_own_preferences()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        // Preferences are by address, whether or not it has an account.
        var staffId = await world.ScalarAsync<long>("SELECT id FROM staff WHERE email IS NOT NULL AND removed_at IS NULL ORDER BY id LIMIT 1");
        var staffEmail = await world.ScalarAsync<string>("SELECT email FROM staff WHERE id = @id", ("id", staffId));
        using var anonymous = world.Silo.CreateClient();

        // A reminder carries a one-click link and the List-Unsubscribe headers.
        Assert.True(await EnqueueAsync(world, staffEmail, NotificationCategory.Reminder, "test:reminder:1"));
        var (message, token) = await world.LinkSentToAsync(staffEmail, "unsubscribe");
        Assert.Equal($"<{PeopleWorld.PublicBaseUrl}/unsubscribe/{token}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

        var page = await anonymous.GetAsync($"/unsubscribe/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Stop getting reminders", await page.Content.ReadAsStringAsync());
        Assert.True(await PreferenceAsync(world, staffEmail, "reminders") is null, "looking at the page turns nothing off");

        // What a mail client sends: the form body RFC 8058 names, no cookie, no antiforgery token.
        using var client = new HttpClient { BaseAddress = world.Silo.BaseAddress };
        var oneClick = await client.PostAsync($"/unsubscribe/{token}",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("You will not get reminders any more", await oneClick.Content.ReadAsStringAsync());
        Assert.False(await PreferenceAsync(world, staffEmail, "reminders"));
        Assert.True(await PreferenceAsync(world, staffEmail, "prompts"));

        // Used once: a second click, and a token that never existed, get the same 404 page.
        var again = await client.PostAsync($"/unsubscribe/{token}", new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
        var unknown = await anonymous.GetAsync($"/unsubscribe/{new string('A', 43)}");
        var nonsense = await anonymous.GetAsync("/unsubscribe/not-a-token");
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { again.StatusCode, unknown.StatusCode, nonsense.StatusCode });
        Assert.Contains("This link does not work", await again.Content.ReadAsStringAsync());
        Assert.Contains("This link does not work", await unknown.Content.ReadAsStringAsync());

        // Turned off: the next reminder is not written; essential messages and prompts still are.
        Assert.False(await EnqueueAsync(world, staffEmail, NotificationCategory.Reminder, "test:reminder:2"));
        Assert.True(await EnqueueAsync(world, staffEmail, NotificationCategory.Prompt, "test:prompt:1"));
        Assert.True(await EnqueueAsync(world, staffEmail, NotificationCategory.Essential, "test:essential:1"));

        // A signed-in person reads and changes their own, by their account's address.
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        Assert.True((await admin.GraphQLAsync(Read)).Get("me.notificationPreferences.reminders").GetBoolean());
        var off = await admin.GraphQLAsync(Update, new { input = new { prompts = false } });
        Assert.Empty(off.UserErrorCodes("updateNotificationPreferences"));
        Assert.Equal((true, false), Pair(off.Get("updateNotificationPreferences.preferences")));
        var both = await admin.GraphQLAsync(Update, new { input = new { reminders = false } });
        Assert.Equal((false, false), Pair(both.Get("updateNotificationPreferences.preferences")));
        Assert.Equal((false, false), Pair((await admin.GraphQLAsync(Read)).Get("me.notificationPreferences")));
        Assert.False(await EnqueueAsync(world, "ADMIN@demo.test", NotificationCategory.Prompt, "test:prompt:admin"));
        // Nobody else's changed, and an anonymous caller changes nothing.
        Assert.False(await PreferenceAsync(world, staffEmail, "reminders"));
        var refused = await anonymous.GraphQLAsync(Update, new { input = new { reminders = true } });
        Assert.Equal(["NOT_ALLOWED"], refused.UserErrorCodes("updateNotificationPreferences"));
        Assert.Equal(2L, await world.ScalarAsync<long>("SELECT count(*) FROM notification_preferences"));

        // Erasing the person removes what they turned off and their links.
        await EnqueueAsync(world, staffEmail, NotificationCategory.Prompt, "test:prompt:2");
        var erased = await admin.GraphQLAsync("mutation($input: ErasePersonInput!) { erasePerson(input: $input) { erased errors { code } } }",
            new { input = new { staffId = staffId.ToString(CultureInfo.InvariantCulture) } });
        Assert.Empty(erased.UserErrorCodes("erasePerson"));
        Assert.Null(await PreferenceAsync(world, staffEmail, "reminders"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM unsubscribe_tokens WHERE email = lower(@e)", ("e", staffEmail)));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE unsubscribe_url IS NOT NULL AND lower(recipient_email) = lower(@e)", ("e", staffEmail)));
        Assert.Matches(new Regex("^[A-Za-z0-9_-]{43}$"), token);
    }

    private static (bool, bool) Pair(System.Text.Json.JsonElement preferences) =>
        (preferences.GetProperty("reminders").GetBoolean(), preferences.GetProperty("prompts").GetBoolean());

    /// <summary>A message written the way the reminder and prompt jobs write theirs: in a transaction, through the outbox.</summary>
    private static async Task<bool> EnqueueAsync(PeopleWorld world, string to, NotificationCategory category, string eventKey)
    {
        var outbox = world.Silo.Services.GetRequiredService<Outbox>();
        var composer = world.Silo.Services.GetRequiredService<EmailComposer>();
        await using var connection = await world.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var written = await outbox.EnqueueAsync(connection, transaction,
            new OutboxItem("TEST_" + category.ToString().ToUpperInvariant(), to, composer.Compose("Sam", "A test " + category, ["Something is due."]))
            {
                Category = category,
                EventKey = eventKey,
            });
        await transaction.CommitAsync();
        return written;
    }

    private static async Task<bool?> PreferenceAsync(PeopleWorld world, string email, string column)
    {
        await using var command = world.Database.CreateCommand($"SELECT {column} FROM notification_preferences WHERE email = lower(@e)");
        command.Parameters.AddWithValue("e", email);
        return await command.ExecuteScalarAsync() as bool?;
    }
}
