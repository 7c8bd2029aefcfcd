using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Messages;

/// <summary>What a person has turned off, by address (see <see cref="Outbox"/>, which reads it when writing).</summary>
public sealed record NotificationPreferences(bool Reminders, bool Prompts)
{
    public static readonly NotificationPreferences Everything = new(true, true);
}

/// <summary>
/// Reads and changes <c>notification_preferences</c>, and redeems one-click unsubscribe tokens.
/// Preferences belong to an address, not an account, so staff without an account can turn
/// reminders off by their link too; an address with no row gets everything.
/// </summary>
public sealed class NotificationPreferenceStore(NpgsqlDataSource dataSource, DomainClock clock)
{
    public async Task<NotificationPreferences> GetAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT reminders, prompts FROM notification_preferences WHERE email = lower(@email)");
        command.Parameters.AddWithValue("email", email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new NotificationPreferences(reader.GetBoolean(0), reader.GetBoolean(1)) : NotificationPreferences.Everything;
    }

    /// <summary>Changes what is given (null keeps the current value) and returns the result.</summary>
    public async Task<NotificationPreferences> UpdateAsync(string email, bool? reminders, bool? prompts, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO notification_preferences (email, reminders, prompts, updated_at)
            VALUES (lower(@email), coalesce(@reminders, true), coalesce(@prompts, true), @now)
            ON CONFLICT (email) DO UPDATE SET reminders = coalesce(@reminders, notification_preferences.reminders),
                prompts = coalesce(@prompts, notification_preferences.prompts), updated_at = @now
            RETURNING reminders, prompts
            """);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.Add(new NpgsqlParameter<bool?>("reminders", reminders) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter<bool?>("prompts", prompts) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new NotificationPreferences(reader.GetBoolean(0), reader.GetBoolean(1));
    }

    /// <summary>The category an unused token would turn off; null for an unknown or used token (the same answer for both).</summary>
    public async Task<NotificationCategory?> PeekAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!SecretTokens.LooksValid(token))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand("SELECT category FROM unsubscribe_tokens WHERE token_hash = @hash AND used_at IS NULL");
        command.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
        return await command.ExecuteScalarAsync(cancellationToken) is string category ? Category(category) : null;
    }

    /// <summary>
    /// Turns the token's category off for its address and uses the token up, in one statement,
    /// so two clicks turn it off once; null for an unknown or used token.
    /// </summary>
    public async Task<NotificationCategory?> UnsubscribeAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!SecretTokens.LooksValid(token))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand("""
            WITH used AS (
                UPDATE unsubscribe_tokens SET used_at = @now WHERE token_hash = @hash AND used_at IS NULL
                RETURNING email, category
            ), off AS (
                INSERT INTO notification_preferences (email, reminders, prompts, updated_at)
                SELECT email, category <> 'REMINDER', category <> 'PROMPT', @now FROM used
                ON CONFLICT (email) DO UPDATE SET
                    reminders = notification_preferences.reminders AND excluded.reminders,
                    prompts = notification_preferences.prompts AND excluded.prompts,
                    updated_at = excluded.updated_at
            )
            SELECT category FROM used
            """);
        command.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await command.ExecuteScalarAsync(cancellationToken) is string category ? Category(category) : null;
    }

    private static NotificationCategory Category(string name) => name switch
    {
        "REMINDER" => NotificationCategory.Reminder,
        "PROMPT" => NotificationCategory.Prompt,
        _ => NotificationCategory.Essential,
    };
}
