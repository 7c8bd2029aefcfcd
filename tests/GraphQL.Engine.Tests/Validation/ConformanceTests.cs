using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Validation;
using Xunit.Abstractions;

namespace InclusionNetwork.GraphQL.Engine.Tests.Validation;

/// <summary>
/// Runs every graphql-js validation case: each must report the same number of errors at the
/// same locations (the conformance bar). Messages matching word for word are counted and
/// must not fall below what the engine achieves today.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>The number of cases whose messages all match graphql-js word for word.</summary>
    private const int VerbatimCasesAchieved = 432;

    /// <summary>
    /// Cases whose stored query is not the text graphql-js ran: a plain YAML <c>|</c> block
    /// (the other cases use <c>|2-</c>) dropped the query's indentation and spacing, so the
    /// expected columns cannot match the stored text. For these, the error count, the lines
    /// and the messages must agree; columns are not compared.
    /// </summary>
    private static readonly IReadOnlySet<string> ColumnsLostInStorage = new HashSet<string>(StringComparer.Ordinal)
    {
        "UniqueDirectivesPerLocation/duplicate custom non-repeatable directives in one location",
    };

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in ConformanceCases.All.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_reports_the_same_errors_at_the_same_locations(string caseId)
    {
        var testCase = ConformanceCases.All[caseId];
        var actual = Run(testCase);
        Assert.Equal(Describe(Expected(testCase)), Describe(Actual(testCase, actual)));
    }

    [Fact]
    public void Cases_are_all_present() => Assert.Equal(432, ConformanceCases.All.Count);

    [Fact]
    public void Messages_match_graphql_js_word_for_word()
    {
        var agreeing = 0;
        var verbatim = 0;
        var messages = 0;
        var verbatimMessages = 0;
        foreach (var testCase in ConformanceCases.All.Values)
        {
            var actual = Run(testCase);
            var sameLocations = Describe(Expected(testCase)) == Describe(Actual(testCase, actual));
            agreeing += sameLocations ? 1 : 0;
            var allMatch = sameLocations;
            for (var i = 0; i < testCase.Errors.Count; i++)
            {
                messages++;
                if (i < actual.Count && actual[i].Message == testCase.Errors[i].Message)
                {
                    verbatimMessages++;
                }
                else
                {
                    allMatch = false;
                    output.WriteLine($"{testCase.Id}: expected \"{testCase.Errors[i].Message}\", got \"{(i < actual.Count ? actual[i].Message : "nothing")}\"");
                }
            }

            verbatim += allMatch ? 1 : 0;
        }

        output.WriteLine($"{agreeing}/{ConformanceCases.All.Count} cases agree on count and locations; " +
            $"{verbatim} cases and {verbatimMessages}/{messages} messages match word for word.");
        Assert.True(verbatim >= VerbatimCasesAchieved, $"Only {verbatim} cases match word for word; {VerbatimCasesAchieved} did before.");
    }

    private static IEnumerable<IReadOnlyList<SourceLocation>> Expected(ConformanceCase testCase) =>
        Comparable(testCase, testCase.Errors.Select(e => e.Locations));

    private static IEnumerable<IReadOnlyList<SourceLocation>> Actual(ConformanceCase testCase, IReadOnlyList<ValidationError> errors) =>
        Comparable(testCase, errors.Select(e => e.Locations));

    /// <summary>Locations as compared: lines only for the cases whose stored text lost its columns.</summary>
    private static IEnumerable<IReadOnlyList<SourceLocation>> Comparable(
        ConformanceCase testCase, IEnumerable<IReadOnlyList<SourceLocation>> locations) =>
        ColumnsLostInStorage.Contains(testCase.Id)
            ? locations.Select(list => (IReadOnlyList<SourceLocation>)list.Select(l => l with { Column = 0 }).ToList())
            : locations;

    private static IReadOnlyList<ValidationError> Run(ConformanceCase testCase)
    {
        var schema = ConformanceCases.SchemaFor(testCase);
        var document = Parser.Parse(testCase.Query);
        return DocumentValidator.Validate(schema, document, [SpecifiedRules.ByName[testCase.Rule]]);
    }

    private static string Describe(IEnumerable<IReadOnlyList<SourceLocation>> errors) =>
        string.Join(" | ", errors.Select(locations => string.Join(",", locations)));
}
