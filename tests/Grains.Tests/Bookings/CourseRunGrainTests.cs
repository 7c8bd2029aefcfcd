using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Runtime;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Grains.Tests.Bookings;

/// <summary>
/// The run grain against a real database, in two grain runtimes at once (two silos): the
/// run's row lock, not the activation, keeps capacity and the waiting-list order.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CourseRunGrainTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Viewer Admin = new(1, "Admin", "admin@example.test", new HashSet<Role> { Role.ADMIN }, null, null, null);

    [Fact]
    public async Task Two_silos_booking_one_run_at_once_never_pass_its_capacity()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clock = new ManualClock(Now);
        await using var first = Silo(connectionString, clock);
        await using var second = Silo(connectionString, clock);
        var (runId, staff) = await SeedAsync(first.GetRequiredService<NpgsqlDataSource>(), capacity: 5, people: 40);

        var results = await Task.WhenAll(staff.Select((id, i) =>
            Task.Run(() => (i % 2 == 0 ? first : second).GetRequiredService<IGrainFactory>().GetGrain<ICourseRunGrain>(runId).BookAsync(Admin, [id.ToString()]))));

        Assert.All(results, r => Assert.Empty(r.Errors));
        var bookings = results.Select(r => Assert.Single(r.Bookings)).ToList();
        Assert.Equal(5, bookings.Count(b => b.Status == BookingStatus.CONFIRMED));
        Assert.Equal(Enumerable.Range(1, 35), bookings.Where(b => b.Status == BookingStatus.WAITLISTED).Select(b => b.WaitlistPosition!.Value).Order());
        var run = (await first.GetRequiredService<CourseRunQueries>().FindAsync(runId))!;
        Assert.Equal((5, 0, 35), (run.ConfirmedCount, run.OfferedCount, run.WaitlistedCount));
    }

    [Fact]
    public async Task An_offer_lapses_when_its_reminder_settles_the_run_and_the_place_passes_on()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clock = new ManualClock(Now);
        await using var silo = Silo(connectionString, clock);
        var (runId, staff) = await SeedAsync(silo.GetRequiredService<NpgsqlDataSource>(), capacity: 1, people: 3);
        var grain = silo.GetRequiredService<IGrainFactory>().GetGrain<ICourseRunGrain>(runId);
        var made = (await grain.BookAsync(Admin, [.. staff.Select(s => s.ToString())])).Bookings;

        await grain.CancelBookingAsync(Admin, made[0].Id, null);
        var reminder = await ReminderDueAsync(silo.GetRequiredService<NpgsqlDataSource>(), runId);
        Assert.Equal(Now.AddHours(48), reminder);

        clock.Advance(TimeSpan.FromHours(48));
        await grain.SettleOffersAsync();

        var queries = silo.GetRequiredService<BookingQueries>();
        Assert.Equal(Cancellation.OFFER_LAPSED, (await queries.FindAsync(made[1].Id))!.Cancellation);
        Assert.Equal(BookingStatus.OFFERED, (await queries.FindAsync(made[2].Id))!.Status);
        Assert.Equal(Now.AddHours(96), await ReminderDueAsync(silo.GetRequiredService<NpgsqlDataSource>(), runId));
        var late = await grain.AcceptOfferAsync(Admin, made[1].Id);
        Assert.Equal(BookingErrorCodes.OfferExpired, Assert.Single(late.Errors).Code);
    }

    /// <summary>A grain runtime with the booking services, as one silo has it (its reminder poller stays idle: no host runs it).</summary>
    private static ServiceProvider Silo(string connectionString, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(clock);
        services.AddGrainRuntime();
        services.AddGrainsFromAssembly(typeof(CourseRunGrain).Assembly);
        services.AddSingleton<SchoolQueries>();
        services.AddSingleton<StaffVisibility>();
        services.AddCoursesAndBookings(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }

    /// <summary>One school with <paramref name="people"/> staff, a course and a run ten days ahead.</summary>
    private static async Task<(long RunId, IReadOnlyList<long> Staff)> SeedAsync(NpgsqlDataSource db, int capacity, int people)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO schools (urn, name, phase, school_type, district_id, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
            VALUES ('100001', 'Oak Primary', 'PRIMARY', 'MAINTAINED', 'dover', true, 'Community school', 'Primary', 'Open', @now, @now);
            -- The admin who books (the first account of a fresh database, id 1).
            INSERT INTO accounts (email, name, password_hash, created_at) VALUES ('admin@example.test', 'Admin', '-', @now);
            INSERT INTO staff (school_urn, name, role, created_at) SELECT '100001', 'Teacher ' || n, 'TEACHER', @now FROM generate_series(1, @people) n;
            INSERT INTO courses (title, summary, provider, strand, core_offer, audiences, expected_impact, prior_knowledge, framework_areas,
                                 need_types, phases, delivery_mode, price_pence, funded_release_days, created_at, updated_at)
            VALUES ('Inclusive Practices', 'Adaptive teaching.', 'County', 'SCHOOL_TO_SCHOOL_SYSTEM', true, '{TEACHER}', 'Better lessons.',
                    'INTRODUCTORY', '{}', '{}', '{PRIMARY}', 'IN_PERSON', 0, 0, @now, @now);
            WITH run AS (
                INSERT INTO course_runs (course_id, venue, district_id, capacity, booking_closes_at, starts_at, ends_at, status, created_at, updated_at)
                SELECT id, 'Hub', 'dover', @capacity, @starts, @starts, @starts + interval '6 hours', 'SCHEDULED', @now, @now FROM courses
                RETURNING id, starts_at, ends_at
            ), session AS (
                INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at) SELECT id, starts_at, ends_at, @now FROM run
            )
            SELECT id FROM run;
            """);
        command.Parameters.AddWithValue("now", Now);
        command.Parameters.AddWithValue("starts", Now.AddDays(10));
        command.Parameters.AddWithValue("capacity", capacity);
        command.Parameters.AddWithValue("people", people);
        var runId = (long)(await command.ExecuteScalarAsync())!;
        await using var staff = db.CreateCommand("SELECT id FROM staff ORDER BY id");
        var ids = new List<long>();
        await using var reader = await staff.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return (runId, ids);
    }

    private static async Task<DateTimeOffset> ReminderDueAsync(NpgsqlDataSource db, long runId)
    {
        await using var command = db.CreateCommand("SELECT due_at FROM grain_reminders WHERE grain_key = @key AND reminder_name = @name");
        command.Parameters.AddWithValue("key", runId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("name", CourseRunGrain.OfferExpiryReminder);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
    }
}
