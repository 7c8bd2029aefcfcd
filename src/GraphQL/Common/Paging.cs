namespace InclusionNetwork.GraphQL.Common;

/// <summary>Checks of connection arguments shared by every paged field.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;

    /// <exception cref="QueryArgumentException"><paramref name="first"/> is negative or over the maximum.</exception>
    public static int First(int? first, int defaultSize)
    {
        var size = first ?? defaultSize;
        if (size is < 0 or > MaxPageSize)
        {
            throw new QueryArgumentException($"\"first\" must be between 0 and {MaxPageSize}; it was {size}.");
        }
        return size;
    }

    /// <exception cref="QueryArgumentException">The cursor is not one this API gave out.</exception>
    public static string[]? After(string? after, int parts) =>
        after is null ? null : Cursor.Decode(after, parts) ?? throw new QueryArgumentException("\"after\" is not a cursor this API gave out.");
}
