using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary>
/// The response media types of the GraphQL-over-HTTP draft and the choice between them by
/// the request's <c>Accept</c> header.
/// </summary>
public static class GraphQLMediaTypes
{
    /// <summary>Status codes say whether execution happened (400 for request errors).</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy type: 200 whenever a GraphQL response is returned.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// The acceptable type the client prefers, or null when it accepts neither. No Accept
    /// header means <c>application/json</c> (the draft's rule for legacy clients). On a tie,
    /// an exact mention of both prefers the GraphQL type; wildcards get <c>application/json</c>.
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return Json;
        }

        var (graphQLQuality, graphQLSpecificity) = Score(ranges, GraphQLResponseJson);
        var (jsonQuality, jsonSpecificity) = Score(ranges, Json);
        if (graphQLQuality <= 0 && jsonQuality <= 0)
        {
            return null;
        }

        if (graphQLQuality != jsonQuality)
        {
            return graphQLQuality > jsonQuality ? GraphQLResponseJson : Json;
        }

        if (graphQLSpecificity != jsonSpecificity)
        {
            return graphQLSpecificity > jsonSpecificity ? GraphQLResponseJson : Json;
        }

        return graphQLSpecificity == 2 ? GraphQLResponseJson : Json;
    }

    /// <summary>The quality of the most specific range matching the type: 2 exact, 1 <c>application/*</c>, 0 <c>*/*</c>.</summary>
    private static (double Quality, int Specificity) Score(IList<MediaTypeHeaderValue> ranges, string mediaType)
    {
        var bestSpecificity = -1;
        var bestQuality = 0d;
        foreach (var range in ranges)
        {
            var type = range.MediaType.Value ?? string.Empty;
            int specificity;
            if (string.Equals(type, mediaType, StringComparison.OrdinalIgnoreCase))
            {
                specificity = 2;
            }
            else if (string.Equals(type, "application/*", StringComparison.OrdinalIgnoreCase))
            {
                specificity = 1;
            }
            else if (type == "*/*")
            {
                specificity = 0;
            }
            else
            {
                continue;
            }

            if (range.Charset.HasValue && !string.Equals(range.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                bestQuality = range.Quality ?? 1d;
            }
        }

        return (bestQuality, bestSpecificity);
    }
}
