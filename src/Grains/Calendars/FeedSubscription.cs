using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// A live feed found by its token, with its owner as they are now (roles, school, staff and
/// leader links re-read on every fetch, so a feed never shows more than its owner may see today).
/// </summary>
/// <param name="LastETag">The ETag of the body last served, to notice when the content changes.</param>
public sealed record FeedSubscription(
    long Id,
    FeedScope Scope,
    string SubjectId,
    Viewer Owner,
    DateTimeOffset CreatedAt,
    string? LastETag,
    DateTimeOffset? LastModified);
