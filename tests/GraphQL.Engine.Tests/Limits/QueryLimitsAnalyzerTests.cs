using System.Diagnostics;
using System.Text;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
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
            .Field("nodes", "[Node!]!", f => f.Argument("first", "Int", "5").Resolve(_ => Array.Empty<object>()))
            .Field("connection", "Connection", f => f.Argument("first", "Int")))
        .Object("Connection", t => t
            .Field("nodes", "[Node!]!")
            .Field("edges", "[Edge!]!"))
        .Object("Edge", t => t.Field("node", "Node!"))
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
        Assert.Equal("Query depth of at least 4 exceeds the maximum depth of 3.", error.Message);
        Assert.Equal("MAX_DEPTH_EXCEEDED", error.Code);
        Assert.False(result.ExecutionStarted);
        Assert.Equal(before, Volatile.Read(ref _resolverCalls));
    }

    [Fact]
    public async Task Counts_aliases_including_those_in_fragments()
    {
        var result = await Run("{ a: node { ...F } b: node { name } } fragment F on Node { c: name d: name }", RequestLimits.Default with { MaxAliases = 3 });

        Assert.Equal("Query has at least 4 aliases, which exceeds the maximum of 3.", Assert.Single(result.Errors).Message);
        Assert.Equal("MAX_ALIASES_EXCEEDED", result.Errors[0].Code);
    }

    [Fact]
    public async Task A_connections_page_size_sizes_the_lists_directly_in_it()
    {
        async Task<string?> CodeAsync(string query, int maxCost) =>
            (await Run(query, RequestLimits.Default with { MaxCost = maxCost, DefaultListSize = 10 })).Errors.SingleOrDefault()?.Code;

        // connection + 30 nodes x (1 + name): 61, not the 21 of the default list size.
        Assert.Null(await CodeAsync("{ connection(first: 30) { nodes { name } } }", 61));
        Assert.Equal("MAX_COST_EXCEEDED", await CodeAsync("{ connection(first: 30) { nodes { name } } }", 60));
        // Only the lists directly in it: children below each node keep the default of 10. 1 + 30 x (1 + 1 + 10 x 2).
        Assert.Null(await CodeAsync("{ connection(first: 30) { edges { node { children { name } } } } }", 661));
        Assert.Equal("MAX_COST_EXCEEDED", await CodeAsync("{ connection(first: 30) { edges { node { children { name } } } } }", 660));
        // One fragment under connections of two page sizes costs each its own: (1 + 2 x 2) + (1 + 30 x 2).
        const string twice = "{ a: connection(first: 2) { ...F } b: connection(first: 30) { ...F } } fragment F on Connection { nodes { name } }";
        Assert.Null(await CodeAsync(twice, 66));
        Assert.Equal("MAX_COST_EXCEEDED", await CodeAsync(twice, 65));
    }

    [Fact]
    public async Task A_page_size_above_the_largest_page_is_estimated_at_the_largest_page()
    {
        // 1 + 1000 x 2 would pass 100; with pages of at most 40 it is 1 + 40 x 2, and the field refuses the 1000 itself.
        const string oversized = "{ connection(first: 1000) { nodes { name } } }";
        Assert.Equal("MAX_COST_EXCEEDED", (await Run(oversized, RequestLimits.Default with { MaxCost = 100 })).Errors.SingleOrDefault()?.Code);
        Assert.Empty((await Run(oversized, RequestLimits.Default with { MaxCost = 100, MaxPageSize = 40 })).Errors);
        Assert.Equal("MAX_COST_EXCEEDED", (await Run(oversized, RequestLimits.Default with { MaxCost = 80, MaxPageSize = 40 })).Errors.SingleOrDefault()?.Code);
    }

    [Fact]
    public async Task Multiplies_list_costs_by_their_page_size()
    {
        var limits = RequestLimits.Default with { MaxCost = 100, DefaultListSize = 10 };

        // nodes(first: 5 by default) x (1 + children(first: $n) x (1 + name)).
        ResultAssert.NoErrors(await Run("query($n: Int) { nodes { children(first: $n) { name } } }", limits, new Dictionary<string, object?> { ["n"] = 9 }));
        var tooMuch = await Run("query($n: Int) { nodes { children(first: $n) { name } } }", limits, new Dictionary<string, object?> { ["n"] = 10 });
        Assert.Equal("Query cost of at least 105 exceeds the maximum cost of 100.", Assert.Single(tooMuch.Errors).Message);
        Assert.Equal("MAX_COST_EXCEEDED", tooMuch.Errors[0].Code);

        // Without a value, a list without a declared default counts DefaultListSize. The check
        // stops at the first field that takes the cost past the maximum: 20 x 10 names.
        var undeclared = await Run("{ nodes(first: 20) { children { name } } }", limits);
        Assert.Equal("Query cost of at least 200 exceeds the maximum cost of 100.", Assert.Single(undeclared.Errors).Message);
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

    /// <summary>Fragments F0..F(n-1), each spreading the next twice: 2^n fields once expanded, from a document of a few hundred bytes.</summary>
    private static string FragmentBomb(int fragments, string leaf)
    {
        var query = new StringBuilder("query { node { ...F0 } }");
        for (var i = 0; i < fragments - 1; i++)
        {
            query.Append($" fragment F{i} on Node {{ ...F{i + 1} ...F{i + 1} }}");
        }

        return query.Append($" fragment F{fragments - 1} on Node {{ {leaf} }}").ToString();
    }

    private static IReadOnlyList<GraphQLError> Analyze(string query, RequestLimits limits, CancellationToken cancellationToken = default)
    {
        var document = Parser.Parse(query);
        var operation = (OperationDefinitionNode)document.Definitions[0];
        return QueryLimitsAnalyzer.Check(Schema, document, operation, new Dictionary<string, object?>(), limits, cancellationToken);
    }

    [Fact]
    public void Measures_each_fragment_once_however_often_it_is_spread()
    {
        // 26 fragments spreading the next twice are 2^25 aliased fields; expanding every spread
        // took tens of seconds. With no cost or alias limit to stop at and the depth within
        // its limit, the whole operation is measured: only measuring each fragment once keeps
        // that fast.
        var query = FragmentBomb(26, "a: name child { name }");
        var stopwatch = Stopwatch.StartNew();
        var errors = Analyze(query, RequestLimits.None with { MaxDepth = 3 });
        stopwatch.Stop();

        Assert.Empty(errors);
        Assert.Equal("Query depth of at least 3 exceeds the maximum depth of 2.", Assert.Single(Analyze(query, RequestLimits.None with { MaxDepth = 2 })).Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"The analysis took {stopwatch.Elapsed}.");
    }

    [Fact]
    public void Counts_a_measured_fragment_in_full_at_each_later_spread()
    {
        // F is measured at the first spread (fields at depths 2 and 3); reused at depth 2 its
        // fields are at depths 3 and 4, and its alias counts again.
        var query = "{ node { ...F } other: node { child { ...F } } } fragment F on Node { a: name child { name } }";

        Assert.Empty(Analyze(query, RequestLimits.Default with { MaxDepth = 4, MaxAliases = 3 }));
        Assert.Equal(
            "Query depth of at least 4 exceeds the maximum depth of 3.",
            Assert.Single(Analyze(query, RequestLimits.Default with { MaxDepth = 3 })).Message);
        Assert.Equal(
            "Query has at least 3 aliases, which exceeds the maximum of 2.",
            Assert.Single(Analyze(query, RequestLimits.Default with { MaxAliases = 2 })).Message);

        // The cost is the same as expanding: node(1) + F(3), other(1) + child(1) + F(3).
        Assert.Empty(Analyze(query, RequestLimits.Default with { MaxCost = 9 }));
        Assert.Equal(
            "Query cost of at least 9 exceeds the maximum cost of 8.",
            Assert.Single(Analyze(query, RequestLimits.Default with { MaxCost = 8 })).Message);
    }

    [Fact]
    public async Task Stops_at_the_cost_limit_of_a_fragment_bomb_without_running_a_resolver()
    {
        var before = Volatile.Read(ref _resolverCalls);
        var stopwatch = Stopwatch.StartNew();
        var result = await Run(FragmentBomb(26, "name"), RequestLimits.Default);
        stopwatch.Stop();

        var error = Assert.Single(result.Errors);
        Assert.Equal("MAX_COST_EXCEEDED", error.Code);
        Assert.Equal("Query cost of at least 65536 exceeds the maximum cost of 50000.", error.Message);
        Assert.Equal(before, Volatile.Read(ref _resolverCalls));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"The request took {stopwatch.Elapsed}.");
    }

    [Fact]
    public void Stops_when_the_request_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Analyze("{ node { name } }", RequestLimits.Default, cancelled.Token));
    }

    [Fact]
    public async Task A_cancelled_request_stops_before_parsing_validation_and_execution_do_their_work()
    {
        // Parsing checks the token every thousand tokens, so the document is long enough to reach a check.
        var query = "{ " + string.Join(" ", Enumerable.Repeat("node { name }", 400)) + " }";
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var before = Volatile.Read(ref _resolverCalls);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query, Limits = RequestLimits.None }, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Executor.Parse(query, RequestLimits.None, cancelled.Token, out _));
        Assert.ThrowsAny<OperationCanceledException>(() => Executor.Validate(Schema, Parser.Parse(query), RequestLimits.None, cancelled.Token));
        Assert.Equal(before, Volatile.Read(ref _resolverCalls));
    }

    [Fact]
    public async Task Refuses_a_document_whose_every_operation_has_too_many_aliases_before_validating_it()
    {
        // 1,650 aliases of one field that all conflict: validation would compare every pair.
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 1650).Select(i => i % 2 == 0 ? "x: node { name }" : "x: nodes { name }")) + " }";

        var result = await Run(query, RequestLimits.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal("MAX_ALIASES_EXCEEDED", error.Code);
        Assert.Equal("Query has at least 31 aliases, which exceeds the maximum of 30.", error.Message);
    }

    [Fact]
    public async Task Admits_a_document_with_one_operation_under_the_alias_limit_and_another_over_it()
    {
        var query = "query Few { a: node { name } } query Many { a: node { name } b: node { name } c: node { name } }";
        var limits = RequestLimits.Default with { MaxAliases = 2 };

        ResultAssert.NoErrors(await Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query, OperationName = "Few", Limits = limits }));
        var many = await Executor.ExecuteAsync(Schema, new ExecutionRequest { Query = query, OperationName = "Many", Limits = limits });
        Assert.Equal("MAX_ALIASES_EXCEEDED", Assert.Single(many.Errors).Code);
    }
}
