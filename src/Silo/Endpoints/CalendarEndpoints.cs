using System.Globalization;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Silo.Authentication;
using Microsoft.Net.Http.Headers;

namespace InclusionNetwork.Silo.Endpoints;

/// <summary>
/// Calendars over HTTP: subscription feeds by their secret link (<c>/calendar/{token}.ics</c>,
/// anyone holding it), and one booking or visit as a file to import, for a signed-in person
/// allowed to see it.
/// </summary>
public static class CalendarEndpoints
{
    private const string ContentType = IcsFiles.MediaType + "; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/calendar/{token}.ics", [HttpMethods.Get, HttpMethods.Head], FeedAsync);
        app.MapGet("/calendar/bookings/{id:long}.ics", BookingAsync).RequireAuthorization();
        app.MapGet("/calendar/visits/{id:long}.ics", VisitAsync).RequireAuthorization();
        return app;
    }

    private static async Task FeedAsync(string token, HttpContext context, CalendarFeedServer server, CancellationToken cancellationToken)
    {
        var feed = await server.ServeAsync(token, cancellationToken);
        var response = context.Response;
        if (feed is null)
        {
            // Unknown, revoked or no longer allowed: one answer for all, so a link reveals nothing.
            response.StatusCode = StatusCodes.Status404NotFound;
            response.Headers.CacheControl = "no-store";
            return;
        }
        // The link is a secret: shared caches must not keep the body.
        response.Headers.CacheControl = "private";
        if (NotModified(context.Request, feed))
        {
            // The kept ETag is already quoted as HTTP writes it: sent as it is, not parsed again.
            response.Headers.ETag = feed.ETag;
            response.Headers.LastModified = feed.LastModifiedHttpDate;
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        // Read only now: a 304 never needs the body. Its validators are the ones sent with it.
        var body = await feed.ReadBodyAsync(cancellationToken);
        response.Headers.ETag = body.ETag;
        if (body.ETag == feed.ETag)
        {
            response.Headers.LastModified = feed.LastModifiedHttpDate;
        }
        else
        {
            response.GetTypedHeaders().LastModified = body.LastModified;
        }
        response.ContentType = ContentType;
        response.ContentLength = body.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            // The kept array itself, written as it is: no copy, no encoding.
            await response.Body.WriteAsync(body.Body, cancellationToken);
        }
    }

    /// <summary>
    /// RFC 9110 13.2.2: If-None-Match decides when present (weak comparison); otherwise
    /// If-Modified-Since, against Last-Modified at one-second resolution.
    /// </summary>
    private static bool NotModified(HttpRequest request, ServedFeed feed)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], feed.ETag, StringComparison.Ordinal))
        {
            // What a client sends back most often: the ETag exactly as served, needing no parsing.
            return true;
        }
        var headers = request.GetTypedHeaders();
        if (ifNoneMatch.Count > 0)
        {
            var current = EntityTagHeaderValue.Parse(feed.ETag);
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }
        return headers.IfModifiedSince is { } since && feed.LastModified <= since;
    }

    private static async Task<IResult> BookingAsync(long id, HttpContext context, CalendarDownloads downloads, CancellationToken cancellationToken)
    {
        var document = await downloads.BookingAsync(context.GetViewer()!, id, cancellationToken);
        return document is null
            ? TypedResults.NotFound(new { message = "You have no booking with that id to add to a calendar." })
            : Download(context, document, string.Create(CultureInfo.InvariantCulture, $"booking-{id}.ics"));
    }

    private static async Task<IResult> VisitAsync(long id, HttpContext context, CalendarDownloads downloads, CancellationToken cancellationToken)
    {
        var document = await downloads.VisitAsync(context.GetViewer()!, id, cancellationToken);
        return document is null
            ? TypedResults.NotFound(new { message = "You have no review visit with that id to add to a calendar." })
            : Download(context, document, string.Create(CultureInfo.InvariantCulture, $"visit-{id}.ics"));
    }

    private static IResult Download(HttpContext context, FeedDocument document, string fileName)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        return TypedResults.Bytes(IcsFiles.ToBytes(document), ContentType);
    }
}
