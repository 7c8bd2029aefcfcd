using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Common;

/// <summary>
/// What the host puts in each request's execution items, and typed access to it from
/// resolvers. The viewer is decided once per request by the host's authentication.
/// </summary>
public static class RequestItems
{
    public const string ViewerKey = "inclusion.viewer";

    /// <summary>The signed-in person, or null for an anonymous caller.</summary>
    public static Viewer? Viewer(this IResolverContext context) =>
        context.Items.TryGetValue(ViewerKey, out var viewer) ? viewer as Viewer : null;
}
