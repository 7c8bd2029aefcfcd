using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Who may follow what: a feed can be created only by someone who may see its subject, and
/// is served only while its owner still may (checked again on every fetch).
/// STAFF: the viewer's own (needs a member-of-staff link). SCHOOL: the school's own users and
/// admins. CLUSTER: its members' users, its ILE and admins. LEADER: the ILE themselves and admins.
/// </summary>
public sealed class FeedAccess(NpgsqlDataSource dataSource)
{
    /// <summary>The subject the feed follows (the viewer's staff id for STAFF), or the rule broken.</summary>
    public async Task<(string? SubjectId, DomainError? Error)> ResolveAsync(Viewer viewer, FeedScope scope, string? subjectId, CancellationToken cancellationToken = default)
    {
        subjectId = string.IsNullOrWhiteSpace(subjectId) ? null : subjectId.Trim();
        return scope switch
        {
            FeedScope.STAFF => Staff(viewer, subjectId),
            FeedScope.SCHOOL => await SchoolAsync(viewer, subjectId, cancellationToken),
            FeedScope.CLUSTER => await ClusterAsync(viewer, subjectId, cancellationToken),
            FeedScope.LEADER => await LeaderAsync(viewer, subjectId, cancellationToken),
            _ => (null, DomainError.Invalid("Unknown feed scope.", "input", "scope")),
        };
    }

    /// <summary>Whether <paramref name="owner"/> may still read the feed's subject.</summary>
    public async Task<bool> MayReadAsync(Viewer owner, FeedScope scope, string subjectId, CancellationToken cancellationToken = default)
    {
        var (resolved, error) = await ResolveAsync(owner, scope, subjectId, cancellationToken);
        return error is null && resolved == subjectId;
    }

    private static (string?, DomainError?) Staff(Viewer viewer, string? subjectId)
    {
        if (viewer.StaffId is not { } staffId)
        {
            return (null, DomainError.NotAllowed("A STAFF feed follows your own bookings; your account is not linked to a member of staff."));
        }
        var own = staffId.ToString(CultureInfo.InvariantCulture);
        if (subjectId is not null && subjectId != own)
        {
            return (null, DomainError.NotAllowed("A STAFF feed follows only your own bookings and visits; omit subjectId."));
        }
        return (own, null);
    }

    private async Task<(string?, DomainError?)> SchoolAsync(Viewer viewer, string? urn, CancellationToken cancellationToken)
    {
        if (urn is null)
        {
            return (null, DomainError.Invalid("Give the school's URN as subjectId.", "input", "subjectId"));
        }
        if (!viewer.ActsFor(urn))
        {
            return (null, DomainError.NotAllowed("Only the school's own users and admins may follow its calendar."));
        }
        return await ExistsAsync("SELECT EXISTS (SELECT 1 FROM schools WHERE urn = @id)", urn, cancellationToken)
            ? (urn, null)
            : (null, DomainError.NotFound("No school has that URN.", "input", "subjectId"));
    }

    private async Task<(string?, DomainError?)> LeaderAsync(Viewer viewer, string? subjectId, CancellationToken cancellationToken)
    {
        if (subjectId is null && viewer.LeaderId is { } own)
        {
            subjectId = own.ToString(CultureInfo.InvariantCulture);
        }
        if (ParseId(subjectId) is not { } leaderId)
        {
            return (null, DomainError.NotFound("No ILE has that id.", "input", "subjectId"));
        }
        if (!viewer.IsAdmin && viewer.LeaderId != leaderId)
        {
            return (null, DomainError.NotAllowed("Only the ILE themselves and admins may follow an ILE's calendar."));
        }
        return await ExistsAsync("SELECT EXISTS (SELECT 1 FROM inclusion_leaders WHERE id = @id)", leaderId, cancellationToken)
            ? (leaderId.ToString(CultureInfo.InvariantCulture), null)
            : (null, DomainError.NotFound("No ILE has that id.", "input", "subjectId"));
    }

    private async Task<(string?, DomainError?)> ClusterAsync(Viewer viewer, string? subjectId, CancellationToken cancellationToken)
    {
        var notFound = DomainError.NotFound("No peer-review cluster has that id.", "input", "subjectId");
        if (ParseId(subjectId) is not { } clusterId || await FindClusterAsync(clusterId, viewer.SchoolUrn, cancellationToken) is not { } cluster)
        {
            return (null, notFound);
        }
        var member = cluster.ViewerSchoolIsMember && (viewer.Has(Role.STAFF) || viewer.Has(Role.SCHOOL_BOOKER));
        if (!viewer.IsAdmin && !member && (viewer.LeaderId is null || viewer.LeaderId != cluster.LeaderId))
        {
            return (null, DomainError.NotAllowed("Only the cluster's member schools, its ILE and admins may follow its calendar."));
        }
        return (clusterId.ToString(CultureInfo.InvariantCulture), null);
    }

    /// <summary>
    /// Whose reviewers the owner's feed may name: the ILE (of a LEADER feed, or of the cluster of a
    /// CLUSTER feed) and admins see every school's; everyone else only their own school's.
    /// </summary>
    public async Task<ReviewerNaming> NamingAsync(Viewer owner, FeedScope scope, string subjectId, CancellationToken cancellationToken = default)
    {
        if (owner.IsAdmin || scope == FeedScope.LEADER)
        {
            return ReviewerNaming.Everyone;
        }
        if (scope == FeedScope.SCHOOL)
        {
            return ReviewerNaming.Of(subjectId);
        }
        if (scope == FeedScope.CLUSTER && owner.LeaderId is not null && ParseId(subjectId) is { } clusterId
            && await FindClusterAsync(clusterId, null, cancellationToken) is { } cluster && cluster.LeaderId == owner.LeaderId)
        {
            return ReviewerNaming.Everyone;
        }
        return ReviewerNaming.Of(owner.SchoolUrn);
    }

    private async Task<(long? LeaderId, bool ViewerSchoolIsMember)?> FindClusterAsync(long clusterId, string? schoolUrn, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.leader_id, EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_id = c.id AND m.school_urn = @urn)
            FROM peer_review_clusters c WHERE c.id = @id
            """);
        command.Parameters.AddWithValue("id", clusterId);
        command.Parameters.Add(new NpgsqlParameter<string?>("urn", schoolUrn) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetBoolean(1));
    }

    private async Task<bool> ExistsAsync<T>(string sql, T id, CancellationToken cancellationToken)
        where T : notnull
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static long? ParseId(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
