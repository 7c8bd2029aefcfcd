using System.Text.Json;

namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SchoolFiguresJourneyTests(WebFixture web)
{
    [Fact]
    public async Task A_schools_booker_and_head_read_its_figures_and_follow_a_recommended_course_and_other_staff_may_not()
    {
        var school = await ReviewedSchoolAsync();

        var page = new { schoolName = school.SchoolName, firstCourseId = school.FirstCourseId, firstCourseTitle = school.FirstCourseTitle };
        await web.RunJourneyAsync("schoolFigures", new { booker = school.Booker, page.schoolName, page.firstCourseId, page.firstCourseTitle });
        await web.RunJourneyAsync("schoolFiguresWithoutJavaScript", new { head = school.Head, teacher = school.Teacher, page.schoolName, page.firstCourseId, page.firstCourseTitle });
    }

    private sealed record ReviewedSchool(string Booker, string Head, string Teacher, string SchoolName, string FirstCourseId, string FirstCourseTitle);

    /// <summary>
    /// A primary school reviewed last year (so it has a reported visit to follow) whose head and
    /// a teacher have accounts, with the course its booker is recommended first.
    /// </summary>
    private async Task<ReviewedSchool> ReviewedSchoolAsync()
    {
        var today = DateTime.UtcNow;
        var start = (today.Month >= 9 ? today.Year : today.Year - 1) - 1;
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var clusters = await admin.QueryAsync(
            "query($year: String) { clusters(academicYear: $year) { members { urn name phase staff { role email } } } }",
            new { year = $"{start}/{(start + 1) % 100:00}" }, "clusters");
        var candidates = clusters.EnumerateArray().SelectMany(c => c.GetProperty("members").EnumerateArray())
            .Where(s => s.GetProperty("phase").GetString() == "PRIMARY")
            .Select(s => (School: s, Head: StaffEmail(s, "HEADTEACHER"), Teacher: StaffEmail(s, "TEACHER")))
            .Where(c => c.Head is not null && c.Teacher is not null)
            .Take(3);
        foreach (var (school, head, teacher) in candidates)
        {
            var urn = school.GetProperty("urn").GetString()!;
            using var booker = await web.Silo.SignInAsync($"booker.{urn}@demo.test");
            var courses = await booker.QueryAsync("query($urn: ID!) { school(urn: $urn) { recommendedCourses { id title } } }", new { urn }, "school.recommendedCourses");
            if (courses.GetArrayLength() > 0)
            {
                return new ReviewedSchool($"booker.{urn}@demo.test", head!, teacher!, school.GetProperty("name").GetString()!,
                    courses[0].GetProperty("id").GetString()!, courses[0].GetProperty("title").GetString()!);
            }
        }
        throw new InvalidOperationException("No primary school reviewed last year in the demo county has a head and a teacher with accounts and a recommended course.");
    }

    private static string? StaffEmail(JsonElement school, string role) =>
        school.GetProperty("staff").EnumerateArray()
            .Where(s => s.GetProperty("role").GetString() == role && s.GetProperty("email").GetString() is { } email && email.EndsWith("@demo.test", StringComparison.Ordinal))
            .Select(s => s.GetProperty("email").GetString())
            .FirstOrDefault();
}
