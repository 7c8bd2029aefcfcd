using InclusionNetwork.Grains.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// Accounts, passwords and the opaque tokens that stand for a signed-in person. Passwords
/// are hashed with ASP.NET Core Identity's PasswordHasher (PBKDF2); tokens are 256 random
/// bits shown once and stored as SHA-256 hashes.
/// </summary>
/// <param name="tokenLookups">The pool that looks tokens up; without one, the serving pool.</param>
public sealed class AccountService(NpgsqlDataSource dataSource, DomainClock clock, IOptions<AccountOptions> options, TokenLookupDataSource? tokenLookups = null)
{
    private readonly NpgsqlDataSource _lookups = tokenLookups?.DataSource ?? dataSource;
    private readonly CoalescedLookups<string, (Viewer Viewer, long TokenId)?> _tokenLookups = new();

    private const string TokenPrefix = "inc_";
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object HashContext = new();

    private const string ViewerColumns = """
        a.id, a.name, a.email, a.school_urn, a.staff_id, a.leader_id,
        ARRAY(SELECT r.role FROM account_roles r WHERE r.account_id = a.id ORDER BY r.role)
        """;

    public async Task<Viewer> CreateAsync(NewAccount account, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var viewer = await CreateAsync(connection, transaction, account, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return viewer;
    }

    /// <summary>Creates an account inside the caller's transaction (used by bulk loaders).</summary>
    public async Task<Viewer> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewAccount account, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO accounts (email, name, password_hash, school_urn, staff_id, leader_id, created_at)
            VALUES (@email, @name, @hash, @school, @staff, @leader, @now) RETURNING id
            """, connection, transaction);
        insert.Parameters.AddWithValue("email", account.Email.Trim());
        insert.Parameters.AddWithValue("name", account.Name.Trim());
        insert.Parameters.AddWithValue("hash", Hasher.HashPassword(HashContext, account.Password));
        insert.Parameters.AddWithValue("school", (object?)account.SchoolUrn ?? DBNull.Value);
        insert.Parameters.AddWithValue("staff", (object?)account.StaffId ?? DBNull.Value);
        insert.Parameters.AddWithValue("leader", (object?)account.LeaderId ?? DBNull.Value);
        insert.Parameters.AddWithValue("now", clock.GetUtcNow());
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await using var roles = new NpgsqlCommand("INSERT INTO account_roles (account_id, role) SELECT @id, unnest(@roles)", connection, transaction);
        roles.Parameters.AddWithValue("id", id);
        roles.Parameters.AddWithValue("roles", account.Roles.Select(r => r.ToString()).ToArray());
        await roles.ExecuteNonQueryAsync(cancellationToken);
        return new Viewer(id, account.Name.Trim(), account.Email.Trim(), account.Roles.ToHashSet(), account.SchoolUrn, account.StaffId, account.LeaderId);
    }

    /// <summary>
    /// Checks an email and password from a client address. A client that keeps failing is
    /// slowed, not the account locked: past a number of failures for the email address (known
    /// or not) or from the client address, each further attempt must wait a delay that
    /// doubles with every failure up to a maximum, and attempts inside it are answered
    /// <see cref="SignInOutcome.Throttled"/> without checking any password. Unknown addresses
    /// cost one password hash like known ones, so neither the answer nor its timing tells
    /// whether an account exists. Success clears the email address's failures.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, string clientAddress, AccessTokenKind kind,
        string? tokenName = null, int? lifetimeDays = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var policy = options.Value;
        var emailKey = ThrottleKey("email:" + email.Trim().ToLowerInvariant());
        var addressKey = ThrottleKey("address:" + clientAddress);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var throttled = new NpgsqlCommand(
            "SELECT max(not_before) FROM sign_in_throttle WHERE key = ANY(@keys) AND not_before > @now", connection))
        {
            throttled.Parameters.AddWithValue("keys", new[] { emailKey, addressKey });
            throttled.Parameters.AddWithValue("now", now);
            if (await throttled.ExecuteScalarAsync(cancellationToken) is DateTime notBefore)
            {
                return new SignInOutcome.Throttled(new DateTimeOffset(notBefore, TimeSpan.Zero));
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long? id = null;
        string? hash = null;
        await using (var find = new NpgsqlCommand($"""
            SELECT a.id, a.password_hash FROM accounts a
            WHERE lower(a.email) = lower(@email) AND {AccountStatus.LiveSql}
            """, connection, transaction))
        {
            find.Parameters.AddWithValue("email", email.Trim());
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                id = reader.GetInt64(0);
                hash = reader.GetString(1);
            }
        }
        // An unknown address spends the same effort on a dummy hash, so timing does not reveal which emails exist.
        var verified = Hasher.VerifyHashedPassword(HashContext, hash ?? DummyHash.Value, password) != PasswordVerificationResult.Failed;
        if (id is not { } accountId || !verified)
        {
            await RecordFailureAsync(connection, transaction, emailKey, policy.FailedSignInsBeforeDelay, now, cancellationToken);
            await RecordFailureAsync(connection, transaction, addressKey, policy.FailedSignInsPerAddressBeforeDelay, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SignInOutcome.WrongCredentials();
        }
        await using (var forget = new NpgsqlCommand("DELETE FROM sign_in_throttle WHERE key = @key", connection, transaction))
        {
            forget.Parameters.AddWithValue("key", emailKey);
            await forget.ExecuteNonQueryAsync(cancellationToken);
        }
        var lifetime = kind == AccessTokenKind.SESSION
            ? policy.SessionLifetime
            : TimeSpan.FromDays(Math.Clamp(lifetimeDays ?? policy.DefaultTokenLifetimeDays, 1, policy.MaxTokenLifetimeDays));
        var token = await IssueTokenAsync(connection, transaction, accountId, kind, tokenName, now + lifetime, cancellationToken);
        await using (var signedIn = new NpgsqlCommand("UPDATE accounts SET last_sign_in_at = @now WHERE id = @id", connection, transaction))
        {
            signedIn.Parameters.AddWithValue("id", accountId);
            signedIn.Parameters.AddWithValue("now", now);
            await signedIn.ExecuteNonQueryAsync(cancellationToken);
        }
        var viewer = await FindViewerAsync(connection, transaction, "a.id = @key", accountId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignInOutcome.SignedIn(viewer!, token);
    }

    /// <summary>
    /// Counts one more failure under a throttle key (starting again when the last one is older
    /// than the memory) and, past the key's free failures, sets when the next attempt may be
    /// checked: the first delay, doubled for every failure since, at most the maximum delay.
    /// </summary>
    private async Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, byte[] key, int freeFailures,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policy = options.Value;
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at) VALUES (@key, 1, @now)
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN t.last_failure_at < @forgetBefore THEN 1 ELSE t.failures + 1 END,
                last_failure_at = @now
            RETURNING failures
            """, connection, transaction);
        upsert.Parameters.AddWithValue("key", key);
        upsert.Parameters.AddWithValue("now", now);
        upsert.Parameters.AddWithValue("forgetBefore", now - policy.FailedSignInMemory);
        var failures = (int)(await upsert.ExecuteScalarAsync(cancellationToken))!;
        if (failures < freeFailures)
        {
            return;
        }
        var doublings = Math.Min(failures - freeFailures, 20);
        var delay = TimeSpan.FromTicks(Math.Min(policy.SignInDelay.Ticks * (1L << doublings), policy.MaxSignInDelay.Ticks));
        await using var wait = new NpgsqlCommand("UPDATE sign_in_throttle SET not_before = @notBefore WHERE key = @key", connection, transaction);
        wait.Parameters.AddWithValue("key", key);
        wait.Parameters.AddWithValue("notBefore", now + delay);
        await wait.ExecuteNonQueryAsync(cancellationToken);
        // Keep the table to the failures still remembered.
        await using var sweep = new NpgsqlCommand("DELETE FROM sign_in_throttle WHERE last_failure_at < @forgetBefore", connection, transaction);
        sweep.Parameters.AddWithValue("forgetBefore", now - policy.FailedSignInMemory);
        await sweep.ExecuteNonQueryAsync(cancellationToken);
    }

    private static byte[] ThrottleKey(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>The person a token stands for, or null when it is unknown, revoked or expired, or its account is no longer live.</summary>
    public async Task<(Viewer Viewer, long TokenId)?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        // Requests carrying the same token at once share one lookup, always one that starts
        // after they arrived: a burst from one caller costs a lookup or two, and a token
        // revoked before a request arrived is never accepted on an older answer.
        var hash = HashOf(secret);
        return await _tokenLookups.LookUpAsync(Convert.ToHexString(hash), () => LookUpTokenAsync(hash), cancellationToken);
    }

    private async Task<(Viewer Viewer, long TokenId)?> LookUpTokenAsync(byte[] hash)
    {
        // Not the caller's cancellation: the lookup is shared, and each caller stops waiting on its own.
        var cancellationToken = CancellationToken.None;
        await using var command = _lookups.CreateCommand($"""
            SELECT {ViewerColumns}, t.id, t.last_used_at FROM access_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND t.expires_at > @now AND {AccountStatus.LiveSql}
            """);
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("now", now);
        Viewer viewer;
        long tokenId;
        DateTimeOffset? lastUsedAt;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            (viewer, tokenId, lastUsedAt) = (ReadViewer(reader), reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
        }
        // Recorded at most once a minute per token, so a busy script costs no write per request.
        if (lastUsedAt is null || now - lastUsedAt >= LastUsedResolution)
        {
            await using var used = _lookups.CreateCommand(
                "UPDATE access_tokens SET last_used_at = @now WHERE id = @id AND (last_used_at IS NULL OR last_used_at <= @stale)");
            used.Parameters.AddWithValue("id", tokenId);
            used.Parameters.AddWithValue("now", now);
            used.Parameters.AddWithValue("stale", now - LastUsedResolution);
            await used.ExecuteNonQueryAsync(cancellationToken);
        }
        return (viewer, tokenId);
    }

    /// <summary>How finely a token's <c>last_used_at</c> is kept.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Revokes one of the owner's tokens; false when it is not theirs or not live.</summary>
    public async Task<bool> RevokeTokenAsync(long accountId, long tokenId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE access_tokens SET revoked_at = @now WHERE id = @id AND account_id = @account AND revoked_at IS NULL");
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("id", tokenId);
        command.Parameters.AddWithValue("account", accountId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The account's live personal access tokens (not revoked, not expired), newest first; sessions are not listed.</summary>
    public async Task<IReadOnlyList<PersonalToken>> ListPersonalTokensAsync(long accountId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, name, created_at, last_used_at, expires_at FROM access_tokens
            WHERE account_id = @account AND kind = 'PERSONAL' AND revoked_at IS NULL AND expires_at > @now
            ORDER BY created_at DESC, id DESC
            """);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        var tokens = new List<PersonalToken>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new PersonalToken(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return tokens;
    }

    public async Task<Viewer?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindViewerAsync(connection, null, "lower(a.email) = lower(@key)", email.Trim(), cancellationToken);
    }

    /// <summary>Signs an account in with a new browser session, inside the caller's transaction (after accepting an invitation).</summary>
    public async Task<IssuedToken> StartSessionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var signedIn = new NpgsqlCommand("UPDATE accounts SET last_sign_in_at = @now WHERE id = @id", connection, transaction))
        {
            signedIn.Parameters.AddWithValue("id", accountId);
            signedIn.Parameters.AddWithValue("now", now);
            await signedIn.ExecuteNonQueryAsync(cancellationToken);
        }
        return await IssueTokenAsync(connection, transaction, accountId, AccessTokenKind.SESSION, null, now + options.Value.SessionLifetime, cancellationToken);
    }

    /// <summary>
    /// Sets a new password and revokes every live session and token of the account, inside the
    /// caller's transaction, so whoever held the old password is signed out everywhere.
    /// </summary>
    public async Task SetPasswordAndRevokeTokensAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, string password,
        CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand("""
            UPDATE accounts SET password_hash = @hash WHERE id = @id;
            UPDATE access_tokens SET revoked_at = @now WHERE account_id = @id AND revoked_at IS NULL;
            """, connection, transaction);
        update.Parameters.AddWithValue("id", accountId);
        update.Parameters.AddWithValue("hash", Hasher.HashPassword(HashContext, password));
        update.Parameters.AddWithValue("now", clock.GetUtcNow());
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public const string AccountColumns = $"""
        a.id, a.name, a.email,
        ARRAY(SELECT r.role FROM account_roles r WHERE r.account_id = a.id ORDER BY r.role),
        a.school_urn, a.staff_id, a.leader_id, {AccountStatus.LiveSql}, a.created_at, a.last_sign_in_at
        """;

    /// <summary>Reads a row selected with <see cref="AccountColumns"/> from its first column.</summary>
    public static Account ReadAccount(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<string[]>(3).Select(Enum.Parse<Role>).Order().ToList(),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetInt64(5),
        reader.IsDBNull(6) ? null : reader.GetInt64(6),
        reader.GetBoolean(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9));

    public static async Task<Account?> FindAccountAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long accountId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {AccountColumns} FROM accounts a WHERE a.id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", accountId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    private async Task<IssuedToken> IssueTokenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId,
        AccessTokenKind kind, string? name, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var insert = new NpgsqlCommand("""
            INSERT INTO access_tokens (account_id, kind, name, token_hash, created_at, expires_at)
            VALUES (@account, @kind, @name, @hash, @now, @expires) RETURNING id
            """, connection, transaction);
        insert.Parameters.AddWithValue("account", accountId);
        insert.Parameters.AddWithValue("kind", kind.ToString());
        insert.Parameters.AddWithValue("name", (object?)name ?? DBNull.Value);
        insert.Parameters.AddWithValue("hash", HashOf(secret));
        insert.Parameters.AddWithValue("now", clock.GetUtcNow());
        insert.Parameters.AddWithValue("expires", expiresAt);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return new IssuedToken(id, secret, expiresAt);
    }

    private static async Task<Viewer?> FindViewerAsync<TKey>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, TKey key,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {ViewerColumns} FROM accounts a WHERE {where}", connection, transaction);
        command.Parameters.AddWithValue("key", key!);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadViewer(reader) : null;
    }

    private static Viewer ReadViewer(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<string[]>(6).Select(Enum.Parse<Role>).ToHashSet(),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetInt64(4),
        reader.IsDBNull(5) ? null : reader.GetInt64(5));

    private static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(HashContext, Guid.NewGuid().ToString()));
}
