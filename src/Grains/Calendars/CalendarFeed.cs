using Orleans;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>A subscription link as its owner sees it.</summary>
/// <param name="SubjectId">The staff id, school URN, cluster id or leader id the feed follows.</param>
/// <param name="Url">The https (or configured) address of the feed, carrying its token.</param>
/// <param name="WebcalUrl">The same address with the <c>webcal://</c> scheme, for one-click subscription.</param>
[GenerateSerializer, Immutable]
public sealed record CalendarFeed(
    long Id,
    FeedScope Scope,
    string SubjectId,
    string Url,
    string WebcalUrl,
    DateTimeOffset CreatedAt,
    bool Revoked);
