using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Bookings;

/// <summary>Per-request batched loads of bookings and what hangs off them (people, schools, attendance, feedback).</summary>
public static class BookingLoaders
{
    public static Task<Booking?> BookingAsync(IResolverContext ctx, long id) =>
        ctx.DataLoader<long, Booking>("bookings.bookingById",
            async (ids, ct) => await ctx.Service<BookingQueries>().FindManyAsync(ids, ct)).LoadAsync(id);

    public static async Task<IReadOnlyList<Booking>> OfRunAsync(IResolverContext ctx, long runId) =>
        await ctx.GroupedDataLoader<long, Booking>("bookings.bookingsByRun",
            async (ids, ct) => await ctx.Service<BookingQueries>().OfRunsAsync(ids, ct)).LoadAsync(runId) ?? [];

    public static async Task<IReadOnlyList<Attendance>> AttendanceAsync(IResolverContext ctx, long bookingId) =>
        await ctx.GroupedDataLoader<long, Attendance>("bookings.attendanceByBooking",
            async (ids, ct) => await ctx.Service<BookingQueries>().AttendanceOfAsync(ids, ct)).LoadAsync(bookingId) ?? [];

    public static Task<Evaluation?> EvaluationAsync(IResolverContext ctx, long bookingId) =>
        ctx.DataLoader<long, Evaluation>("bookings.evaluationByBooking",
            async (ids, ct) => await ctx.Service<BookingQueries>().EvaluationsOfAsync(ids, ct)).LoadAsync(bookingId);

    public static Task<FollowUp?> FollowUpAsync(IResolverContext ctx, long bookingId) =>
        ctx.DataLoader<long, FollowUp>("bookings.followUpByBooking",
            async (ids, ct) => await ctx.Service<BookingQueries>().FollowUpsOfAsync(ids, ct)).LoadAsync(bookingId);

    public static Task<StaffMember?> StaffAsync(IResolverContext ctx, long staffId) =>
        ctx.DataLoader<long, StaffMember>("bookings.staffById",
            async (ids, ct) => await ctx.Service<SchoolQueries>().FindStaffAsync(ids, ct)).LoadAsync(staffId);

    public static Task<School?> SchoolAsync(IResolverContext ctx, string urn) =>
        ctx.DataLoader<string, School>("bookings.schoolByUrn",
            async (urns, ct) => await ctx.Service<SchoolQueries>().FindManyAsync(urns, ct)).LoadAsync(urn);

    /// <summary>The account providing each run's course, in the order of <paramref name="runIds"/>.</summary>
    public static async Task<IReadOnlyList<long?>> ProvidersOfRunsAsync(IResolverContext ctx, IReadOnlyList<long> runIds) =>
        await ctx.DataLoader<long, long?>("bookings.providerByRun",
            async (ids, ct) => await ctx.Service<BookingQueries>().ProvidersOfRunsAsync(ids, ct)).LoadManyAsync(runIds);
}
