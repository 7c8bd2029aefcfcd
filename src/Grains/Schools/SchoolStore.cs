using Npgsql;

namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// Reads a school's state and writes its staff changes. Each write is one statement that
/// moves the school's version on only while it is still at the version read, and changes the
/// staff only beside that; otherwise it writes nothing and says the state was stale.
/// </summary>
public sealed class SchoolStore(NpgsqlDataSource dataSource)
{
    private const string StaffColumns = "id, school_urn, name, email, role, removed_at";

    /// <summary>The school and its current staff, in one round trip; null when there is no such school.</summary>
    public async Task<SchoolState?> LoadAsync(string urn, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        var school = new NpgsqlBatchCommand("SELECT open, version FROM schools WHERE urn = @urn");
        school.Parameters.AddWithValue("urn", urn);
        var staff = new NpgsqlBatchCommand($"SELECT {StaffColumns} FROM staff WHERE school_urn = @urn AND removed_at IS NULL");
        staff.Parameters.AddWithValue("urn", urn);
        batch.BatchCommands.Add(school);
        batch.BatchCommands.Add(staff);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var (open, version) = (reader.GetBoolean(0), reader.GetInt32(1));
        await reader.NextResultAsync(cancellationToken);
        var current = new Dictionary<long, StaffMember>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var member = SchoolQueries.ReadStaff(reader);
            current[member.Id] = member;
        }
        return new SchoolState(open, version, current);
    }

    /// <summary>Adds a member of staff; the member is null when the email is already someone's current address (the unique index).</summary>
    public async Task<StaffWrite> AddStaffAsync(string urn, int expectedVersion, string name, string? email, StaffRole role, DateTimeOffset now)
    {
        await using var insert = dataSource.CreateCommand($"""
            WITH school AS (
                UPDATE schools SET version = version + 1 WHERE urn = @urn AND version = @expected RETURNING urn
            ), added AS (
                INSERT INTO staff (school_urn, name, email, role, created_at)
                SELECT urn, @name, @email, @role, @now FROM school
                ON CONFLICT DO NOTHING
                RETURNING {StaffColumns}
            )
            SELECT (SELECT count(*) FROM school), a.* FROM (SELECT 1) AS one LEFT JOIN added a ON true
            """);
        insert.Parameters.AddWithValue("urn", urn);
        insert.Parameters.AddWithValue("expected", expectedVersion);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("email", NpgsqlTypes.NpgsqlDbType.Text, (object?)email ?? DBNull.Value);
        insert.Parameters.AddWithValue("role", role.ToString());
        insert.Parameters.AddWithValue("now", now);
        return await ReadWriteAsync(insert);
    }

    /// <summary>
    /// Marks a member of staff removed; the member is null when they were not current staff of
    /// the school. In the same statement the person's account (linked to the member, or holding
    /// the member's email address at this school) loses its school-bound roles there (STAFF,
    /// SCHOOL_BOOKER) and its calendar feeds of the school and of the member's own bookings stop.
    /// An account left with other roles (a leader, a network lead) is unlinked from the school
    /// and the member and goes on; one left with none is linked to the removed member, which
    /// <c>AccountStatus.LiveSql</c> treats as no longer live: its sessions and tokens stop.
    /// </summary>
    public async Task<StaffWrite> RemoveStaffAsync(string urn, int expectedVersion, long staffId, DateTimeOffset now)
    {
        await using var update = dataSource.CreateCommand($"""
            WITH school AS (
                UPDATE schools SET version = version + 1 WHERE urn = @urn AND version = @expected RETURNING urn
            ), removed AS (
                UPDATE staff s SET removed_at = @now FROM school
                WHERE s.id = @id AND s.school_urn = school.urn AND s.removed_at IS NULL
                RETURNING s.id, s.school_urn, s.name, s.email, s.role, s.removed_at
            ), person AS (
                SELECT a.id, r.id AS staff_id, r.school_urn,
                       EXISTS (SELECT 1 FROM account_roles other WHERE other.account_id = a.id AND other.role NOT IN ('STAFF', 'SCHOOL_BOOKER')) AS keeps_other
                FROM accounts a JOIN removed r
                  ON a.staff_id = r.id OR (a.school_urn = r.school_urn AND r.email IS NOT NULL AND lower(a.email) = lower(r.email))
            ), ended_roles AS (
                DELETE FROM account_roles ar USING person p
                WHERE ar.account_id = p.id AND ar.role IN ('STAFF', 'SCHOOL_BOOKER')
                RETURNING ar.account_id
            ), stopped_feeds AS (
                UPDATE calendar_feeds f SET revoked_at = @now FROM person p
                WHERE f.account_id = p.id AND f.revoked_at IS NULL
                  AND ((f.scope = 'SCHOOL' AND f.subject_id = p.school_urn) OR (f.scope = 'STAFF' AND f.subject_id = p.staff_id::text))
                RETURNING f.id
            ), relinked AS (
                UPDATE accounts a SET school_urn = CASE WHEN p.keeps_other THEN NULL ELSE a.school_urn END,
                                      staff_id = CASE WHEN p.keeps_other THEN NULL ELSE p.staff_id END
                FROM person p WHERE a.id = p.id
                RETURNING a.id
            )
            SELECT (SELECT count(*) FROM school), r.* FROM (SELECT 1) AS one LEFT JOIN removed r ON true
            """);
        update.Parameters.AddWithValue("urn", urn);
        update.Parameters.AddWithValue("expected", expectedVersion);
        update.Parameters.AddWithValue("id", staffId);
        update.Parameters.AddWithValue("now", now);
        return await ReadWriteAsync(update);
    }

    /// <summary>Changes a current member of staff's role; the member is null when they were not current staff of the school.</summary>
    public async Task<StaffWrite> ChangeStaffRoleAsync(string urn, int expectedVersion, long staffId, StaffRole role)
    {
        await using var update = dataSource.CreateCommand($"""
            WITH school AS (
                UPDATE schools SET version = version + 1 WHERE urn = @urn AND version = @expected RETURNING urn
            ), changed AS (
                UPDATE staff s SET role = @role FROM school
                WHERE s.id = @id AND s.school_urn = school.urn AND s.removed_at IS NULL
                RETURNING s.id, s.school_urn, s.name, s.email, s.role, s.removed_at
            )
            SELECT (SELECT count(*) FROM school), c.* FROM (SELECT 1) AS one LEFT JOIN changed c ON true
            """);
        update.Parameters.AddWithValue("urn", urn);
        update.Parameters.AddWithValue("expected", expectedVersion);
        update.Parameters.AddWithValue("id", staffId);
        update.Parameters.AddWithValue("role", role.ToString());
        return await ReadWriteAsync(update);
    }

    private static async Task<StaffWrite> ReadWriteAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || reader.GetInt64(0) == 0)
        {
            return new StaffWrite(Stale: true, null);
        }
        if (reader.IsDBNull(1))
        {
            return new StaffWrite(Stale: false, null);
        }
        return new StaffWrite(Stale: false, new StaffMember(
            reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
            Enum.Parse<StaffRole>(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
    }
}

/// <summary>What a staff write did: nothing at a stale version, or the school's version moved on with the member as written (null when the row was refused).</summary>
public sealed record StaffWrite(bool Stale, StaffMember? Member);
