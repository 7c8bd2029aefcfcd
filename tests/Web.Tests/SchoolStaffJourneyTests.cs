namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SchoolStaffJourneyTests(WebFixture web)
{
    [Fact]
    public async Task Without_javascript_a_booker_adds_a_member_of_staff_changes_their_role_invites_them_and_removes_them()
    {
        var school = await DemoSetup.SchoolWithStaffAsync(web, staff: 1, skip: 5);

        await web.RunJourneyAsync("schoolStaffWithoutJavaScript", new { bookerEmail = $"booker.{school.Urn}@demo.test" });
    }
}
