using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Limits;

public sealed class ListSizeTests
{
    private static readonly Schema Schema = new SchemaBuilder()
        .AddSdl(ListSize.DirectiveSdl)
        .AddSdl("""
            type Query { districts: [District!]! @listSize(assumedSize: 12) }
            type District { name: String! schools: [School!]! @listSize(assumedSize: 80) }
            type School { name: String! district: District! staff: [String!]! }
            """)
        .Build();

    [Fact]
    public void Reads_the_declared_size_of_a_list_field()
    {
        Assert.Equal(12, ListSize.Of(Schema.QueryType!.Fields["districts"]));
        Assert.Equal(80, ListSize.Of(((ObjectType)Schema.GetType("District")!).Fields["schools"]));
        Assert.Null(ListSize.Of(((ObjectType)Schema.GetType("School")!).Fields["staff"]));
    }

    [Fact]
    public async Task Costs_nested_unpaged_lists_at_their_declared_sizes()
    {
        // At the default size of 10 this nesting cost 10 x (1 + 10 x (2 + 10 x (2 + 10 x 2))) = 22,210
        // and passed; the real data answers it with 12 x 80 x 80 x 80 schools.
        var query = "{ districts { schools { district { schools { district { schools { name } } } } } } }";

        var result = await Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query, Limits = RequestLimits.Default });

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Code);
        Assert.False(result.ExecutionStarted);

        // One level is an ordinary question: 12 x (1 + 80 x 2).
        var oneLevel = await Executor.ExecuteAsync(Schema, new ExecutionRequest
        {
            Query = "{ districts { name schools { name } } }",
            Limits = RequestLimits.Default with { MaxCost = 12 * (2 + (80 * 2)) },
            RootValue = new Dictionary<string, object?> { ["districts"] = Array.Empty<object>() },
        });
        ResultAssert.NoErrors(oneLevel);
    }
}
