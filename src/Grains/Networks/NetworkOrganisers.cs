using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Networks;

/// <summary>
/// The people who organise a network: accounts of leaders or network leads (and the admin who
/// created it, by default). Organisers may schedule, move and cancel the network's meetings.
/// </summary>
public sealed class NetworkOrganisers(NpgsqlDataSource dataSource)
{
    /// <summary>Every organiser must be a live account with the LEADER or NETWORK_LEAD role (or an admin).</summary>
    public static async Task<IReadOnlyList<DomainError>> CheckAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<long> accountIds)
    {
        if (accountIds.Count == 0)
        {
            return [];
        }
        await using var command = new NpgsqlCommand($"""
            SELECT i.ordinality::int - 1 FROM unnest(@ids) WITH ORDINALITY AS i(id, ordinality)
            WHERE NOT EXISTS (
                SELECT 1 FROM accounts a JOIN account_roles r ON r.account_id = a.id
                WHERE a.id = i.id AND r.role IN ('LEADER', 'NETWORK_LEAD', 'ADMIN') AND {AccountStatus.LiveSql})
            ORDER BY 1
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", accountIds.ToArray());
        var errors = new List<DomainError>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            errors.Add(DomainError.Invalid("An organiser must be the active account of a leader or a network lead.",
                "input", "organiserIds", reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return errors;
    }

    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long networkId, IReadOnlyList<long> accountIds)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO network_organisers (network_id, account_id) SELECT @network, unnest(@ids) ON CONFLICT DO NOTHING", connection, transaction);
        insert.Parameters.AddWithValue("network", networkId);
        insert.Parameters.AddWithValue("ids", accountIds.ToArray());
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>The organisers' accounts of each of the networks, by network id; a network with none is absent.</summary>
    public async Task<ILookup<long, Account>> OfNetworksAsync(IReadOnlyCollection<long> networkIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {AccountService.AccountColumns}, o.network_id FROM network_organisers o JOIN accounts a ON a.id = o.account_id
            WHERE o.network_id = ANY(@networks) ORDER BY o.network_id, a.name, a.id
            """);
        command.Parameters.AddWithValue("networks", networkIds.ToArray());
        var rows = new List<(long Network, Account Account)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // The network comes after the account's own columns, so the account is read as everywhere else.
            rows.Add((reader.GetInt64(10), AccountService.ReadAccount(reader)));
        }
        return rows.ToLookup(r => r.Network, r => r.Account);
    }

    /// <summary>True when the viewer organises the network and still holds a role that organises (a leader or a network lead).</summary>
    public async Task<bool> IsOrganiserAsync(long networkId, Viewer viewer)
    {
        if (!viewer.Has(Role.LEADER) && !viewer.Has(Role.NETWORK_LEAD))
        {
            return false;
        }
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM network_organisers WHERE network_id = @network AND account_id = @account)");
        command.Parameters.AddWithValue("network", networkId);
        command.Parameters.AddWithValue("account", viewer.AccountId);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
