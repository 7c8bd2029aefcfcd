using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Places;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using Orleans;

namespace InclusionNetwork.GraphQL.Places;

/// <summary>Areas, districts, schools and their staff.</summary>
public sealed class PlacesModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Places/places.graphql"))
        .BindEnum<Phase>()
        .BindEnum<SchoolType>()
        .BindEnum<StaffRole>()
        .Resolve("Query", "areas", async ctx => await ctx.Service<PlacesDirectory>().AreasAsync(ctx.CancellationToken))
        .Resolve("Query", "districts", async ctx => await ctx.Service<PlacesDirectory>().DistrictsAsync(ctx.CancellationToken))
        .Resolve("Query", "school", async ctx => await SchoolLoader.LoadAsync(ctx, ctx.RequiredArgument<string>("urn")))
        .Resolve("Query", "schools", SchoolsAsync)
        .Resolve("Area", "districts", async ctx =>
            (await ctx.Service<PlacesDirectory>().DistrictsAsync(ctx.CancellationToken)).Where(d => d.AreaId == ctx.Source<Area>().Id).ToList())
        .Resolve("District", "area", async ctx => await ctx.Service<PlacesDirectory>().AreaAsync(ctx.Source<District>().AreaId, ctx.CancellationToken))
        .Resolve("District", "schools", async ctx => await SchoolLoader.LoadOpenInDistrictAsync(ctx, ctx.Source<District>().Id))
        .Resolve("School", "district", async ctx => await ctx.Service<PlacesDirectory>().DistrictAsync(ctx.Source<School>().DistrictId, ctx.CancellationToken))
        .Resolve("School", "staff", StaffAsync)
        .Resolve("StaffMember", "id", ctx => ctx.Source<StaffMember>().Id.ToString(CultureInfo.InvariantCulture))
        .Resolve("StaffMember", "school", async ctx => await SchoolLoader.LoadAsync(ctx, ctx.Source<StaffMember>().SchoolUrn))
        .Resolve("Mutation", "addStaff", AddStaffAsync)
        .Resolve("Mutation", "removeStaff", RemoveStaffAsync)
        .Resolve("Mutation", "changeStaffRole", ChangeStaffRoleAsync);

    private static async ValueTask<object?> SchoolsAsync(IResolverContext ctx)
    {
        var filter = InputReader.OfArgument(ctx, "filter");
        var first = Paging.First(ctx.Argument<int?>("first"), 50);
        var after = Paging.After(ctx.Argument<string>("after"), 2);
        var page = await ctx.Service<SchoolQueries>().SearchAsync(
            new SchoolFilter(
                filter.Boolean("includeClosed") ?? false,
                filter.String("district"),
                filter.String("area"),
                filter.Enum<Phase>("phase"),
                filter.Enum<SchoolType>("type"),
                filter.String("search")),
            first,
            after is null ? null : (after[0], after[1]),
            ctx.CancellationToken);
        return Paging.Connection(page.Schools, s => Cursor.Encode(s.Name, s.Urn), page.HasNextPage, after is not null, page.TotalCount);
    }

    private static async ValueTask<object?> StaffAsync(IResolverContext ctx)
    {
        var school = ctx.Source<School>();
        if (!await StaffVisibilityLoader.CanSeeStaffAsync(ctx, school.Urn))
        {
            return Array.Empty<StaffMember>();
        }
        return await SchoolLoader.LoadStaffAsync(ctx, school.Urn);
    }

    private static async ValueTask<object?> AddStaffAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return StaffPayload(null, [DomainError.NotAllowed("Sign in to add staff.")]);
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<ISchoolGrain>(input.String("schoolUrn")!)
            .AddStaffAsync(viewer, input.String("name") ?? "", input.String("email"), input.Enum<StaffRole>("role")!.Value);
        return StaffPayload(result.Value, result.Errors);
    }

    private static ValueTask<object?> RemoveStaffAsync(IResolverContext ctx) =>
        OnStaffMemberAsync(ctx, "Sign in to remove staff.", (school, viewer, staffId) => school.RemoveStaffAsync(viewer, staffId));

    private static ValueTask<object?> ChangeStaffRoleAsync(IResolverContext ctx) =>
        OnStaffMemberAsync(ctx, "Sign in to change a role.", (school, viewer, staffId) =>
            school.ChangeStaffRoleAsync(viewer, staffId, InputReader.OfInput(ctx).Enum<StaffRole>("role")!.Value));

    /// <summary>
    /// Runs a command on one member of staff through their school's grain, once the caller is
    /// known to be signed in and to belong to that school (or be an admin).
    /// </summary>
    private static async ValueTask<object?> OnStaffMemberAsync(IResolverContext ctx, string signInMessage,
        Func<ISchoolGrain, Viewer, long, Task<CommandResult<StaffMember>>> command)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return StaffPayload(null, [DomainError.NotAllowed(signInMessage)]);
        }
        var notFound = DomainError.NotFound("No member of staff has that id.", "input", "staffId");
        if (InputReader.ParseId(input.String("staffId")) is not { } staffId)
        {
            return StaffPayload(null, [notFound]);
        }
        var member = (await ctx.Service<SchoolQueries>().FindStaffAsync([staffId], ctx.CancellationToken)).GetValueOrDefault(staffId);
        if (member is null || !(viewer.IsAdmin || viewer.SchoolUrn == member.SchoolUrn))
        {
            // Another school's staff are reported as not found: their existence is not ours to reveal.
            return StaffPayload(null, [notFound]);
        }
        var result = await command(ctx.Service<IGrainFactory>().GetGrain<ISchoolGrain>(member.SchoolUrn), viewer, staffId);
        return StaffPayload(result.Value, result.Errors);
    }

    private static object StaffPayload(StaffMember? staff, IReadOnlyList<DomainError> errors) => new { staff, errors };
}
