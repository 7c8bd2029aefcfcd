using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Directory;
using InclusionNetwork.GraphQL.Places;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using Orleans;

namespace InclusionNetwork.GraphQL.Bookings;

/// <summary>
/// Bookings on runs, the waiting list and offers, attendance, evaluations and follow-ups.
/// Each mutation reaches exactly one run grain; a booking is shown only to those
/// <see cref="BookingVisibility"/> allows, and its evaluation and follow-up only to the person who gave them and admins.
/// </summary>
public sealed class BookingsModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Bookings/bookings.graphql"))
        .BindEnum<BookingStatus>()
        .BindEnum<Cancellation>()
        .BindEnum<ContentRating>()
        .BindEnum<Agreement>()
        .BindEnum<Implementation>()
        .Resolve("CourseRun", "bookings", RunBookingsAsync)
        .Resolve("School", "bookings", SchoolBookingsAsync)
        .Resolve("Viewer", "bookings", async ctx => ctx.Source<Viewer>().StaffId is { } staffId
            ? await ctx.Service<BookingQueries>().OfStaffAsync(staffId, ctx.Argument<BookingStatus?>("status"), ctx.CancellationToken)
            : Array.Empty<Booking>())
        .Resolve("Booking", "run", async ctx => await DirectoryLoaders.RunAsync(ctx, ctx.Source<Booking>().RunId))
        .Resolve("Booking", "staff", async ctx => await BookingLoaders.StaffAsync(ctx, ctx.Source<Booking>().StaffId))
        .Resolve("Booking", "school", async ctx => await BookingLoaders.SchoolAsync(ctx, ctx.Source<Booking>().SchoolUrn))
        .Resolve("Booking", "attendance", async ctx => await BookingLoaders.AttendanceAsync(ctx, ctx.Source<Booking>().Id))
        .Resolve("Booking", "evaluation", async ctx => BookingVisibility.SeesFeedback(ctx.Viewer(), ctx.Source<Booking>())
            ? await BookingLoaders.EvaluationAsync(ctx, ctx.Source<Booking>().Id)
            : null)
        .Resolve("Booking", "followUp", async ctx => BookingVisibility.SeesFeedback(ctx.Viewer(), ctx.Source<Booking>())
            ? await BookingLoaders.FollowUpAsync(ctx, ctx.Source<Booking>().Id)
            : null)
        .Resolve("Attendance", "session", async ctx => await DirectoryLoaders.SessionAsync(ctx, ctx.Source<Attendance>().SessionId))
        .Resolve("Attendance", "booking", async ctx => await BookingLoaders.BookingAsync(ctx, ctx.Source<Attendance>().BookingId))
        .Resolve("Mutation", "bookPlaces", BookPlacesAsync)
        .Resolve("Mutation", "cancelBooking", ctx => OnBookingAsync(ctx, "cancel bookings",
            (grain, viewer, bookingId, input) => grain.CancelBookingAsync(viewer, bookingId, input.String("reason"))))
        .Resolve("Mutation", "acceptOffer", ctx => OnBookingAsync(ctx, "accept offers",
            (grain, viewer, bookingId, _) => grain.AcceptOfferAsync(viewer, bookingId)))
        .Resolve("Mutation", "submitEvaluation", ctx => OnBookingAsync(ctx, "give an evaluation",
            (grain, viewer, bookingId, input) => grain.SubmitEvaluationAsync(viewer, bookingId, new EvaluationAnswers(
                input.Enum<ContentRating>("content")!.Value,
                input.Enum<Agreement>("knowledgeImproved")!.Value,
                input.Enum<Agreement>("confidenceImproved")!.Value,
                input.String("comments")))))
        .Resolve("Mutation", "submitFollowUp", ctx => OnBookingAsync(ctx, "give a follow-up",
            (grain, viewer, bookingId, input) => grain.SubmitFollowUpAsync(viewer, bookingId, input.Enum<Implementation>("implemented")!.Value, input.String("notes"))))
        .Resolve("Mutation", "recordAttendance", RecordAttendanceAsync);

    private static async ValueTask<object?> RunBookingsAsync(IResolverContext ctx)
    {
        var run = ctx.Source<CourseRun>();
        if (ctx.Viewer() is not { } viewer)
        {
            return Array.Empty<Booking>();
        }
        return await VisibleAsync(ctx, viewer, await BookingLoaders.OfRunAsync(ctx, run.Id));
    }

    private static async ValueTask<object?> SchoolBookingsAsync(IResolverContext ctx)
    {
        var school = ctx.Source<School>();
        (DateTimeOffset, DateTimeOffset)? year = null;
        if (ctx.Argument<string>("academicYear") is { } academicYear)
        {
            year = CivilTime.AcademicYear(academicYear) ?? throw new QueryArgumentException($"\"{academicYear}\" is not an academic year like 2025/26.");
        }
        if (ctx.Viewer() is not { } viewer)
        {
            return Array.Empty<Booking>();
        }
        var bookings = await ctx.Service<BookingQueries>().OfSchoolAsync(school.Urn, year, ctx.Argument<BookingStatus?>("status"), ctx.CancellationToken);
        return await VisibleAsync(ctx, viewer, bookings);
    }

    /// <summary>
    /// The bookings the viewer may see, decided for the whole list at once: the runs' providers
    /// (for a provider only) and the schools' staff visibility each join one per-request batch
    /// with every other list of the response, so no check costs a query per booking.
    /// </summary>
    private static async Task<IReadOnlyList<Booking>> VisibleAsync(IResolverContext ctx, Viewer viewer, IReadOnlyList<Booking> bookings)
    {
        if (bookings.Count == 0)
        {
            return bookings;
        }
        IReadOnlyDictionary<long, long?> providers = new Dictionary<long, long?>();
        if (viewer.Has(Role.PROVIDER))
        {
            var runIds = bookings.Select(b => b.RunId).Distinct().ToList();
            var providerIds = await BookingLoaders.ProvidersOfRunsAsync(ctx, runIds);
            providers = runIds.Zip(providerIds).ToDictionary(p => p.First, p => p.Second);
        }
        var asParty = bookings.Where(b => BookingVisibility.SeesAsPartyTo(viewer, b, providers.GetValueOrDefault(b.RunId))).Select(b => b.Id).ToHashSet();
        var otherSchools = bookings.Where(b => !asParty.Contains(b.Id)).Select(b => b.SchoolUrn).ToList();
        var visibleSchools = otherSchools.Count == 0 ? new HashSet<string>() : await StaffVisibilityLoader.VisibleSchoolsAsync(ctx, otherSchools);
        return bookings.Where(b => asParty.Contains(b.Id) || visibleSchools.Contains(b.SchoolUrn)).ToList();
    }

    private static async ValueTask<object?> BookPlacesAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return new { bookings = Array.Empty<Booking>(), errors = new[] { DomainError.NotAllowed("Sign in to book places.") } };
        }
        if (InputReader.ParseId(input.String("runId")) is not { } runId)
        {
            return new { bookings = Array.Empty<Booking>(), errors = new[] { DomainError.NotFound("No run has that id.", "input", "runId") } };
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<ICourseRunGrain>(runId)
            .BookAsync(viewer, input.List<string>("staffIds") ?? []);
        return new { bookings = result.Bookings, errors = result.Errors };
    }

    /// <summary>A command about one booking: found by id, then sent to its run's grain.</summary>
    private static async ValueTask<object?> OnBookingAsync(
        IResolverContext ctx, string what, Func<ICourseRunGrain, Viewer, long, InputReader, Task<CommandResult<Booking>>> command)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return BookingPayload(null, [DomainError.NotAllowed($"Sign in to {what}.")]);
        }
        var notFound = DomainError.NotFound("No booking has that id.", "input", "bookingId");
        if (InputReader.ParseId(input.String("bookingId")) is not { } bookingId
            || await ctx.Service<BookingQueries>().RunOfBookingAsync(bookingId, ctx.CancellationToken) is not { } runId)
        {
            return BookingPayload(null, [notFound]);
        }
        var result = await command(ctx.Service<IGrainFactory>().GetGrain<ICourseRunGrain>(runId), viewer, bookingId, input);
        return BookingPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> RecordAttendanceAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return AttendancePayload([], [DomainError.NotAllowed("Sign in to record attendance.")]);
        }
        if (InputReader.ParseId(input.String("sessionId")) is not { } sessionId
            || await ctx.Service<BookingQueries>().RunOfSessionAsync(sessionId, ctx.CancellationToken) is not { } runId)
        {
            return AttendancePayload([], [DomainError.NotFound("No session has that id.", "input", "sessionId")]);
        }
        var marks = (input.List<IReadOnlyDictionary<string, object?>>("attendance") ?? [])
            .Select(m => new InputReader(m))
            .Select(m => new AttendanceMark(m.String("bookingId") ?? "", m.Boolean("present") ?? false))
            .ToList();
        var result = await ctx.Service<IGrainFactory>().GetGrain<ICourseRunGrain>(runId).RecordAttendanceAsync(viewer, sessionId, marks);
        return AttendancePayload(result.Value ?? [], result.Errors);
    }

    private static object BookingPayload(Booking? booking, IReadOnlyList<DomainError> errors) => new { booking, errors };

    private static object AttendancePayload(IReadOnlyList<Attendance> attendance, IReadOnlyList<DomainError> errors) => new { attendance, errors };
}
