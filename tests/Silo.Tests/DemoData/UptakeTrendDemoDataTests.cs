using System.Globalization;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Silo.Tests.DemoData;

/// <summary>
/// The demo county shows what the programme measures: last academic year's training grows
/// quarter by quarter, and its evaluations by district include a group too small to publish
/// beside groups that are published, so a commissioner sees suppression at work.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UptakeTrendDemoDataTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Last_years_training_rises_each_quarter_and_some_but_not_all_districts_evaluations_are_suppressed()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(), loadDemoData: true);
        using var commissioner = await silo.SignInAsync("commissioner@demo.test");
        var thisYear = CivilTime.AcademicYearOf(silo.Services.GetRequiredService<DomainClock>().GetUtcNow());
        var first = int.Parse(thisYear[..4], CultureInfo.InvariantCulture) - 1;
        var lastYear = $"{first}/{(first + 1) % 100:00}";

        var response = await commissioner.GraphQLAsync($$"""
            {
              uptake {
                q1: training(groupBy: COUNTY, academicYear: "{{lastYear}}", quarter: 1) { bookings }
                q2: training(groupBy: COUNTY, academicYear: "{{lastYear}}", quarter: 2) { bookings }
                q3: training(groupBy: COUNTY, academicYear: "{{lastYear}}", quarter: 3) { bookings }
                q4: training(groupBy: COUNTY, academicYear: "{{lastYear}}", quarter: 4) { bookings }
                evaluationsBy(groupBy: DISTRICT, academicYear: "{{lastYear}}") { group summary { responses suppressed } }
              }
            }
            """);

        var bookings = Enumerable.Range(1, 4).Select(q => response.Get($"uptake.q{q}.0.bookings").GetInt32()).ToList();
        Assert.All(bookings.Zip(bookings.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"bookings by quarter rise: {string.Join(", ", bookings)}"));
        var districts = response.Get("uptake.evaluationsBy").EnumerateArray()
            .Select(g => (Responses: g.GetProperty("summary").GetProperty("responses").GetInt32(), Suppressed: g.GetProperty("summary").GetProperty("suppressed").GetBoolean()))
            .ToList();
        Assert.Contains(districts, d => d.Suppressed && d.Responses is >= 1 and < 5);
        Assert.Contains(districts, d => !d.Suppressed && d.Responses >= 5);
        Assert.True(districts.Count(d => !d.Suppressed) > districts.Count / 2, "most districts are published");
    }
}
