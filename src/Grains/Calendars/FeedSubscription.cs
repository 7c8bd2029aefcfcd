using System.Globalization;
using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// A live feed found by its token, with its owner as they are now (roles, school, staff and
/// leader links re-read on every fetch, so a feed never shows more than its owner may see today),
/// and what is known of the body last rendered for it.
/// </summary>
/// <param name="LastETag">The ETag of the body last served, to notice when the content changes.</param>
/// <param name="Rendered">What the kept body was rendered for; null when none is kept.</param>
/// <param name="ContentVersion">
/// The feed's content version now: the sum of <c>calendar_content_versions</c> (rare changes that
/// reach every feed) and of the feed's own rows of <c>calendar_scope_versions</c> (changes that can
/// appear in it).
/// </param>
public sealed record FeedSubscription(
    long Id,
    FeedScope Scope,
    string SubjectId,
    Viewer Owner,
    DateTimeOffset CreatedAt,
    string? LastETag,
    DateTimeOffset? LastModified,
    RenderedFeed? Rendered,
    long ContentVersion)
{
    /// <summary>
    /// The owner's roles and links in one string: a body rendered for this owner key and content
    /// version shows exactly what a new rendering would (until <see cref="RenderedFeed.Until"/>).
    /// </summary>
    public string OwnerKey => OwnerKeyOf(Owner);

    /// <summary>True when the kept body is what rendering now would produce, so it may be served as it is.</summary>
    public bool IsCurrent(DateTimeOffset now) =>
        LastETag is not null && LastModified is not null && Rendered is { } rendered
        && rendered.Version == ContentVersion && rendered.For == OwnerKey && (rendered.Until is null || now < rendered.Until);

    public static string OwnerKeyOf(Viewer owner) => string.Join('|',
        string.Join(',', owner.Roles.Select(r => r.ToString()).Order(StringComparer.Ordinal)),
        owner.SchoolUrn ?? "",
        owner.StaffId?.ToString(CultureInfo.InvariantCulture) ?? "",
        owner.LeaderId?.ToString(CultureInfo.InvariantCulture) ?? "");
}

/// <summary>What the feed's kept body was rendered for.</summary>
/// <param name="Version">The content version it was rendered at.</param>
/// <param name="For">The owner key it was rendered for.</param>
/// <param name="Hash">SHA-256 of the events and names it was rendered from.</param>
/// <param name="Until">When its first cancelled event leaves the feed; null when it has none.</param>
public sealed record RenderedFeed(long Version, string For, byte[] Hash, DateTimeOffset? Until);
