using InclusionNetwork.GraphQL.Engine.Http;
using InclusionNetwork.GraphQL.Engine.Limits;

namespace InclusionNetwork.GraphQL.Engine.Tests.Http;

public sealed class DocumentCacheTests
{
    [Fact]
    public void Returns_the_same_document_for_the_same_text_and_evicts_the_least_recently_used()
    {
        var cache = new DocumentCache(2);
        var schema = GraphQLTestServer.Schema;
        var first = cache.GetOrAdd(schema, "{ hello }", RequestLimits.Default);
        cache.GetOrAdd(schema, "{ viewer }", RequestLimits.Default);

        Assert.Same(first.Document, cache.GetOrAdd(schema, "{ hello }", RequestLimits.Default).Document);
        cache.GetOrAdd(schema, "{ a: hello }", RequestLimits.Default);

        Assert.Equal(2, cache.Count);
        Assert.Same(first.Document, cache.GetOrAdd(schema, "{ hello }", RequestLimits.Default).Document);
        Assert.NotSame(
            cache.GetOrAdd(schema, "{ viewer }", RequestLimits.Default).Document,
            new DocumentCache(2).GetOrAdd(schema, "{ viewer }", RequestLimits.Default).Document);
    }

    [Fact]
    public void Keeps_parse_and_validation_errors_with_the_text()
    {
        var cache = new DocumentCache(10);
        var syntax = cache.GetOrAdd(GraphQLTestServer.Schema, "{", RequestLimits.Default);
        var invalid = cache.GetOrAdd(GraphQLTestServer.Schema, "{ nope }", RequestLimits.Default);

        Assert.Null(syntax.Document);
        Assert.Equal("GRAPHQL_PARSE_FAILED", Assert.Single(syntax.Errors).Code);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Assert.Single(invalid.Errors).Code);
    }
}
