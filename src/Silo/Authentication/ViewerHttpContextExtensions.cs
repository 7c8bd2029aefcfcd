using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Silo.Authentication;

/// <summary>The signed-in person of a request, as the authentication handler found them.</summary>
public static class ViewerHttpContextExtensions
{
    private static readonly object Key = new();

    public static void SetViewer(this HttpContext context, Viewer viewer) => context.Items[Key] = viewer;

    /// <summary>Null for an anonymous caller.</summary>
    public static Viewer? GetViewer(this HttpContext context) => context.Items.TryGetValue(Key, out var v) ? v as Viewer : null;
}
