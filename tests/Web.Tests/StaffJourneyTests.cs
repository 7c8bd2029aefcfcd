namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class StaffJourneyTests(WebFixture web)
{
    [Fact]
    public async Task Staff_evaluate_and_follow_up_a_course_add_it_to_their_calendar_and_subscribe_to_a_feed()
    {
        var (email, bookingId) = await DemoSetup.BookingToEvaluateAsync(web);

        await web.RunJourneyAsync("staff", new { email, bookingId });
    }

    [Fact]
    public async Task A_school_booker_creates_fetches_and_revokes_a_school_calendar_feed()
    {
        var school = await DemoSetup.SchoolWithStaffAsync(web, staff: 1, skip: 3);

        await web.RunJourneyAsync("calendars", new { email = $"booker.{school.Urn}@demo.test", scopeText = "My school’s courses and visits" });
    }
}
