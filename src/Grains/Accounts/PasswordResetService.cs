using System.Diagnostics;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Messages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// "Forgotten your password?": a single-use link, by email, that lapses after an hour; using it
/// sets a new password and revokes every session and token of the account. Asking answers the
/// same, after the same time, whether or not the address has an account.
/// </summary>
public sealed class PasswordResetService(
    NpgsqlDataSource dataSource,
    DomainClock clock,
    AccountService accounts,
    Outbox outbox,
    EmailComposer composer,
    IOptions<PeopleOptions> options)
{
    /// <summary>Reset emails one account may be sent in an hour, so nobody can flood a mailbox through the form.</summary>
    public const int MaxRequestsPerHour = 3;

    /// <summary>
    /// Sends a reset link when the address belongs to a live account. Returns nothing that
    /// differs between known and unknown addresses, and only once <see cref="PeopleOptions.PasswordResetAnswerTime"/>
    /// has passed since the request began, so neither the answer nor its timing tells them apart.
    /// </summary>
    public async Task RequestAsync(string email, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        if (EmailAddresses.LooksValid(email.Trim()))
        {
            await SendLinkIfKnownAsync(email.Trim(), cancellationToken);
        }
        // Wall-clock padding, not the domain's clock: this is about how long the caller waits.
        // A loop, because timers count in whole milliseconds and may fire a fraction early.
        TimeSpan remaining;
        while ((remaining = options.Value.PasswordResetAnswerTime - Stopwatch.GetElapsedTime(started)) > TimeSpan.Zero)
        {
            await Task.Delay(remaining < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : remaining, TimeProvider.System, cancellationToken);
        }
    }

    private async Task SendLinkIfKnownAsync(string email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long accountId;
        string name;
        string address;
        await using (var find = new NpgsqlCommand($"""
            SELECT a.id, a.name, a.email,
                   (SELECT count(*) FROM password_resets p WHERE p.account_id = a.id AND p.created_at > @hourAgo)
            FROM accounts a WHERE lower(a.email) = lower(@email) AND {AccountStatus.LiveSql}
            FOR UPDATE OF a
            """, connection, transaction))
        {
            find.Parameters.AddWithValue("email", email);
            find.Parameters.AddWithValue("hourAgo", now - TimeSpan.FromHours(1));
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.GetInt64(3) >= MaxRequestsPerHour)
            {
                return;
            }
            (accountId, name, address) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        }
        var token = SecretTokens.New();
        var expiresAt = now + options.Value.PasswordResetLifetime;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO password_resets (account_id, token_hash, created_at, expires_at) VALUES (@account, @hash, @now, @expires)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("account", accountId);
            insert.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("expires", expiresAt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var service = composer.Settings.ServiceName;
        var message = composer.Compose(name, $"Reset your {service} password",
            [
                $"Someone asked to reset the password of your {service} account.",
                "To choose a new password, use this link:",
            ],
            options.Value.Link("reset-password", token),
            [
                $"The link works once, until {MessageTimes.Describe(expiresAt)}. Choosing a new password signs you out everywhere you are signed in.",
                "If you did not ask for this, you can ignore this email. Your password has not changed.",
            ]);
        await outbox.EnqueueAsync(connection, transaction, "PASSWORD_RESET", address, message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<CommandResult<Account>> ResetAsync(string token, string password, CancellationToken cancellationToken = default)
    {
        var invalidToken = new DomainError(ErrorCodes.InvalidToken,
            "This reset link does not work. It may have been used or have expired. Ask for a new one.", ["input", "token"]);
        if (!SecretTokens.LooksValid(token))
        {
            return CommandResult<Account>.Failure(invalidToken);
        }
        if (InvitationService.PasswordProblem(password) is { } problem)
        {
            return CommandResult<Account>.Failure(problem);
        }
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long accountId;
        await using (var find = new NpgsqlCommand($"""
            SELECT p.account_id FROM password_resets p JOIN accounts a ON a.id = p.account_id
            WHERE p.token_hash = @hash AND p.used_at IS NULL AND p.expires_at > @now AND {AccountStatus.LiveSql}
            FOR UPDATE OF p
            """, connection, transaction))
        {
            find.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
            find.Parameters.AddWithValue("now", now);
            if (await find.ExecuteScalarAsync(cancellationToken) is not long found)
            {
                return CommandResult<Account>.Failure(invalidToken);
            }
            accountId = found;
        }
        await accounts.SetPasswordAndRevokeTokensAsync(connection, transaction, accountId, password, cancellationToken);
        // Every link of the account stops working, not only the one used.
        await using (var used = new NpgsqlCommand("UPDATE password_resets SET used_at = @now WHERE account_id = @account AND used_at IS NULL", connection, transaction))
        {
            used.Parameters.AddWithValue("account", accountId);
            used.Parameters.AddWithValue("now", now);
            await used.ExecuteNonQueryAsync(cancellationToken);
        }
        var account = await AccountService.FindAccountAsync(connection, transaction, accountId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult<Account>.Success(account!);
    }
}
