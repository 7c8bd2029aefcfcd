using System.Globalization;

namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ProviderJourneyTests(WebFixture web)
{
    [Fact]
    public async Task A_provider_takes_attendance_per_session_and_cancels_a_run()
    {
        var pastRunId = await DemoSetup.PastRunWithBookingsAsync(web);
        var future = await DemoSetup.ScheduleRunAsync(web, capacity: 10);

        await web.RunJourneyAsync("register", new { pastRunId, futureRunId = future.RunId });
    }

    [Fact]
    public async Task A_provider_publishes_a_run_downloads_a_delegate_list_and_adds_and_changes_a_course_which_a_school_booker_cannot()
    {
        using var provider = await web.Silo.SignInAsync("provider@demo.test");
        var course = (await provider.QueryAsync("{ directory(first: 1, filter: { deliveryModes: [IN_PERSON] }, orderBy: TITLE) { nodes { id title } } }", path: "directory.nodes"))[0];
        var pastRunId = await DemoSetup.PastRunWithBookingsAsync(web);
        var school = await DemoSetup.SchoolWithStaffAsync(web, staff: 1, skip: 6);
        var day = (int offset) => DateTime.UtcNow.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var courseId = course.GetProperty("id").GetString();

        await web.RunJourneysAsync(
            ("publishRun", new
            {
                courseId,
                courseTitle = course.GetProperty("title").GetString(),
                firstDay = day(60),
                secondDay = day(61),
                closesDay = day(50),
                venue = $"Riverside Centre, Room {Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture)}",
            }),
            ("delegateList", new { pastRunId }),
            ("course", new { title = $"Sensory circuits {Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}" }),
            ("providerPagesRefuseOthers", new { booker = $"booker.{school.Urn}@demo.test", courseId, pastRunId }),
            ("moveSession", new { runId = (await DemoSetup.ScheduleRunAsync(web, capacity: 10)).RunId, newDay = day(38), booker = $"booker.{school.Urn}@demo.test" }));
    }

    [Fact]
    public async Task Booking_places_and_recording_a_register_work_with_javascript_turned_off()
    {
        var bookingRun = await DemoSetup.ScheduleRunAsync(web, capacity: 1);
        var school = await DemoSetup.SchoolWithStaffAsync(web, staff: 2, skip: 7);
        var pastRunId = await DemoSetup.PastRunWithBookingsAsync(web);
        var future = await DemoSetup.ScheduleRunAsync(web, capacity: 10);

        await web.RunJourneysAsync(
            ("bookingWithoutJavaScript", new
            {
                booker = $"booker.{school.Urn}@demo.test",
                courseId = bookingRun.CourseId,
                courseTitle = bookingRun.CourseTitle,
                runId = bookingRun.RunId,
                people = school.StaffNames.Take(2),
            }),
            ("registerWithoutJavaScript", new { pastRunId, futureRunId = future.RunId }));
    }
}
