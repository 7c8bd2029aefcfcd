using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Issues and revokes one account's feeds. Only the account itself acts here: a feed shows what
/// its owner may see, so nobody (not even an admin) issues one in another person's name.
/// </summary>
public sealed class CalendarFeedsGrain(CalendarFeedStore store, FeedAccess access, DomainClock clock) : Grain, ICalendarFeedsGrain
{
    private long AccountId => this.GetPrimaryKeyLong();

    public async Task<CommandResult<CalendarFeed>> CreateAsync(Viewer viewer, FeedScope scope, string? subjectId)
    {
        if (viewer.AccountId != AccountId)
        {
            return CommandResult<CalendarFeed>.Failure(DomainError.NotAllowed("You may create calendar feeds only for yourself."));
        }
        var (subject, error) = await access.ResolveAsync(viewer, scope, subjectId);
        if (error is not null)
        {
            return CommandResult<CalendarFeed>.Failure(error);
        }
        return CommandResult<CalendarFeed>.Success(await store.InsertAsync(AccountId, scope, subject!, clock.GetUtcNow()));
    }

    public async Task<CommandResult<CalendarFeed>> RevokeAsync(Viewer viewer, long feedId)
    {
        var notFound = DomainError.NotFound("You have no calendar feed with that id.", "input", "feedId");
        if (viewer.AccountId != AccountId)
        {
            return CommandResult<CalendarFeed>.Failure(notFound);
        }
        return await store.RevokeAsync(AccountId, feedId, clock.GetUtcNow()) is { } revoked
            ? CommandResult<CalendarFeed>.Success(revoked)
            : CommandResult<CalendarFeed>.Failure(notFound);
    }
}
