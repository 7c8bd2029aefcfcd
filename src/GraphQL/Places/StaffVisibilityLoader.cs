using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Places;

/// <summary>
/// Whether the request's viewer may see a school's staff, through one per-request
/// DataLoader: every row of a response that needs the answer (staff lists, bookings of
/// many runs and schools) queues its school, and the whole set is decided in one go.
/// </summary>
public static class StaffVisibilityLoader
{
    public static async Task<bool> CanSeeStaffAsync(IResolverContext ctx, string schoolUrn) =>
        await Loader(ctx).LoadAsync(schoolUrn);

    /// <summary>Of the schools, those whose staff the viewer may see; the keys join the batch of every other resolver waiting.</summary>
    public static async Task<IReadOnlySet<string>> VisibleSchoolsAsync(IResolverContext ctx, IEnumerable<string> schoolUrns)
    {
        var urns = schoolUrns.Distinct(StringComparer.Ordinal).ToList();
        var answers = await Loader(ctx).LoadManyAsync(urns);
        var visible = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < urns.Count; i++)
        {
            if (answers[i])
            {
                visible.Add(urns[i]);
            }
        }
        return visible;
    }

    private static DataLoader<string, bool> Loader(IResolverContext ctx) =>
        ctx.DataLoader<string, bool>("staff.visibleToViewer", async (urns, ct) =>
        {
            var visible = await ctx.Service<StaffVisibility>().SchoolsVisibleToAsync(ctx.Viewer(), urns, ct);
            return urns.Distinct(StringComparer.Ordinal).ToDictionary(urn => urn, visible.Contains, StringComparer.Ordinal);
        });
}
