using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Extensions;

[Collection(PostgresCollection.Second)]
public sealed class GraphQLExtensionsTests(PostgresFixture postgres)
{
    private static string Nested(int levels) => string.Concat(Enumerable.Repeat("{ me ", levels - 1)) + "{ name " + new string('}', levels);

    [Fact]
    public async Task Request_limits_come_from_configuration_without_changing_the_engine_defaults()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(),
            settings: [new("GraphQL:Limits:MaxNesting", "5"), new("GraphQL:Limits:MaxFieldComparisons", "10")]);
        using var client = silo.CreateClient();

        var tooDeep = await client.GraphQLAsync(Nested(6));
        var comparisons = await client.GraphQLAsync("{ " + string.Concat(Enumerable.Repeat("me { name } ", 10)) + "}");

        Assert.Equal(400, tooDeep.StatusCode);
        Assert.Equal("MAX_NESTING_EXCEEDED", Assert.Single(tooDeep.Errors).GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("maximum nesting of 5 (MaxNesting)", tooDeep.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("MAX_FIELD_COMPARISONS_EXCEEDED", Assert.Single(comparisons.Errors).GetProperty("extensions").GetProperty("code").GetString());

        // The configured values are this endpoint's, not the process-wide defaults.
        Assert.Equal(64, RequestLimits.Default.MaxNesting);
        Assert.Equal(100_000, RequestLimits.Default.MaxFieldComparisons);
    }

    [Fact]
    public async Task Nested_unpaged_lists_of_places_are_refused_for_their_cost_before_any_resolver_runs()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        using var client = silo.CreateClient();

        var response = await client.GraphQLAsync("{ districts { schools { district { schools { district { schools { name } } } } } } }");

        Assert.Equal(400, response.StatusCode);
        var error = Assert.Single(response.Errors);
        Assert.Equal("MAX_COST_EXCEEDED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, response.Data.ValueKind);
    }
}
