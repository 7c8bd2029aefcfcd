using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Places;

/// <summary>
/// Loads schools and staff for resolvers, batched per request so a list of many items that
/// each name a school costs one SQL statement, not one per item.
/// </summary>
public static class SchoolLoader
{
    public static async Task<School?> LoadAsync(IResolverContext ctx, string urn) =>
        (await ctx.Service<SchoolQueries>().FindManyAsync([urn], ctx.CancellationToken)).GetValueOrDefault(urn);

    public static async Task<IReadOnlyList<School>> LoadOpenInDistrictAsync(IResolverContext ctx, string districtId) =>
        (await ctx.Service<SchoolQueries>().ListByDistrictsAsync([districtId], ctx.CancellationToken))[districtId].ToList();

    public static async Task<IReadOnlyList<StaffMember>> LoadStaffAsync(IResolverContext ctx, string urn) =>
        (await ctx.Service<SchoolQueries>().StaffOfAsync([urn], ctx.CancellationToken))[urn].ToList();
}
