using Microsoft.Extensions.Options;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>The public addresses of feeds: <c>{App:PublicBaseUrl}/calendar/{token}.ics</c> and its webcal:// twin.</summary>
public sealed class FeedLinks(IOptions<CalendarFeedOptions> options, FeedKey key)
{
    public CalendarFeed Describe(long id, FeedScope scope, string subjectId, ReadOnlySpan<byte> salt, DateTimeOffset createdAt, bool revoked)
    {
        var url = FeedUrl(key.TokenFor(id, salt));
        return new CalendarFeed(id, scope, subjectId, url, Webcal(url), createdAt, revoked);
    }

    public string FeedUrl(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/calendar/{token}.ics";

    /// <summary>
    /// webcal:// is the same address with the scheme swapped (calendar apps fetch it over https,
    /// or http when the base is http): the de facto convention Apple, Google and Outlook follow.
    /// </summary>
    public static string Webcal(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        return "webcal://" + url[(schemeEnd + 3)..];
    }
}
