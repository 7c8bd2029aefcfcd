using InclusionNetwork.Grains.Accounts;
using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Who may read which uptake figures. Commissioners and admins read all of them. A network
/// lead or an ILE (LEADER) reads their district's: the districts of the networks they
/// organise, and for an ILE also the district of their own school and of the schools of the
/// clusters they lead (any year: an ILE keeps following the schools they reviewed). For them
/// a DISTRICT breakdown shows their districts' rows only and COUNTY the county's total, a
/// figure over every school to compare with; AREA, PHASE and SCHOOL_TYPE breakdowns would show
/// other districts' schools, so they are refused. Everyone else reads none.
/// </summary>
public sealed class UptakeAudience(NpgsqlDataSource dataSource)
{
    /// <summary>What the viewer may read, or null when they may read no uptake figure at all.</summary>
    public async Task<UptakeReach?> ReachAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.IsAdmin || viewer.Has(Role.COMMISSIONER))
        {
            return UptakeReach.Everything;
        }
        if (!viewer.Has(Role.NETWORK_LEAD) && !viewer.Has(Role.LEADER))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand("""
            SELECT d.name FROM districts d
            WHERE d.id IN (
                SELECT n.district_id FROM network_organisers o JOIN networks n ON n.id = o.network_id WHERE o.account_id = @account
                UNION
                SELECT s.district_id FROM inclusion_leaders l JOIN schools s ON s.urn = l.school_urn WHERE l.id = @leader
                UNION
                SELECT s.district_id FROM peer_review_clusters c
                JOIN cluster_members m ON m.cluster_id = c.id
                JOIN schools s ON s.urn = m.school_urn
                WHERE c.leader_id = @leader)
            ORDER BY d.sort_order
            """);
        command.Parameters.AddWithValue("account", viewer.AccountId);
        // Only a viewer who holds the LEADER role reads as an ILE.
        command.Parameters.AddWithValue("leader", viewer.Has(Role.LEADER) && viewer.LeaderId is { } leader ? leader : 0L);
        var districts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            districts.Add(reader.GetString(0));
        }
        return new UptakeReach(districts);
    }
}

/// <summary>The districts (by name) a viewer's figures are limited to; <see cref="Districts"/> null means every figure.</summary>
public sealed record UptakeReach(IReadOnlyList<string>? Districts)
{
    public static readonly UptakeReach Everything = new((IReadOnlyList<string>?)null);

    public bool IsCountyWide => Districts is null;

    /// <summary>Whether a breakdown may be asked for at all: a district reader gets COUNTY and DISTRICT only.</summary>
    public bool Allows(Breakdown by) => IsCountyWide || by is Breakdown.COUNTY or Breakdown.DISTRICT;

    /// <summary>Whether a row of a breakdown may be shown.</summary>
    public bool Shows(Breakdown by, string group) => IsCountyWide || by != Breakdown.DISTRICT || Districts!.Contains(group);

    /// <summary>The rows of a breakdown the viewer may see.</summary>
    public IReadOnlyList<T> Filter<T>(Breakdown by, IReadOnlyList<T> rows, Func<T, string> group) =>
        IsCountyWide ? rows : [.. rows.Where(r => Shows(by, group(r)))];
}
