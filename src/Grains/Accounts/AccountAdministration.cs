using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// Admins' work on accounts: listing and searching them, and changing a name, the roles, the
/// school, or whether the account is active. Deactivating sets <c>disabled_at</c>, which
/// <see cref="AccountStatus.LiveSql"/> reads on every sign-in, token, session and calendar feed,
/// and revokes the account's tokens, so everything stops at once and stays stopped if the
/// account is later reactivated.
/// </summary>
public sealed class AccountAdministration(NpgsqlDataSource dataSource, DomainClock clock)
{
    public async Task<AccountPage> ListAsync(AccountFilter filter, int first, long? afterId, CancellationToken cancellationToken = default)
    {
        const string Where = $"""
            (@role::text IS NULL OR EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = @role))
            AND (@school::text IS NULL OR a.school_urn = @school)
            AND (@search::text IS NULL OR a.name ILIKE @search ESCAPE '\' OR a.email ILIKE @search ESCAPE '\')
            AND (@inactive OR {AccountStatus.LiveSql})
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        void Bind(NpgsqlCommand command)
        {
            command.Parameters.AddWithValue("role", NpgsqlTypes.NpgsqlDbType.Text, (object?)filter.Role?.ToString() ?? DBNull.Value);
            command.Parameters.AddWithValue("school", NpgsqlTypes.NpgsqlDbType.Text, (object?)filter.SchoolUrn ?? DBNull.Value);
            command.Parameters.AddWithValue("search", NpgsqlTypes.NpgsqlDbType.Text,
                string.IsNullOrWhiteSpace(filter.Search) ? DBNull.Value : "%" + EscapeLike(filter.Search.Trim()) + "%");
            command.Parameters.AddWithValue("inactive", filter.IncludeInactive);
        }
        await using var page = new NpgsqlCommand($"""
            SELECT {AccountService.AccountColumns} FROM accounts a
            WHERE {Where} AND (@after::bigint IS NULL OR a.id < @after)
            ORDER BY a.id DESC LIMIT @limit
            """, connection);
        Bind(page);
        page.Parameters.AddWithValue("after", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)afterId ?? DBNull.Value);
        page.Parameters.AddWithValue("limit", first + 1);
        var accounts = new List<Account>();
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                accounts.Add(AccountService.ReadAccount(reader));
            }
        }
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM accounts a WHERE {Where}", connection);
        Bind(count);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        var hasNext = accounts.Count > first;
        return new AccountPage(hasNext ? accounts[..first] : accounts, hasNext, (int)total);
    }

    public async Task<Account?> FindAsync(long accountId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await AccountService.FindAccountAsync(connection, null, accountId, cancellationToken);
    }

    public async Task<CommandResult<Account>> UpdateAsync(Viewer viewer, AccountUpdate update, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin)
        {
            return CommandResult<Account>.Failure(DomainError.NotAllowed("Only admins may change accounts."));
        }
        var name = update.Name?.Trim();
        if (name is { Length: 0 or > InvitationService.MaxNameLength })
        {
            return CommandResult<Account>.Failure(DomainError.Invalid($"Enter a name of at most {InvitationService.MaxNameLength} characters.", "input", "name"));
        }
        if (update.Roles is { Count: 0 })
        {
            return CommandResult<Account>.Failure(DomainError.Invalid("An account needs at least one role; deactivate it instead.", "input", "roles"));
        }
        if (update.AccountId == viewer.AccountId && (update.Active == false || (update.Roles is not null && !update.Roles.Contains(Role.ADMIN))))
        {
            // Keeps the county from locking its last admin out by a slip.
            return CommandResult<Account>.Failure(new DomainError(ErrorCodes.NotAllowed,
                "You cannot deactivate your own account or take away your own ADMIN role. Ask another admin.", ["input", "accountId"]));
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Account? current;
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM accounts WHERE id = @id FOR UPDATE", connection, transaction))
        {
            lockRow.Parameters.AddWithValue("id", update.AccountId);
            await lockRow.ExecuteScalarAsync(cancellationToken);
        }
        current = await AccountService.FindAccountAsync(connection, transaction, update.AccountId, cancellationToken);
        if (current is null)
        {
            return CommandResult<Account>.Failure(DomainError.NotFound("No account has that id.", "input", "accountId"));
        }
        var schoolUrn = update.SchoolUrnGiven ? (string.IsNullOrWhiteSpace(update.SchoolUrn) ? null : update.SchoolUrn.Trim()) : current.SchoolUrn;
        var roles = (update.Roles ?? current.Roles).Distinct().ToList();
        if (roles.Any(RoleNames.IsSchoolBound) && schoolUrn is null)
        {
            return CommandResult<Account>.Failure(DomainError.Invalid("STAFF and SCHOOL_BOOKER need a school.", "input", "schoolUrn"));
        }
        if (schoolUrn is not null && schoolUrn != current.SchoolUrn)
        {
            await using var school = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM schools WHERE urn = @urn)", connection, transaction);
            school.Parameters.AddWithValue("urn", schoolUrn);
            if (!(bool)(await school.ExecuteScalarAsync(cancellationToken))!)
            {
                return CommandResult<Account>.Failure(DomainError.NotFound("No school has that URN.", "input", "schoolUrn"));
            }
        }
        var now = clock.GetUtcNow();
        await using (var write = new NpgsqlCommand("""
            UPDATE accounts SET
                name = coalesce(@name, name),
                school_urn = @school,
                -- The member of staff the account is belongs to the old school.
                staff_id = CASE WHEN school_urn IS DISTINCT FROM @school THEN NULL ELSE staff_id END,
                disabled_at = CASE WHEN @active IS NULL THEN disabled_at WHEN @active THEN NULL ELSE coalesce(disabled_at, @now) END
            WHERE id = @id;
            UPDATE access_tokens SET revoked_at = @now WHERE account_id = @id AND revoked_at IS NULL AND @active IS NOT NULL AND NOT @active;
            """, connection, transaction))
        {
            write.Parameters.AddWithValue("id", update.AccountId);
            write.Parameters.AddWithValue("name", NpgsqlTypes.NpgsqlDbType.Text, (object?)name ?? DBNull.Value);
            write.Parameters.AddWithValue("school", NpgsqlTypes.NpgsqlDbType.Text, (object?)schoolUrn ?? DBNull.Value);
            write.Parameters.AddWithValue("active", NpgsqlTypes.NpgsqlDbType.Boolean, (object?)update.Active ?? DBNull.Value);
            write.Parameters.AddWithValue("now", now);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        if (update.Roles is not null)
        {
            await using var replace = new NpgsqlCommand("""
                DELETE FROM account_roles WHERE account_id = @id AND role <> ALL(@roles);
                INSERT INTO account_roles (account_id, role) SELECT @id, unnest(@roles) ON CONFLICT DO NOTHING;
                """, connection, transaction);
            replace.Parameters.AddWithValue("id", update.AccountId);
            replace.Parameters.AddWithValue("roles", roles.Select(r => r.ToString()).ToArray());
            await replace.ExecuteNonQueryAsync(cancellationToken);
        }
        var updated = await AccountService.FindAccountAsync(connection, transaction, update.AccountId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult<Account>.Success(updated!);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
