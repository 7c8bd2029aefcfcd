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
}
