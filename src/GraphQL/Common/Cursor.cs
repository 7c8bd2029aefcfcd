using System.Text;
using System.Text.Json;

namespace InclusionNetwork.GraphQL.Common;

/// <summary>
/// Opaque, stable page cursors: the sort key of the last row seen, as base64url JSON. A
/// cursor stays valid while rows are added or removed, unlike an offset.
/// </summary>
public static class Cursor
{
    public static string Encode(params string[] sortKey) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(sortKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <returns>The sort key, or null when the text is not a cursor of ours with that many parts.</returns>
    public static string[]? Decode(string cursor, int parts)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var key = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            return key is not null && key.Length == parts ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
