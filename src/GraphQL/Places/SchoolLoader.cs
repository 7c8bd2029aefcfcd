using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Places;

/// <summary>
/// Loads schools and staff for resolvers through per-request DataLoaders, so a list of
/// many items that each name a school costs one SQL statement, not one per item.
/// </summary>
public static class SchoolLoader
{
    public static Task<School?> LoadAsync(IResolverContext ctx, string urn) =>
        ctx.DataLoader<string, School>("schools.byUrn",
                (urns, ct) => ctx.Service<SchoolQueries>().FindManyAsync(urns, ct))
            .LoadAsync(urn);

    public static async Task<IReadOnlyList<School>> LoadOpenInDistrictAsync(IResolverContext ctx, string districtId) =>
        await ctx.GroupedDataLoader<string, School>("schools.openByDistrict",
                (ids, ct) => ctx.Service<SchoolQueries>().ListByDistrictsAsync(ids, ct))
            .LoadAsync(districtId) ?? [];

    public static async Task<IReadOnlyList<StaffMember>> LoadStaffAsync(IResolverContext ctx, string urn) =>
        await ctx.GroupedDataLoader<string, StaffMember>("staff.bySchool",
                (urns, ct) => ctx.Service<SchoolQueries>().StaffOfAsync(urns, ct))
            .LoadAsync(urn) ?? [];
}
