using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// Erases a person: their name becomes "Erased person"; their email, what they wrote about
/// themselves (bookings' notes, evaluation comments, follow-up notes) and their way in
/// (password, sessions, tokens, calendar feeds, reset links) are removed wherever the product
/// keeps them, and the messages sent to them lose address and words. Every row that a measure
/// counts stays, so every figure is the same before and after. One transaction: all or nothing.
/// </summary>
public sealed class PersonErasure(NpgsqlDataSource dataSource, DomainClock clock)
{
    public const string ErasedName = "Erased person";

    /// <summary>An admin erases an account, a member of staff, or both when they are the same person.</summary>
    public async Task<CommandResult<object>> EraseAsync(Viewer viewer, long? accountId, long? staffId, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin)
        {
            return CommandResult<object>.Failure(DomainError.NotAllowed("Only admins may erase a person."));
        }
        if (accountId is null && staffId is null)
        {
            return CommandResult<object>.Failure(DomainError.Invalid("Give the account, the member of staff, or both.", "input"));
        }
        if (accountId == viewer.AccountId)
        {
            return CommandResult<object>.Failure(new DomainError(ErrorCodes.NotAllowed, "You cannot erase your own account. Ask another admin.", ["input", "accountId"]));
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long? linkedStaff = null;
        if (accountId is { } account)
        {
            await using var find = new NpgsqlCommand("SELECT staff_id FROM accounts WHERE id = @id FOR UPDATE", connection, transaction);
            find.Parameters.AddWithValue("id", account);
            var found = await find.ExecuteScalarAsync(cancellationToken);
            if (found is null)
            {
                return CommandResult<object>.Failure(DomainError.NotFound("No account has that id.", "input", "accountId"));
            }
            linkedStaff = found as long?;
            if (staffId is not null && linkedStaff is not null && linkedStaff != staffId)
            {
                return CommandResult<object>.Failure(DomainError.Invalid("That account belongs to another member of staff; erase them one at a time.", "input", "staffId"));
            }
        }
        var staff = staffId ?? linkedStaff;
        long? linkedAccount = accountId;
        if (staff is { } staffMember)
        {
            await using var find = new NpgsqlCommand("SELECT (SELECT id FROM accounts WHERE staff_id = s.id) FROM staff s WHERE s.id = @id FOR UPDATE", connection, transaction);
            find.Parameters.AddWithValue("id", staffMember);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return CommandResult<object>.Failure(DomainError.NotFound("No member of staff has that id.", "input", "staffId"));
            }
            var staffAccount = reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0);
            if (accountId is not null && staffAccount is not null && staffAccount != accountId)
            {
                return CommandResult<object>.Failure(DomainError.Invalid("That member of staff has another account; erase them one at a time.", "input", "accountId"));
            }
            linkedAccount ??= staffAccount;
        }
        if (linkedAccount == viewer.AccountId)
        {
            return CommandResult<object>.Failure(new DomainError(ErrorCodes.NotAllowed, "You cannot erase your own account. Ask another admin.", ["input", "staffId"]));
        }
        await EraseInTransactionAsync(connection, transaction, linkedAccount, staff, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult<object>.Success(true);
    }

    /// <summary>Erases members of staff removed before <paramref name="removedBefore"/> (the retention rule), a batch at a time; returns how many.</summary>
    public async Task<int> EraseRemovedStaffAsync(DateTimeOffset removedBefore, int batchSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = new List<(long Staff, long? Account)>();
        await using (var find = new NpgsqlCommand("""
            SELECT s.id, (SELECT a.id FROM accounts a WHERE a.staff_id = s.id) FROM staff s
            WHERE s.removed_at < @before AND s.erased_at IS NULL
            ORDER BY s.removed_at LIMIT @batch
            FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        {
            find.Parameters.AddWithValue("before", removedBefore);
            find.Parameters.AddWithValue("batch", batchSize);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
            }
        }
        foreach (var (staff, account) in due)
        {
            await EraseInTransactionAsync(connection, transaction, account, staff, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private async Task EraseInTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? accountId, long? staffId,
        CancellationToken cancellationToken)
    {
        // The addresses messages went to, read before they are overwritten.
        var addresses = new List<string>();
        await using (var find = new NpgsqlCommand("""
            SELECT lower(email) FROM accounts WHERE id = @account
            UNION SELECT lower(email) FROM staff WHERE id = @staff AND email IS NOT NULL
            UNION SELECT lower(l.email) FROM inclusion_leaders l JOIN accounts a ON a.leader_id = l.id WHERE a.id = @account
            """, connection, transaction))
        {
            find.Parameters.AddWithValue("account", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)accountId ?? DBNull.Value);
            find.Parameters.AddWithValue("staff", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)staffId ?? DBNull.Value);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                addresses.Add(reader.GetString(0));
            }
        }
        await using var erase = new NpgsqlCommand("""
            UPDATE notifications SET recipient_email = 'erased-' || id || '@erased.invalid', subject = '(erased)', body = '', html_body = NULL,
                calendar_method = NULL, calendar_body = NULL, unsubscribe_url = NULL
            WHERE lower(recipient_email) = ANY(@addresses);
            -- What they turned off, and their links to turn things off, are kept by address.
            DELETE FROM notification_preferences WHERE email = ANY(@addresses);
            DELETE FROM unsubscribe_tokens WHERE email = ANY(@addresses);
            UPDATE invitations SET email = 'erased-' || id || '@erased.invalid', name = @erased, withdrawn_at = coalesce(withdrawn_at, accepted_at, @now)
            WHERE lower(email) = ANY(@addresses) OR account_id = @account OR staff_id = @staff;

            DELETE FROM access_tokens WHERE account_id = @account;
            DELETE FROM calendar_feeds WHERE account_id = @account OR (scope = 'STAFF' AND subject_id = @staff::text);
            DELETE FROM password_resets WHERE account_id = @account;
            UPDATE inclusion_leaders SET name = @erased, email = 'erased-leader-' || id || '@erased.invalid', erased_at = @now,
                retired_at = coalesce(retired_at, @now)
            WHERE id = (SELECT leader_id FROM accounts WHERE id = @account);
            UPDATE accounts SET name = @erased, email = 'erased-' || id || '@erased.invalid', password_hash = '',
                disabled_at = coalesce(disabled_at, @now), erased_at = @now
            WHERE id = @account;

            UPDATE staff SET name = @erased, email = NULL, erased_at = @now WHERE id = @staff;
            UPDATE bookings SET cancel_reason = NULL WHERE staff_id = @staff AND cancel_reason IS NOT NULL;
            UPDATE evaluations SET comments = NULL WHERE comments IS NOT NULL AND booking_id IN (SELECT id FROM bookings WHERE staff_id = @staff);
            UPDATE follow_ups SET notes = NULL WHERE notes IS NOT NULL AND booking_id IN (SELECT id FROM bookings WHERE staff_id = @staff);
            """, connection, transaction);
        erase.Parameters.AddWithValue("account", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)accountId ?? DBNull.Value);
        erase.Parameters.AddWithValue("staff", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)staffId ?? DBNull.Value);
        erase.Parameters.AddWithValue("erased", ErasedName);
        erase.Parameters.AddWithValue("addresses", addresses.ToArray());
        erase.Parameters.AddWithValue("now", clock.GetUtcNow());
        await erase.ExecuteNonQueryAsync(cancellationToken);
    }
}
