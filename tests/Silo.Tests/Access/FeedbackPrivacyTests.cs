using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// Evaluations and follow-ups are seen beside the booking only by the person who gave them
/// and admins: not by colleagues, the school's bookers, the cluster's ILE or the provider.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FeedbackPrivacyTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld world = null!;

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private const string RunBookings = """
        query($id: ID!) { courseRun(id: $id) { bookings { id evaluation { content comments } followUp { implemented notes } } } }
        """;

    private const string SchoolBookings = """
        query($urn: ID!) { school(urn: $urn) { bookings { id evaluation { content comments } followUp { implemented notes } } } }
        """;

    [Fact]
    public async Task Only_the_person_who_gave_feedback_and_admins_read_it()
    {
        // An evaluated booking whose school has another member of staff who can sign in, a booker and a cluster ILE.
        var rows = await world.ListAsync<long>("""
            SELECT b.id FROM bookings b JOIN evaluations e ON e.booking_id = b.id
            JOIN accounts a ON a.staff_id = b.staff_id
            WHERE EXISTS (SELECT 1 FROM accounts c JOIN staff s ON s.id = c.staff_id WHERE s.school_urn = b.school_urn AND s.id <> b.staff_id)
              AND EXISTS (SELECT 1 FROM accounts k WHERE k.email = 'booker.' || b.school_urn || '@demo.test')
              AND EXISTS (SELECT 1 FROM cluster_members m JOIN peer_review_clusters k ON k.id = m.cluster_id JOIN accounts l ON l.leader_id = k.leader_id
                          WHERE m.school_urn = b.school_urn AND k.academic_year = '2026/27')
            ORDER BY b.id LIMIT 1
            """);
        var bookingId = Assert.Single(rows);
        await using (var followUp = world.Database.CreateCommand(
            "INSERT INTO follow_ups (booking_id, implemented, notes, submitted_at) VALUES (@id, 'PARTLY', 'Notes for me', now()) ON CONFLICT DO NOTHING"))
        {
            followUp.Parameters.AddWithValue("id", bookingId);
            await followUp.ExecuteNonQueryAsync();
        }
        var id = bookingId.ToString(CultureInfo.InvariantCulture);
        var runId = (await world.ScalarAsync<long>("SELECT run_id FROM bookings WHERE id = @id", ("id", bookingId))).ToString(CultureInfo.InvariantCulture);
        var urn = await world.ScalarAsync<string>("SELECT school_urn FROM bookings WHERE id = @id", ("id", bookingId));
        var giver = await world.ScalarAsync<long>("SELECT staff_id FROM bookings WHERE id = @id", ("id", bookingId));
        var colleague = await world.ScalarAsync<long>("""
            SELECT s.id FROM staff s JOIN accounts c ON c.staff_id = s.id WHERE s.school_urn = @urn AND s.id <> @giver ORDER BY s.id LIMIT 1
            """, ("urn", urn), ("giver", giver));
        var leaderEmail = await world.ScalarAsync<string>("""
            SELECT a.email FROM cluster_members m JOIN peer_review_clusters k ON k.id = m.cluster_id JOIN accounts a ON a.leader_id = k.leader_id
            WHERE m.school_urn = @urn AND k.academic_year = '2026/27'
            """, ("urn", urn));

        async Task<JsonElement?> FeedbackSeenAsync(HttpClient client, string query, object variables, string path)
        {
            var bookings = (await client.GraphQLAsync(query, variables)).Get(path);
            return bookings.EnumerateArray().Where(b => b.GetProperty("id").GetString() == id).Cast<JsonElement?>().SingleOrDefault();
        }

        foreach (var (who, client) in new[] { ("the person", await world.StaffAsync(giver)), ("an admin", await world.AdminAsync()) })
        {
            var seen = await FeedbackSeenAsync(client, SchoolBookings, new { urn }, "school.bookings");
            Assert.True(seen is { } b && b.GetProperty("evaluation").ValueKind == JsonValueKind.Object && b.GetProperty("followUp").ValueKind == JsonValueKind.Object,
                $"{who} should read the feedback");
        }

        foreach (var (who, client, query, variables, path) in new (string, HttpClient, string, object, string)[]
        {
            ("a colleague", await world.StaffAsync(colleague), SchoolBookings, new { urn }, "school.bookings"),
            ("the school's booker", await world.BookerAsync(urn), SchoolBookings, new { urn }, "school.bookings"),
            ("the cluster's ILE", await world.AsAsync(leaderEmail), SchoolBookings, new { urn }, "school.bookings"),
            ("the provider", await world.ProviderAsync(), RunBookings, new { id = runId }, "courseRun.bookings"),
        })
        {
            // Each still sees the booking itself, as before; only the feedback is withheld.
            var seen = await FeedbackSeenAsync(client, query, variables, path);
            Assert.True(seen is not null, $"{who} should still see the booking");
            Assert.Equal(JsonValueKind.Null, seen!.Value.GetProperty("evaluation").ValueKind);
            Assert.Equal(JsonValueKind.Null, seen.Value.GetProperty("followUp").ValueKind);
        }
    }
}
