using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>One account's calendar feeds, keyed by account id: the one place they are issued and revoked.</summary>
public interface ICalendarFeedsGrain : IGrainWithIntegerKey
{
    /// <param name="subjectId">The school URN, cluster id or leader id; null for STAFF (the viewer's own).</param>
    Task<CommandResult<CalendarFeed>> CreateAsync(Viewer viewer, FeedScope scope, string? subjectId);

    Task<CommandResult<CalendarFeed>> RevokeAsync(Viewer viewer, long feedId);
}
