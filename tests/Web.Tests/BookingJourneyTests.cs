namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourneyTests(WebFixture web)
{
    [Fact]
    public Task The_directory_searches_filters_and_keeps_the_filters_in_the_address() => web.RunJourneyAsync("directory");

    [Fact]
    public async Task Two_people_for_the_last_place_one_is_confirmed_one_waitlisted_and_a_cancellation_offers_the_place_on()
    {
        var run = await DemoSetup.ScheduleRunAsync(web, capacity: 1);
        var school = await DemoSetup.SchoolWithStaffAsync(web, staff: 2);

        await web.RunJourneyAsync("booking", new
        {
            booker = $"booker.{school.Urn}@demo.test",
            courseId = run.CourseId,
            courseTitle = run.CourseTitle,
            runId = run.RunId,
            people = school.StaffNames.Take(2),
        });
    }
}
