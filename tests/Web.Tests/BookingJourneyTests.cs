namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourneyTests(WebFixture web)
{
    [Fact]
    public Task The_directory_searches_filters_and_keeps_the_filters_in_the_address() => web.RunJourneyAsync("directory");

    [Fact]
    public Task The_directory_searches_and_filters_with_javascript_turned_off() => web.RunJourneyAsync("directoryWithoutJavaScript");

    [Fact]
    public Task A_search_address_with_unknown_values_names_each_problem_instead_of_failing() => web.RunJourneyAsync("directoryBadAddress");

    [Fact]
    public async Task A_course_page_offers_booking_to_school_bookers_and_registers_to_providers_only()
    {
        var run = await DemoSetup.ScheduleRunAsync(web, capacity: 5);
        var school = await DemoSetup.SchoolWithStaffAsync(web, staff: 1, skip: 5);

        await web.RunJourneyAsync("courseByRole", new
        {
            booker = $"booker.{school.Urn}@demo.test",
            courseId = run.CourseId,
            courseTitle = run.CourseTitle,
            runId = run.RunId,
        });
    }

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
