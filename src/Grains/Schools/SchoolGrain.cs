using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;
using Npgsql;

namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// Staff changes of one school. Calls on one school run one at a time; the unique index on
/// current staff emails (within each school) guards the same rule across silos.
/// </summary>
public sealed class SchoolGrain(NpgsqlDataSource dataSource, DomainClock clock) : Grain, ISchoolGrain
{
    private string Urn => this.GetPrimaryKeyString();

    public async Task<CommandResult<StaffMember>> AddStaffAsync(Viewer viewer, string name, string? email, StaffRole role)
    {
        if (!MayManageStaff(viewer))
        {
            return CommandResult<StaffMember>.Failure(DomainError.NotAllowed("Only the school's bookers and admins may add its staff."));
        }
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors.Add(DomainError.Invalid("Enter the person's name (at most 200 characters).", "input", "name"));
        }
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add(DomainError.Invalid("Enter an email address like name@school.example.", "input", "email"));
        }
        if (errors.Count > 0)
        {
            return new CommandResult<StaffMember>(null, errors);
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var school = new NpgsqlCommand("SELECT open FROM schools WHERE urn = @urn", connection))
        {
            school.Parameters.AddWithValue("urn", Urn);
            if (await school.ExecuteScalarAsync() is not bool open)
            {
                return CommandResult<StaffMember>.Failure(DomainError.NotFound("No school has that URN.", "input", "schoolUrn"));
            }
            if (!open)
            {
                return CommandResult<StaffMember>.Failure(DomainError.Invalid("The school is closed.", "input", "schoolUrn"));
            }
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO staff (school_urn, name, email, role, created_at) VALUES (@urn, @name, @email, @role, @now)
            ON CONFLICT DO NOTHING
            RETURNING id, school_urn, name, email, role, removed_at
            """, connection);
        insert.Parameters.AddWithValue("urn", Urn);
        insert.Parameters.AddWithValue("name", name.Trim());
        insert.Parameters.AddWithValue("email", (object?)email ?? DBNull.Value);
        insert.Parameters.AddWithValue("role", role.ToString());
        insert.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var reader = await insert.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            // The index is per school, so this says only what the school can see itself: its own staff list.
            return CommandResult<StaffMember>.Failure(new DomainError(ErrorCodes.Clash, "Someone on this school's staff already has that email address.", ["input", "email"]));
        }
        return CommandResult<StaffMember>.Success(SchoolQueries.ReadStaff(reader));
    }

    public async Task<CommandResult<StaffMember>> RemoveStaffAsync(Viewer viewer, long staffId)
    {
        if (!MayManageStaff(viewer))
        {
            return CommandResult<StaffMember>.Failure(DomainError.NotAllowed("Only the school's bookers and admins may remove its staff."));
        }
        await using var update = dataSource.CreateCommand("""
            UPDATE staff SET removed_at = @now WHERE id = @id AND school_urn = @urn AND removed_at IS NULL
            RETURNING id, school_urn, name, email, role, removed_at
            """);
        update.Parameters.AddWithValue("now", clock.GetUtcNow());
        update.Parameters.AddWithValue("id", staffId);
        update.Parameters.AddWithValue("urn", Urn);
        await using var reader = await update.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? CommandResult<StaffMember>.Success(SchoolQueries.ReadStaff(reader))
            : CommandResult<StaffMember>.Failure(DomainError.NotFound("The school has no current member of staff with that id.", "input", "staffId"));
    }

    private bool MayManageStaff(Viewer viewer) => viewer.IsAdmin || (viewer.Has(Role.SCHOOL_BOOKER) && viewer.SchoolUrn == Urn);
}
