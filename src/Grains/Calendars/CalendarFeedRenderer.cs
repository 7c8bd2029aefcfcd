using InclusionNetwork.Grains.Common;
using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using Microsoft.Extensions.Options;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Builds a feed's calendar from its scope's sources, each a query straight to SQL. Cancelled
/// events stay (STATUS:CANCELLED, higher SEQUENCE) for the retention period so subscribed
/// clients remove them, then drop out.
/// </summary>
public sealed class CalendarFeedRenderer(
    BookingFeedQuery bookings,
    VisitFeedQuery visits,
    MeetingFeedQuery meetings,
    FeedAccess access,
    FeedNames names,
    IOptions<CalendarFeedOptions> options,
    DomainClock clock)
{
    public const string ProdId = "-//InclusionNetwork//Calendar feed//EN";

    /// <param name="owner">The subscriber: decides whose reviewers the feed may name.</param>
    public async Task<FeedDocument> RenderAsync(FeedScope scope, string subjectId, Viewer owner, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow() - options.Value.CancelledRetention;
        var naming = await access.NamingAsync(owner, scope, subjectId, cancellationToken);
        var events = new List<FeedEvent>();
        switch (scope)
        {
            case FeedScope.STAFF:
                var staffId = long.Parse(subjectId, CultureInfo.InvariantCulture);
                events.AddRange(await bookings.ForStaffAsync(staffId, since, cancellationToken: cancellationToken));
                events.AddRange(await visits.ForReviewerAsync(staffId, naming, since, cancellationToken));
                break;
            case FeedScope.SCHOOL:
                events.AddRange(await bookings.ForSchoolAsync(subjectId, since, cancellationToken));
                events.AddRange(await visits.ForSchoolAsync(subjectId, naming, since, cancellationToken));
                events.AddRange(await meetings.ForSchoolAsync(subjectId, since, cancellationToken));
                break;
            case FeedScope.CLUSTER:
                var clusterId = long.Parse(subjectId, CultureInfo.InvariantCulture);
                events.AddRange(await visits.ForClusterAsync(clusterId, naming, since, cancellationToken));
                events.AddRange(await meetings.ForClusterAsync(clusterId, since, cancellationToken));
                break;
            case FeedScope.LEADER:
                var leaderId = long.Parse(subjectId, CultureInfo.InvariantCulture);
                events.AddRange(await visits.ForLeaderAsync(leaderId, naming, since, cancellationToken));
                events.AddRange(await meetings.ForLeaderAsync(leaderId, since, cancellationToken));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown feed scope.");
        }
        return new FeedDocument
        {
            ProdId = ProdId,
            Name = await names.NameAsync(scope, subjectId, cancellationToken),
            RefreshInterval = options.Value.RefreshInterval,
            Events = [.. events.OrderBy(e => e.Start.WallClock).ThenBy(e => e.Uid, StringComparer.Ordinal)],
        };
    }
}
