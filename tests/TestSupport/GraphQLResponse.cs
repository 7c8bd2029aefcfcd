using System.Text.Json;

namespace InclusionNetwork.TestSupport;

/// <summary>A GraphQL response as the client saw it: HTTP status, data and errors.</summary>
public sealed record GraphQLResponse(int StatusCode, JsonElement Body)
{
    public JsonElement Data => Body.TryGetProperty("data", out var data) ? data : default;

    public IReadOnlyList<JsonElement> Errors =>
        Body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    /// <summary>The data at a dotted path (e.g. "bookPlaces.bookings"), failing clearly when the response has errors.</summary>
    public JsonElement Get(string path)
    {
        if (Errors.Count > 0)
        {
            throw new InvalidOperationException($"The response has errors: {Body}");
        }
        var current = Data;
        foreach (var part in path.Split('.'))
        {
            current = int.TryParse(part, out var index) ? current[index] : current.GetProperty(part);
        }
        return current;
    }

    /// <summary>The codes of a payload's user errors (e.g. "bookPlaces.errors").</summary>
    public IReadOnlyList<string> UserErrorCodes(string payloadPath) =>
        [.. Get(payloadPath + ".errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
}
