using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests.Schools;

/// <summary>The school grain holds the school and its current staff, on a real cluster and database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchoolGrainTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Viewer Admin = new(1, "Admin", "admin@example.test", new HashSet<Role> { Role.ADMIN }, null, null, null);

    [Fact]
    public async Task A_write_from_outside_the_grain_is_caught_by_the_version_check_and_the_rules_run_again_on_the_school_as_stored()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        await SeedSchoolAsync(cluster, "100001", "Oak Primary");
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<ISchoolGrain>("100001");
        Assert.Empty((await grain.AddStaffAsync(Admin, "Ann Teacher", "ann@oak.example", StaffRole.TEACHER)).Errors);
        // The rule on emails is checked on the staff the activation holds.
        Assert.Equal(ErrorCodes.Clash, Assert.Single((await grain.AddStaffAsync(Admin, "Ann Again", "ANN@oak.example", StaffRole.TEACHER)).Errors).Code);

        // Behind the activation's back, an import closes the school, moving its version on as
        // every writer must.
        await using (var outside = cluster.Database.CreateCommand("UPDATE schools SET open = false, version = version + 1 WHERE urn = '100001'"))
        {
            await outside.ExecuteNonQueryAsync();
        }

        // The activation still holds the school as open; the write finds it moved on, reads it
        // again, and the rules refuse staff for a closed school. Nothing is written.
        var refused = await grain.AddStaffAsync(Admin, "Bob Teacher", null, StaffRole.TEACHER);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((ErrorCodes.Invalid, "The school is closed."), (error.Code, error.Message));
        await using var staff = cluster.Database.CreateCommand("SELECT count(*) FROM staff WHERE school_urn = '100001'");
        Assert.Equal(1L, await staff.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_refusal_is_confirmed_on_the_school_as_stored_so_an_erased_email_can_be_used_again()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        await SeedSchoolAsync(cluster, "100002", "Elm Primary");
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<ISchoolGrain>("100002");
        Assert.Empty((await grain.AddStaffAsync(Admin, "Ann Teacher", "ann@elm.example", StaffRole.TEACHER)).Errors);

        // An erasure outside the grain takes the address away, as erasing a person does.
        await using (var erase = cluster.Database.CreateCommand("UPDATE staff SET name = 'Erased person', email = NULL WHERE school_urn = '100002'"))
        {
            await erase.ExecuteNonQueryAsync();
        }

        var added = await grain.AddStaffAsync(Admin, "Ann Returning", "ann@elm.example", StaffRole.TEACHER);
        Assert.Empty(added.Errors);
        Assert.Equal("ann@elm.example", added.Value!.Email);
    }

    private static async Task SeedSchoolAsync(GrainCluster cluster, string urn, string name)
    {
        await using var seed = cluster.Database.CreateCommand("""
            INSERT INTO schools (urn, name, phase, school_type, district_id, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
            VALUES (@urn, @name, 'PRIMARY', 'MAINTAINED', 'dover', true, 'Community school', 'Primary', 'Open', @now, @now)
            """);
        seed.Parameters.AddWithValue("urn", urn);
        seed.Parameters.AddWithValue("name", name);
        seed.Parameters.AddWithValue("now", Now);
        await seed.ExecuteNonQueryAsync();
    }
}
