using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Introspection;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Limits;

public sealed class QueryLimitsAnalyzerTests
{
    private static int _resolverCalls;

    private static readonly Schema Schema = new SchemaBuilder()
        .Object("Query", t => t
            .Field("node", "Node", f => f.Resolve(_ =>
            {
                Interlocked.Increment(ref _resolverCalls);
                return new Dictionary<string, object?>();
            }))
            .Field("nodes", "[Node!]!", f => f.Argument("first", "Int", "5").Resolve(_ => Array.Empty<object>())))
        .Object("Node", t => t
            .Field("name", "String")
            .Field("child", "Node")
            .Field("children", "[Node!]!", f => f.Argument("first", "Int")))
        .Build();

    private static Task<ExecutionResult> Run(string query, RequestLimits limits, IReadOnlyDictionary<string, object?>? variables = null) =>
        Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query, Limits = limits, Variables = variables });

    [Fact]
    public async Task Refuses_deep_queries_before_any_resolver_runs()
    {
        var before = Volatile.Read(ref _resolverCalls);
        var result = await Run("{ node { child { child { name } } } }", RequestLimits.Default with { MaxDepth = 3 });

        var error = Assert.Single(result.Errors);
        Assert.Equal("Query depth 4 exceeds the maximum depth of 3.", error.Message);
        Assert.Equal("MAX_DEPTH_EXCEEDED", error.Code);
        Assert.False(result.ExecutionStarted);
        Assert.Equal(before, Volatile.Read(ref _resolverCalls));
    }

    [Fact]
    public async Task Counts_aliases_including_those_in_fragments()
    {
        var result = await Run("{ a: node { ...F } b: node { name } } fragment F on Node { c: name d: name }", RequestLimits.Default with { MaxAliases = 3 });

        Assert.Equal("Query has 4 aliases, which exceeds the maximum of 3.", Assert.Single(result.Errors).Message);
        Assert.Equal("MAX_ALIASES_EXCEEDED", result.Errors[0].Code);
    }

    [Fact]
    public async Task Multiplies_list_costs_by_their_page_size()
    {
        var limits = RequestLimits.Default with { MaxCost = 100, DefaultListSize = 10 };

        // nodes(first: 5 by default) x (1 + children(first: $n) x (1 + name)).
        ResultAssert.NoErrors(await Run("query($n: Int) { nodes { children(first: $n) { name } } }", limits, new Dictionary<string, object?> { ["n"] = 9 }));
        var tooMuch = await Run("query($n: Int) { nodes { children(first: $n) { name } } }", limits, new Dictionary<string, object?> { ["n"] = 10 });
        Assert.Equal("Query cost 105 exceeds the maximum cost of 100.", Assert.Single(tooMuch.Errors).Message);
        Assert.Equal("MAX_COST_EXCEEDED", tooMuch.Errors[0].Code);

        // Without a value, a list without a declared default counts DefaultListSize.
        var undeclared = await Run("{ nodes(first: 20) { children { name } } }", limits);
        Assert.Equal("Query cost 420 exceeds the maximum cost of 100.", Assert.Single(undeclared.Errors).Message);
    }

    [Fact]
    public async Task Refuses_documents_over_the_token_limit_with_its_own_code()
    {
        var result = await Run("{ node { name name name name } }", RequestLimits.Default with { MaxTokens = 5 });

        Assert.Equal("Syntax Error: Document contains more than 5 tokens. Parsing aborted.", Assert.Single(result.Errors).Message);
        Assert.Equal("MAX_TOKENS_EXCEEDED", result.Errors[0].Code);
    }

    [Fact]
    public async Task Default_limits_admit_the_standard_introspection_query()
    {
        ResultAssert.NoErrors(await Run(IntrospectionQuery.Standard, RequestLimits.Default));
    }
}
