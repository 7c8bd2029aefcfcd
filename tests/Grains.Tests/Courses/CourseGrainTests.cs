using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests.Courses;

/// <summary>The course grain holds its course, on a real cluster and database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CourseGrainTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Viewer Admin = new(1, "Admin", "admin@example.test", new HashSet<Role> { Role.ADMIN }, null, null, null);

    [Fact]
    public async Task A_write_from_outside_the_grain_is_caught_by_the_version_check_and_who_may_publish_or_change_is_checked_again()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        await cluster.WriteBehindTheGrainsAsync("""
            INSERT INTO accounts (email, name, password_hash, created_at)
            VALUES ('admin@example.test', 'Admin', '-', @now), ('pam@example.test', 'Pam', '-', @now), ('quinn@example.test', 'Quinn', '-', @now);
            INSERT INTO account_roles (account_id, role) SELECT id, CASE email WHEN 'admin@example.test' THEN 'ADMIN' ELSE 'PROVIDER' END FROM accounts;
            """, ("now", Now));
        var (pam, quinn) = (await cluster.ScalarAsync<long>("SELECT id FROM accounts WHERE email = 'pam@example.test'"),
            await cluster.ScalarAsync<long>("SELECT id FROM accounts WHERE email = 'quinn@example.test'"));
        var pamViewer = new Viewer(pam, "Pam", "pam@example.test", new HashSet<Role> { Role.PROVIDER }, null, null, null);
        var quinnViewer = new Viewer(quinn, "Quinn", "quinn@example.test", new HashSet<Role> { Role.PROVIDER }, null, null, null);
        var courseId = await cluster.ScalarAsync<long>("SELECT nextval(pg_get_serial_sequence('courses', 'id'))");
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<ICourseGrain>(courseId);
        var created = await grain.SaveAsync(Admin, Draft("Inclusive Practices", pam), create: true);
        Assert.Equal(1, created.Value!.Version);
        Assert.Empty((await grain.ScheduleRunAsync(pamViewer, Schedule(days: 10))).Errors);

        // Behind the activation's back, the course is handed to another provider, moving its
        // version on as every writer must.
        await cluster.WriteBehindTheGrainsAsync("UPDATE courses SET provider_account_id = @quinn, version = version + 1 WHERE id = @id",
            ("quinn", quinn), ("id", courseId));

        // The activation still holds Pam as the provider; the run's write finds the course moved
        // on, reads it again, and Pam may no longer publish. Nothing is written.
        Assert.Equal(ErrorCodes.NotAllowed, Assert.Single((await grain.ScheduleRunAsync(pamViewer, Schedule(days: 11))).Errors).Code);
        Assert.Equal(1L, await cluster.ScalarAsync<long>("SELECT count(*) FROM course_runs WHERE course_id = @id", ("id", courseId)));

        // Handed back outside the grain: the activation now holds Quinn, so it would refuse Pam;
        // a refusal writes nothing for a version check to catch, so it is confirmed on the course
        // as stored, and Pam publishes.
        await cluster.WriteBehindTheGrainsAsync("UPDATE courses SET provider_account_id = @pam, version = version + 1 WHERE id = @id",
            ("pam", pam), ("id", courseId));
        Assert.Empty((await grain.ScheduleRunAsync(pamViewer, Schedule(days: 12))).Errors);
        Assert.Equal(ErrorCodes.NotAllowed, Assert.Single((await grain.ScheduleRunAsync(quinnViewer, Schedule(days: 13))).Errors).Code);

        // An admin's change made at the held version after an outside retitling goes through
        // once read again, on top of it.
        await cluster.WriteBehindTheGrainsAsync("UPDATE courses SET summary = 'Changed outside.', version = version + 1 WHERE id = @id", ("id", courseId));
        var saved = await grain.SaveAsync(Admin, Draft("Inclusive Practices II", pam), create: false);
        Assert.Equal(("Inclusive Practices II", 5), (saved.Value!.Title, saved.Value.Version));
        Assert.Equal((2L, 5), (await cluster.ScalarAsync<long>("SELECT count(*) FROM course_runs WHERE course_id = @id", ("id", courseId)),
            await cluster.ScalarAsync<int>("SELECT version FROM courses WHERE id = @id", ("id", courseId))));

        // A provider changes only their own course, and cannot hand it to another provider.
        Assert.Equal(ErrorCodes.NotAllowed, Assert.Single((await grain.SaveAsync(quinnViewer, Draft("Taken over", quinn), create: false)).Errors).Code);
        Assert.Equal(ErrorCodes.NotAllowed, Assert.Single((await grain.SaveAsync(pamViewer, Draft("Handed on", quinn), create: false)).Errors).Code);
        var own = await grain.SaveAsync(pamViewer, Draft("Inclusive Practices III", pam), create: false);
        Assert.Equal(("Inclusive Practices III", pam), (own.Value!.Title, own.Value.ProviderAccountId));
    }

    private static CourseDraft Draft(string title, long providerAccount) => new(
        title, "Adaptive teaching.", "County", providerAccount, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [Audience.TEACHER], "Better lessons.",
        PriorKnowledge.INTRODUCTORY, [], [], [Phase.PRIMARY], DeliveryMode.IN_PERSON, 0, 0, null);

    private static RunSchedule Schedule(int days) =>
        new([(Now.AddDays(days), Now.AddDays(days).AddHours(6))], "Hub", "dover", 20, null, null);
}
