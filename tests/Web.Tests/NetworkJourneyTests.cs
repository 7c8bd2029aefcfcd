using System.Globalization;

namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class NetworkJourneyTests(WebFixture web)
{
    private static readonly string[] Ordinals = ["First", "Second", "Third", "Fourth"];

    [Fact]
    public async Task Without_javascript_an_admin_creates_a_monthly_series_and_adds_moves_and_cancels_a_meeting_and_a_member_school_finds_it()
    {
        var free = await DemoSetup.SchoolsOutsideClustersAsync(web, count: 2);
        var first = DateOnly.FromDateTime(DateTime.UtcNow.Date).AddDays(21);
        var name = $"{free.DistrictName} SENCO forum (new)";
        string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await web.RunJourneysAsync(
            ("networkSeriesWithoutJavaScript", new
            {
                name,
                district = free.DistrictName,
                schools = free.Schools.Select(s => new { urn = s.Urn, name = s.Name }),
                firstDate = Day(first),
                recurrenceText = $"{Ordinals[Math.Min((first.Day + 6) / 7, 4) - 1]} {first.DayOfWeek} of each month",
                extraDate = Day(first.AddDays(10)),
                movedDate = Day(first.AddDays(11)),
            }),
            ("networkMemberWithoutJavaScript", new { name, bookerEmail = $"booker.{free.Schools[0].Urn}@demo.test" }));
    }
}
