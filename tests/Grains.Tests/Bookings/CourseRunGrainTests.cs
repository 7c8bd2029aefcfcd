using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Schools;
using Orleans;
using InclusionNetwork.TestSupport;
using InclusionNetwork.Grains.Tests.Support;
using Npgsql;

namespace InclusionNetwork.Grains.Tests.Bookings;

/// <summary>
/// The run grain on a real Orleans cluster of two silos on a real database: one activation
/// of the run answers callers on either silo, and the run's row version and constraints stay
/// the backstop behind it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CourseRunGrainTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Viewer Admin = new(1, "Admin", "admin@example.test", new HashSet<Role> { Role.ADMIN }, null, null, null);

    [Fact]
    public async Task Callers_on_two_silos_booking_one_run_at_once_never_pass_its_capacity()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now));
        var (runId, staff) = await CourseRunSeed.SeedAsync(cluster.Database, Now, capacity: 5, people: 40);

        var results = await Task.WhenAll(staff.Select((id, i) =>
            Task.Run(() => cluster.GrainsOn(cluster.Silos[i % 2]).GetGrain<ICourseRunGrain>(runId).BookAsync(Admin, [id.ToString()]))));

        Assert.All(results, r => Assert.Empty(r.Errors));
        var bookings = results.Select(r => Assert.Single(r.Bookings)).ToList();
        Assert.Equal(5, bookings.Count(b => b.Status == BookingStatus.CONFIRMED));
        Assert.Equal(Enumerable.Range(1, 35), bookings.Where(b => b.Status == BookingStatus.WAITLISTED).Select(b => b.WaitlistPosition!.Value).Order());
        var run = (await cluster.Service<CourseRunQueries>().FindAsync(runId))!;
        Assert.Equal((5, 0, 35), (run.ConfirmedCount, run.OfferedCount, run.WaitlistedCount));
        // Both silos are members of one cluster kept in the database, not a test double.
        await using var members = cluster.Database.CreateCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3");
        Assert.Equal(2L, await members.ExecuteScalarAsync());
    }

    [Fact]
    public async Task People_booked_without_their_staff_row_read_first_are_checked_by_the_write_and_refused_on_their_row_as_read()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        var (runId, staff) = await CourseRunSeed.SeedAsync(cluster.Database, Now, capacity: 5, people: 4);
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<ICourseRunGrain>(runId);
        Assert.Empty((await grain.BookAsync(Admin, [staff[0].ToString()])).Errors);
        // Behind the activation's back, Teacher 2 leaves the school.
        await cluster.WriteBehindTheGrainsAsync("UPDATE staff SET removed_at = @now WHERE id = @id", ("now", Now), ("id", staff[1]));

        // The run has no cap per school, so the write checks the rows instead of a read before
        // it: a bookable person is written, with their school taken from their row.
        var booked = Assert.Single((await grain.BookAsync(Admin, [staff[2].ToString()])).Bookings);
        Assert.Equal(("100001", BookingStatus.CONFIRMED), (booked.SchoolUrn, booked.Status));
        // A person who is not bookable fails the write's check; the rules then run on the rows
        // as read and name what is wrong, and only the others are booked.
        var mixed = await grain.BookAsync(Admin, [staff[1].ToString(), staff[3].ToString(), "999999999"]);
        Assert.Equal([(ErrorCodes.Invalid, "Teacher 2 is no longer on the school's staff."), (ErrorCodes.NotFound, "No member of staff has that id.")],
            mixed.Errors.Select(e => (e.Code, e.Message)));
        Assert.Equal(staff[3], Assert.Single(mixed.Bookings).StaffId);
        var otherSchool = new Viewer(2, "Booker", "booker@elm.example", new HashSet<Role> { Role.SCHOOL_BOOKER }, "100002", null, null);
        Assert.Equal(ErrorCodes.NotAllowed, Assert.Single((await grain.BookAsync(otherSchool, [staff[1].ToString()])).Errors).Code);
        Assert.Equal((3L, 3L), (await cluster.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE run_id = @run", ("run", runId)),
            await cluster.ScalarAsync<long>("SELECT count(*) FROM bookings b JOIN staff s ON s.id = b.staff_id AND s.school_urn = b.school_urn WHERE b.run_id = @run", ("run", runId))));
    }

    [Fact]
    public async Task A_write_the_activation_did_not_make_is_caught_by_the_version_check_and_the_rules_see_it()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        var (runId, staff) = await CourseRunSeed.SeedAsync(cluster.Database, Now, capacity: 2, people: 3);
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<ICourseRunGrain>(runId);
        Assert.Equal(BookingStatus.CONFIRMED, Assert.Single((await grain.BookAsync(Admin, [staff[0].ToString()])).Bookings).Status);

        // Another writer (a second activation during a membership change, say) takes the last
        // place behind this activation's back, moving the run's version on as every writer must.
        await using (var outside = cluster.Database.CreateCommand("""
            INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, confirmed_at, updated_at)
            VALUES (@run, @staff, '100001', 'CONFIRMED', @now, @now, @now);
            UPDATE course_runs SET confirmed_count = confirmed_count + 1, version = version + 1 WHERE id = @run;
            """))
        {
            outside.Parameters.AddWithValue("run", runId);
            outside.Parameters.AddWithValue("staff", staff[1]);
            outside.Parameters.AddWithValue("now", Now);
            await outside.ExecuteNonQueryAsync();
        }

        // The activation's state says one place is left; the write finds the run moved on, and
        // the command runs again on the run as stored: the third person waits.
        var third = await grain.BookAsync(Admin, [staff[2].ToString()]);
        Assert.Equal((BookingStatus.WAITLISTED, 1), (Assert.Single(third.Bookings).Status, third.Bookings[0].WaitlistPosition!.Value));
        var run = (await cluster.Service<CourseRunQueries>().FindAsync(runId))!;
        Assert.Equal((2, 1), (run.ConfirmedCount, run.WaitlistedCount));
        // And the person the other writer booked is known to the activation from now on.
        Assert.Equal(BookingErrorCodes.AlreadyBooked, Assert.Single((await grain.BookAsync(Admin, [staff[1].ToString()])).Errors).Code);
    }

    [Fact]
    public async Task A_booking_whose_write_fails_fails_alone_and_the_bookings_written_beside_it_stand()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        var (runId, staff) = await CourseRunSeed.SeedAsync(cluster.Database, Now, capacity: 30, people: 30);
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<ICourseRunGrain>(runId);
        // The activation holds the run before a writer that breaks the rules (it leaves the
        // run's version alone) books the last person, so only the unique index knows.
        Assert.Empty((await grain.BookAsync(Admin, [staff[0].ToString()])).Errors);
        await using (var outside = cluster.Database.CreateCommand("""
            INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, confirmed_at, updated_at)
            VALUES (@run, @staff, '100001', 'CONFIRMED', @now, @now, @now)
            """))
        {
            outside.Parameters.AddWithValue("run", runId);
            outside.Parameters.AddWithValue("staff", staff[^1]);
            outside.Parameters.AddWithValue("now", Now);
            await outside.ExecuteNonQueryAsync();
        }

        // Bookings arriving together are written together; the one the index refuses must not
        // take the others down with it, and is refused by the rules once the run is read again.
        var calls = staff.Skip(1).Select(id => Task.Run(() => grain.BookAsync(Admin, [id.ToString()]))).ToList();
        Assert.Equal(BookingErrorCodes.AlreadyBooked, Assert.Single((await calls[^1]).Errors).Code);
        foreach (var call in calls.SkipLast(1))
        {
            Assert.Equal(BookingStatus.CONFIRMED, Assert.Single((await call).Bookings).Status);
        }
        await using var count = cluster.Database.CreateCommand("SELECT count(*), count(DISTINCT staff_id) FROM bookings WHERE run_id = @run AND status = 'CONFIRMED'");
        count.Parameters.AddWithValue("run", runId);
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((30L, 30L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task An_offer_lapses_when_its_reminder_settles_the_run_and_the_place_passes_on()
    {
        var clock = new ManualClock(Now);
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), clock, silos: 1);
        var (runId, staff) = await CourseRunSeed.SeedAsync(cluster.Database, Now, capacity: 1, people: 3);
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<ICourseRunGrain>(runId);
        var made = (await grain.BookAsync(Admin, [.. staff.Select(s => s.ToString())])).Bookings;

        var registeredAt = DateTimeOffset.UtcNow;
        await grain.CancelBookingAsync(Admin, made[0].Id, null);
        // Orleans runs on real time: the reminder is due 48 hours of it from now, and ticks every minute after.
        var (due, period) = await ReminderAsync(cluster.Database, runId);
        Assert.InRange(due, registeredAt.AddHours(48).AddSeconds(-5), DateTimeOffset.UtcNow.AddHours(48).AddSeconds(5));
        Assert.Equal(TimeSpan.FromMinutes(1), period);

        clock.Advance(TimeSpan.FromHours(48));
        await grain.SettleOffersAsync();

        var queries = cluster.Service<BookingQueries>();
        Assert.Equal(Cancellation.OFFER_LAPSED, (await queries.FindAsync(made[1].Id))!.Cancellation);
        Assert.Equal(BookingStatus.OFFERED, (await queries.FindAsync(made[2].Id))!.Status);
        Assert.NotNull(await ReminderOrNullAsync(cluster.Database));
        var late = await grain.AcceptOfferAsync(Admin, made[1].Id);
        Assert.Equal(BookingErrorCodes.OfferExpired, Assert.Single(late.Errors).Code);

        // Once the last offer is taken up nothing is pending, and the reminder goes.
        Assert.Empty((await grain.AcceptOfferAsync(Admin, made[2].Id)).Errors);
        Assert.Null(await ReminderOrNullAsync(cluster.Database));
    }

    private static async Task<(DateTimeOffset Due, TimeSpan Period)> ReminderAsync(NpgsqlDataSource db, long runId) =>
        await ReminderOrNullAsync(db) ?? throw new InvalidOperationException($"Run {runId} has no offer-expiry reminder.");

    /// <summary>The run's offer-expiry reminder as the Orleans reminder table holds it (the test database has one run).</summary>
    private static async Task<(DateTimeOffset Due, TimeSpan Period)?> ReminderOrNullAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            SELECT starttime, period FROM orleansreminderstable WHERE remindername = @name
            """);
        command.Parameters.AddWithValue("name", CourseRunGrain.OfferExpiryReminder);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetFieldValue<DateTimeOffset>(0), TimeSpan.FromMilliseconds(reader.GetInt64(1)))
            : null;
    }
}
