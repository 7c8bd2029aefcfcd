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

    /// <summary>The id an id-ordered connection's cursor stands for.</summary>
    /// <exception cref="QueryArgumentException">The cursor is not one this API gave out.</exception>
    public static long? AfterId(string? after) =>
        After(after, 1) is { } parts
            ? InputReader.ParseId(parts[0]) ?? throw new QueryArgumentException("\"after\" is not a cursor this API gave out.")
            : null;

    /// <summary>
    /// A page as the contract's connection types have it: edges with their cursors, the nodes,
    /// pageInfo and totalCount. There is a previous page whenever the page started after a cursor.
    /// </summary>
    public static object Connection<TNode>(
        IReadOnlyList<TNode> nodes, Func<TNode, string> cursorOf, bool hasNextPage, bool startedAfterCursor, int totalCount)
    {
        var edges = nodes.Select(node => new { cursor = cursorOf(node), node }).ToList();
        return new
        {
            edges,
            nodes,
            pageInfo = new
            {
                hasNextPage,
                hasPreviousPage = startedAfterCursor,
                startCursor = edges.FirstOrDefault()?.cursor,
                endCursor = edges.LastOrDefault()?.cursor,
            },
            totalCount,
        };
    }
}
