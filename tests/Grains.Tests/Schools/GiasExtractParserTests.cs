using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Grains.Tests.Schools;

public sealed class GiasExtractParserTests
{
    private static readonly Dictionary<string, string> Districts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Dover"] = "dover",
        ["Folkestone and Hythe"] = "folkestone-and-hythe",
    };

    private const string Header = "URN,EstablishmentName,LA (name),TypeOfEstablishment (name),PhaseOfEducation (name),EstablishmentStatus (name),DistrictAdministrative (name),Postcode\n";

    private static IReadOnlyList<ImportedSchool> Parse(string rows) => GiasExtractParser.Parse(new StringReader(Header + rows), Districts);

    [Theory]
    [InlineData("Community school", "Primary", SchoolType.MAINTAINED, Phase.PRIMARY)]
    [InlineData("Academy sponsor led", "Secondary", SchoolType.ACADEMY, Phase.SECONDARY)]
    [InlineData("Free schools", "All-through", SchoolType.FREE_SCHOOL, Phase.ALL_THROUGH)]
    [InlineData("Community special school", "Not applicable", SchoolType.SPECIAL, Phase.ALL_THROUGH)]
    [InlineData("Pupil referral unit", "Not applicable", SchoolType.PUPIL_REFERRAL_UNIT, Phase.ALL_THROUGH)]
    [InlineData("Other independent school", "Primary", SchoolType.INDEPENDENT, Phase.PRIMARY)]
    [InlineData("Local authority nursery school", "Nursery", SchoolType.EARLY_YEARS_SETTING, Phase.EARLY_YEARS)]
    [InlineData("Early years setting", "Not applicable", SchoolType.EARLY_YEARS_SETTING, Phase.EARLY_YEARS)]
    [InlineData("Academy 16-19 converter", "16 plus", SchoolType.ACADEMY, Phase.POST_16)]
    public void Maps_gias_words_to_contract_types_and_phases(string giasType, string giasPhase, SchoolType type, Phase phase)
    {
        var school = Assert.Single(Parse($"118000,A School,Kent,{giasType},{giasPhase},Open,Dover,ct16 1aa\n"));

        Assert.Equal(type, school.Type);
        Assert.Equal(phase, school.Phase);
        Assert.Equal("CT16 1AA", school.Postcode);
        Assert.True(school.Open);
    }

    [Fact]
    public void Closed_establishments_are_kept_but_marked_and_former_district_names_are_understood()
    {
        var school = Assert.Single(Parse("118001,Old School,Kent,Community school,Primary,Closed,Shepway,\n"));

        Assert.False(school.Open);
        Assert.Equal("folkestone-and-hythe", school.DistrictId);
        Assert.Null(school.Postcode);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_number()
    {
        var error = Assert.Throws<SchoolImportException>(() => Parse(
            "118001,Fine,Kent,Community school,Primary,Open,Dover,\n" +
            "12,Short URN,Kent,Community school,Primary,Open,Dover,\n" +
            "118003,Far Away,Kent,Community school,Primary,Open,Leeds,\n" +
            "118001,Again,Kent,Community school,Primary,Open,Dover,\n"));

        Assert.Equal([3, 4, 5], error.Errors.Select(e => e.LineNumber));
        Assert.Contains("URN '12'", error.Errors[0].Message);
        Assert.Contains("Leeds", error.Errors[1].Message);
        Assert.Contains("first on line 2", error.Errors[2].Message);
    }

    [Fact]
    public void A_missing_column_is_reported_on_the_header_line()
    {
        var error = Assert.Throws<SchoolImportException>(() =>
            GiasExtractParser.Parse(new StringReader("URN,EstablishmentName\n118001,A\n"), Districts));

        Assert.Equal(1, Assert.Single(error.Errors).LineNumber);
        Assert.Contains("'TypeOfEstablishment (name)'", error.Errors[0].Message);
    }

    [Fact]
    public void Broken_quoting_refuses_the_file_on_its_line_after_the_problems_of_the_rows_before_it()
    {
        var error = Assert.Throws<SchoolImportException>(() => Parse(
            "12,Short URN,Kent,Community school,Primary,Open,Dover,\n" +
            "118002,\"St Mary\"s,Kent,Community school,Primary,Open,Dover,\n" +
            "118003,Fine,Kent,Community school,Primary,Open,Dover,\n"));

        Assert.Equal([2, 3], error.Errors.Select(e => e.LineNumber));
        Assert.Contains("cannot be read", error.Errors[1].Message);
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks()
    {
        var school = Assert.Single(Parse("118004,\"St Mary\"\"s, \"\"Upper\"\"\nSite\",Kent,Community school,Primary,Open,Dover,\n"));

        Assert.Equal("St Mary\"s, \"Upper\"\nSite", school.Name);
    }
}
