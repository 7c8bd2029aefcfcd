using System.Globalization;
using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>The display name a subscriber sees for a feed (NAME and X-WR-CALNAME).</summary>
public sealed class FeedNames(NpgsqlDataSource dataSource)
{
    public const string Product = "InclusionNetwork";

    public async Task<string> NameAsync(FeedScope scope, string subjectId, CancellationToken cancellationToken = default)
    {
        var (sql, parameter, label) = scope switch
        {
            FeedScope.STAFF => ("SELECT name FROM staff WHERE id = @id", (object)long.Parse(subjectId, CultureInfo.InvariantCulture), "courses and visits"),
            FeedScope.SCHOOL => ("SELECT name FROM schools WHERE urn = @id", subjectId, "school calendar"),
            FeedScope.LEADER => ("SELECT name FROM inclusion_leaders WHERE id = @id", long.Parse(subjectId, CultureInfo.InvariantCulture), "ILE calendar"),
            _ => ("SELECT name FROM peer_review_clusters WHERE id = @id", long.Parse(subjectId, CultureInfo.InvariantCulture), "cluster calendar"),
        };
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", parameter);
        return await command.ExecuteScalarAsync(cancellationToken) is string name
            ? $"{Product} – {name} ({label})"
            : $"{Product} – {label}";
    }
}
