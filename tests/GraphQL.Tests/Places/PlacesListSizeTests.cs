using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.GraphQL.Tests.Places;

/// <summary>
/// The unpaged lists of places declare the size a county's data can reach, so the request
/// cost limit refuses nesting them before any resolver runs; no database is needed.
/// </summary>
public sealed class PlacesListSizeTests
{
    private static readonly Schema Schema = new ServiceCollection().AddInclusionSchema().BuildServiceProvider().GetRequiredService<Schema>();

    private static IReadOnlyList<GraphQLError> LimitErrors(string query)
    {
        var document = Parser.Parse(query);
        var operation = (OperationDefinitionNode)document.Definitions[0];
        return QueryLimitsAnalyzer.Check(Schema, document, operation, new Dictionary<string, object?>(), RequestLimits.Default);
    }

    [Fact]
    public async Task Nested_unpaged_lists_of_districts_and_schools_are_over_the_cost_limit()
    {
        // At the default list size of 10 this cost 22,210 and passed; the demo county
        // answered it with 12 x 50 x 50 x 50 schools, 123 MB.
        var result = await Executor.ExecuteAsync(Schema, new ExecutionRequest
        {
            Query = "{ districts { schools { district { schools { district { schools { name } } } } } } }",
            Limits = RequestLimits.Default,
        });

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Code);
        Assert.False(result.ExecutionStarted);
        Assert.Equal(ErrorCodes.MaxCostExceeded, Assert.Single(LimitErrors("{ districts { schools { district { schools { name } } } } }")).Code);
    }

    [Fact]
    public void Ordinary_questions_about_places_are_within_the_limit()
    {
        Assert.Empty(LimitErrors("{ areas { name districts { id name } } districts { id name area { name } } }"));
        Assert.Empty(LimitErrors("{ districts { name schools { urn name phase type } } }"));
        Assert.Empty(LimitErrors("{ school(urn: \"900001\") { name staff { name role } district { name } } }"));
    }
}
